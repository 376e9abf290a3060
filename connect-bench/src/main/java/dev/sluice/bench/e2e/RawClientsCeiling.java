package dev.sluice.bench.e2e;

import dev.sluice.testkit.KafkaCluster;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The broker's ceiling for this workload: a bare {@link KafkaProducer} writing the records a file source task
 * would write (same values, no key, the producer settings a Connect worker gives its source tasks), then a bare
 * {@link KafkaConsumer} reading them back with a sink task consumer's settings. Nothing is converted or written
 * to a file, so a worker cannot beat these figures on the same broker.
 */
final class RawClientsCeiling {

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaCluster kafka;
    private final Duration timeout;

    RawClientsCeiling(KafkaCluster kafka, Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    /** The settings a Connect worker gives a source task's producer (see {@code SourceProducerConfigs}). */
    Map<String, Object> producerSettings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(Long.MAX_VALUE));
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(Integer.MAX_VALUE));
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-raw-producer");
        return settings;
    }

    /** The settings a Connect worker gives a sink task's consumer, without the group (the topic is assigned). */
    Map<String, Object> consumerSettings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-raw-consumer");
        return settings;
    }

    /**
     * Sends {@code values.length} records to partition 0 of {@code topic} and times them from the first send
     * until {@link KafkaProducer#flush()} returned, i.e. until the broker acknowledged all of them. The producer
     * is created and has fetched the topic's metadata before the clock starts.
     */
    Throughput produce(String topic, byte[][] values) throws InterruptedException, ExecutionException {
        AtomicReference<Exception> failed = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerSettings())) {
            producer.partitionsFor(topic);
            long start = System.nanoTime();
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, 0, null, value), (metadata, e) -> {
                    if (e != null) {
                        failed.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
            long nanos = System.nanoTime() - start;
            if (failed.get() != null) {
                throw new ExecutionException("The raw producer failed to write to topic " + topic, failed.get());
            }
            return Throughput.unsampled(values.length, nanos);
        }
    }

    /**
     * Reads {@code count} records from the start of partition 0 of {@code topic} and times them from the first
     * poll until the last of them arrived.
     *
     * @throws IllegalStateException if fewer records arrive within the phase timeout
     */
    Throughput consume(String topic, long count) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerSettings())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long start = System.nanoTime();
            long deadline = start + timeout.toNanos();
            long read = 0;
            long bytes = 0;
            while (read < count) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                read += records.count();
                for (var record : records) {
                    bytes += record.value().length; // touch the value, as a sink task would
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The raw consumer read " + read + " of " + count
                        + " records from topic " + topic + " within " + timeout.toSeconds() + " s");
                }
            }
            long nanos = System.nanoTime() - start;
            if (bytes <= 0) {
                throw new IllegalStateException("The raw consumer read only empty values from topic " + topic);
            }
            return Throughput.unsampled(count, nanos);
        }
    }
}
