package dev.sluice.runtime.worker.errors;

/** Creates a topic unless it exists; the dead letter queue reporter uses it once, when a sink task starts. */
@FunctionalInterface
public interface TopicCreator {

    /**
     * Makes sure the topic exists.
     *
     * @param topic the topic's name
     * @param partitions the partitions to create it with
     * @param replicationFactor the replication factor to create it with
     * @throws org.apache.kafka.connect.errors.ConnectException if it neither exists nor could be created
     */
    void createIfMissing(String topic, int partitions, short replicationFactor);
}
