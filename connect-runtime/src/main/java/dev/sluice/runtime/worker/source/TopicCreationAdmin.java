package dev.sluice.runtime.worker.source;

import org.apache.kafka.clients.admin.NewTopic;

/**
 * What {@link TopicCreation} needs from an admin client: whether a topic exists, and creating one. The real one is
 * {@link KafkaTopicCreationAdmin}; tests use a fake. A {@link org.apache.kafka.common.errors.RetriableException}
 * (a timeout) may escape either method: the source task then retries the send later.
 */
public interface TopicCreationAdmin extends AutoCloseable {

    /** The outcome of a request to create a topic. */
    enum Outcome {
        /** The topic was created. */
        CREATED,
        /** The topic existed already. */
        EXISTING,
        /** The topic was not created and its existence is unknown (not authorized, or unsupported by the broker). */
        NOT_CREATED
    }

    /**
     * Whether the topic exists.
     *
     * @throws org.apache.kafka.connect.errors.ConnectException if it cannot be described (other than being unknown)
     */
    boolean exists(String topic);

    /**
     * Creates the topic.
     *
     * @throws org.apache.kafka.connect.errors.ConnectException if the request failed for a reason other than those
     *     of {@link Outcome#NOT_CREATED}
     */
    Outcome create(NewTopic topic);

    /** Releases the admin client, within a bounded time. */
    @Override
    void close();
}
