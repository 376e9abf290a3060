package org.apache.kafka.connect.source;

/**
 * Whether a source connector can define its own transaction boundaries, i.e. supports
 * {@code transaction.boundary=connector} with exactly-once source support.
 */
public enum ConnectorTransactionBoundaries {
    /** The connector's tasks define transaction boundaries through their {@link TransactionContext}. */
    SUPPORTED,
    /** The connector cannot define transaction boundaries. */
    UNSUPPORTED
}
