package org.apache.kafka.connect.source;

/**
 * Whether a source connector can deliver exactly once when the worker runs with exactly-once
 * source support, as reported by {@link SourceConnector#exactlyOnceSupport}.
 */
public enum ExactlyOnceSupport {
    /** The connector supports exactly-once delivery with the given configuration. */
    SUPPORTED,
    /** The connector does not support exactly-once delivery with the given configuration. */
    UNSUPPORTED
}
