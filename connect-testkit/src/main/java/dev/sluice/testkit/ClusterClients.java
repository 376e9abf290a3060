package dev.sluice.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The client side of a {@link KafkaCluster}: configurations for callers, one shared Admin, and synchronous
 * helpers that create topics, produce acknowledged records, read topics from the beginning and query offsets.
 */
final class ClusterClients implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterClients.class);
    static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final Supplier<String> bootstrapServers;
    private Admin admin;

    ClusterClients(Supplier<String> bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.get());
        return config;
    }

    Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.get());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }

    Map<String, Object> consumerConfig(String groupId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.get());
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return config;
    }

    synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig());
        }
        return admin;
    }

    void createTopic(String name, int partitions, int replicationFactor, Map<String, String> configs) {
        NewTopic topic = new NewTopic(name, partitions, (short) replicationFactor).configs(configs);
        try {
            await(admin().createTopics(List.of(topic)).all(), "create topic '" + name + "'");
        } catch (KafkaClusterException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            throw new KafkaClusterException("Topic '" + name + "' already exists; use a unique topic name per test", e.getCause());
        }
        // Created in the controller is not yet usable everywhere: wait until every partition has a leader.
        BoundedWait.until(OPERATION_TIMEOUT, POLL_INTERVAL,
                () -> describe(name).filter(d -> d.partitions().size() == partitions
                        && d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())),
                () -> "Topic '" + name + "' was created but its " + partitions + " partitions have no leaders within " + OPERATION_TIMEOUT);
        log.info("Created topic '{}' with {} partition(s), replication factor {}", name, partitions, replicationFactor);
    }

    private Optional<TopicDescription> describe(String topic) {
        try {
            return Optional.of(admin().describeTopics(List.of(topic)).allTopicNames().get(OPERATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaClusterException("Interrupted while describing topic '" + topic + "'", e);
        }
    }

    <K, V> List<RecordMetadata> produce(List<ProducerRecord<K, V>> records, Serializer<K> keySerializer, Serializer<V> valueSerializer) {
        Map<String, Object> config = producerConfig();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "sluice-testkit-producer");
        try (KafkaProducer<K, V> producer = new KafkaProducer<>(config, keySerializer, valueSerializer)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
            for (ProducerRecord<K, V> record : records) {
                sent.add(producer.send(record));
            }
            producer.flush();
            List<RecordMetadata> acknowledged = new ArrayList<>(sent.size());
            for (int i = 0; i < sent.size(); i++) {
                acknowledged.add(await(sent.get(i), "produce record " + i + " to topic '" + records.get(i).topic() + "'"));
            }
            return acknowledged;
        }
    }

    <K, V> List<ConsumerRecord<K, V>> consume(String topic, int expectedCount, Duration timeout,
                                              Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = consumerConfig(null);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "sluice-testkit-consumer");
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keyDeserializer, valueDeserializer)) {
            List<TopicPartition> partitions = BoundedWait.until(timeout, POLL_INTERVAL,
                    () -> partitionsOf(consumer, topic, deadline),
                    () -> "Topic '" + topic + "' does not exist; cannot read " + expectedCount + " records from it within " + timeout);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<K, V>> records = new ArrayList<>();
            while (records.size() < expectedCount) {
                long remaining = BoundedWait.remainingMillis(deadline);
                if (remaining == 0) {
                    throw new AssertionError("Expected at least " + expectedCount + " records in topic '" + topic
                            + "' within " + timeout + " but read " + records.size());
                }
                consumer.poll(Duration.ofMillis(Math.min(remaining, 500))).forEach(records::add);
            }
            return records;
        }
    }

    private static Optional<List<TopicPartition>> partitionsOf(KafkaConsumer<?, ?> consumer, String topic, long deadline) {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(topic, Duration.ofMillis(Math.max(1, Math.min(2_000, BoundedWait.remainingMillis(deadline)))));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return Optional.empty(); // metadata not there yet
        }
        if (infos == null || infos.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(infos.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .collect(Collectors.toList()));
    }

    Map<TopicPartition, Long> endOffsets(String topic) {
        TopicDescription description = describe(topic)
                .orElseThrow(() -> new KafkaClusterException("Cannot read the end offsets of topic '" + topic + "': it cannot be described (does it exist?)"));
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        for (TopicPartitionInfo partition : description.partitions()) {
            latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
        }
        var offsets = await(admin().listOffsets(latest).all(), "list the end offsets of topic '" + topic + "'");
        Map<TopicPartition, Long> result = new LinkedHashMap<>();
        latest.keySet().forEach(tp -> result.put(tp, offsets.get(tp).offset()));
        return result;
    }

    Map<TopicPartition, Long> consumerGroupOffsets(String groupId) {
        Map<TopicPartition, OffsetAndMetadata> committed = await(
                admin().listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata(),
                "list the committed offsets of consumer group '" + groupId + "'");
        Map<TopicPartition, Long> result = new LinkedHashMap<>();
        committed.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .sorted(Comparator.comparing((Map.Entry<TopicPartition, OffsetAndMetadata> e) -> e.getKey().topic())
                        .thenComparingInt(e -> e.getKey().partition()))
                .forEach(e -> result.put(e.getKey(), e.getValue().offset()));
        return result;
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.get(OPERATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaClusterException("Failed to " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaClusterException("Could not " + what + " within " + OPERATION_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaClusterException("Interrupted while trying to " + what, e);
        }
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }
}
