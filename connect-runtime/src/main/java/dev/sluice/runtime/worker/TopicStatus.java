package dev.sluice.runtime.worker;

import java.util.Objects;

/**
 * A topic a connector has used (KIP-558 "active topics"): a source task wrote to it or a sink task read from it.
 *
 * @param topic             the topic
 * @param connector         the connector
 * @param task              the task that used it first on this worker
 * @param discoverTimestamp when that happened, in epoch milliseconds
 */
public record TopicStatus(String topic, String connector, int task, long discoverTimestamp) {

    /** Checks the required fields. */
    public TopicStatus {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(connector, "connector");
    }
}
