package dev.sluice.runtime.worker.errors;

import dev.sluice.runtime.config.SinkConnectorConfig;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the records a sink task failed on to the connector's dead letter queue topic
 * ({@code errors.deadletterqueue.topic.name}): the consumed record's own key and value bytes, headers and timestamp,
 * unchanged, plus the {@link DeadLetterQueueHeaders} when {@code errors.deadletterqueue.context.headers.enable} is
 * true. The partition is left to the producer.
 *
 * <p>The future of each report completes when the broker acknowledges the write, or exceptionally when it fails
 * (which is also logged and counted). The producer is owned by this reporter and closed with it.
 */
public final class DeadLetterQueueReporter implements ErrorReporter {

    /** Partitions of the dead letter queue topic when the worker creates it. */
    public static final int TOPIC_PARTITIONS = 1;

    private static final Logger log = LoggerFactory.getLogger(DeadLetterQueueReporter.class);

    private final String topic;
    private final DeadLetterQueueHeaders contextHeaders;
    private final Producer<byte[], byte[]> producer;
    private final ErrorCounters counters;

    /**
     * A reporter writing to an existing topic.
     *
     * @param topic the dead letter queue topic
     * @param contextHeaders the error context headers to add, or null to add none
     * @param producer the producer to write with; closed by {@link #close()}
     * @param counters where writes and failed writes are counted
     */
    public DeadLetterQueueReporter(String topic, DeadLetterQueueHeaders contextHeaders,
                                   Producer<byte[], byte[]> producer, ErrorCounters counters) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.contextHeaders = contextHeaders;
        this.producer = Objects.requireNonNull(producer, "producer");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    /**
     * The reporter of a sink connector whose configuration names a dead letter queue topic, after creating that topic
     * if it is missing (one partition, the configured replication factor).
     *
     * @param config the sink connector's configuration; its {@code errors.deadletterqueue.topic.name} must be set
     * @param task the task's number
     * @param producer the producer to write with; closed by the reporter
     * @param topics creates the topic if needed
     * @param counters where writes and failed writes are counted
     * @throws IllegalArgumentException if the configuration names no dead letter queue topic
     */
    public static DeadLetterQueueReporter create(SinkConnectorConfig config, int task,
                                                 Producer<byte[], byte[]> producer, TopicCreator topics,
                                                 ErrorCounters counters) {
        String topic = config.dlqTopicName();
        if (topic.isEmpty()) {
            throw new IllegalArgumentException("Connector '" + config.connectorName() + "' has no dead letter queue"
                + " topic; set " + SinkConnectorConfig.DLQ_TOPIC_NAME);
        }
        topics.createIfMissing(topic, TOPIC_PARTITIONS, config.dlqTopicReplicationFactor());
        DeadLetterQueueHeaders headers = config.isDlqContextHeadersEnabled()
            ? new DeadLetterQueueHeaders(config.connectorName(), task) : null;
        return new DeadLetterQueueReporter(topic, headers, producer, counters);
    }

    @Override
    public CompletableFuture<Void> report(FailedRecord failure) {
        counters.recordDeadLetterQueueRequest();
        if (!(failure.original() instanceof ConsumerRecord<?, ?> consumed)) {
            counters.recordDeadLetterQueueFailure();
            return CompletableFuture.completedFuture(null);
        }
        Long timestamp = consumed.timestamp() == ConsumerRecord.NO_TIMESTAMP ? null : consumed.timestamp();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, timestamp,
            (byte[]) consumed.key(), (byte[]) consumed.value(), consumed.headers());
        if (contextHeaders != null) {
            contextHeaders.addTo(record.headers(), consumed, failure);
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        producer.send(record, (metadata, exception) -> {
            if (exception == null) {
                written.complete(null);
            } else {
                log.error("Could not produce message to dead letter queue. topic={}", topic, exception);
                counters.recordDeadLetterQueueFailure();
                written.completeExceptionally(exception);
            }
        });
        return written;
    }

    /** Closes the producer. */
    @Override
    public void close() {
        producer.close();
    }
}
