package dev.sluice.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A real Apache Kafka cluster (KRaft, every node a combined broker and controller) for integration tests.
 *
 * <p>By default each broker runs in a child JVM started from Apache's jars in the local Maven repository, on
 * free ports chosen at start and in a temporary directory deleted on {@link #close()}; a child JVM dies with
 * the JVM that started it. With {@code -Dsluice.kafka=testcontainers} the cluster is one broker in an
 * {@code apache/kafka} container instead, and {@link #start()} skips the calling test (a JUnit assumption)
 * when no Docker engine answers.
 *
 * <pre>{@code
 * try (KafkaCluster kafka = KafkaCluster.builder().brokers(3).build()) {
 *     kafka.start();
 *     kafka.createTopic("orders", 3);
 *     kafka.produce("orders", "a", "b");
 *     List<ConsumerRecord<String, String>> records = kafka.consume("orders", 2, Duration.ofSeconds(30));
 * }
 * }</pre>
 *
 * <p>Broker ids are {@code 0..brokers-1}. A broker keeps its ports and data across
 * {@link #stopBroker(int)} and {@link #startBroker(int)}. Tests usually get a cluster from
 * {@link KafkaClusterExtension} rather than building one.
 */
public final class KafkaCluster implements AutoCloseable {

    private final ClusterSettings settings;
    private final ClusterClients clients;
    private KafkaBackend backend;
    private boolean closed;

    private KafkaCluster(ClusterSettings settings) {
        this.settings = settings;
        this.clients = new ClusterClients(this::bootstrapServers);
    }

    /** @return a builder for a one-broker cluster with the testkit's defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts every broker and returns once all of them are registered in the cluster.
     *
     * @throws KafkaClusterException if a broker does not become ready within the startup timeout (the message
     *                               holds the tail of its log), or the broker's jars are missing
     * @throws org.opentest4j.TestAbortedException if {@code -Dsluice.kafka=testcontainers} is set and no Docker
     *                               engine answers: the calling test is skipped
     */
    public synchronized void start() {
        if (backend != null || closed) {
            throw new IllegalStateException("A KafkaCluster starts once; build a new one");
        }
        BackendSelection.Choice choice = BackendSelection.fromSystemProperty(settings.brokers());
        if (choice instanceof BackendSelection.Unavailable unavailable) {
            Assumptions.abort(unavailable.reason());
        }
        backend = choice instanceof BackendSelection.Testcontainers
                ? TestcontainersKafkaBackend.create(settings)
                : new ProcessKafkaBackend(settings);
        try {
            backend.start();
        } catch (RuntimeException | Error e) {
            try {
                backend.close();
            } catch (RuntimeException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            closed = true;
            throw e;
        }
    }

    /** @return {@code host:port} of every broker, comma-separated, for {@code bootstrap.servers} */
    public String bootstrapServers() {
        return started().bootstrapServers();
    }

    /** @return how many brokers the cluster has, running or stopped */
    public int brokerCount() {
        return settings.brokers();
    }

    /** @return {@code host:port} of broker {@code id}'s client listener; the same after a restart */
    public String brokerAddress(int id) {
        return started().brokerAddress(id);
    }

    /** Stops broker {@code id} cleanly (SIGTERM, controlled shutdown) and waits until its JVM exited. */
    public void stopBroker(int id) {
        started().stopBroker(id);
    }

    /** Kills broker {@code id} (SIGKILL, no controlled shutdown) and waits until its JVM exited. */
    public void killBroker(int id) {
        started().killBroker(id);
    }

    /**
     * Starts a stopped or killed broker {@code id} again with the same ports and data, and waits until it
     * answers on its port and is registered in the cluster.
     */
    public void startBroker(int id) {
        started().startBroker(id);
    }

    /** {@link #stopBroker(int) Stops} broker {@code id} cleanly, then {@link #startBroker(int) starts} it again. */
    public void restartBroker(int id) {
        stopBroker(id);
        startBroker(id);
    }

    /** The process id of broker {@code id}'s JVM while it runs (child-JVM backend only). */
    OptionalLong brokerPid(int id) {
        return started().brokerPid(id);
    }

    /** The WARN+ log file of broker {@code id} (child-JVM backend only). */
    Path brokerLogFile(int id) {
        if (started() instanceof ProcessKafkaBackend processes) {
            return processes.brokerLogFile(id);
        }
        throw new UnsupportedOperationException("Broker log files exist for the child-JVM backend only");
    }

    /** @return an Admin client shared by this cluster's helpers; closed by {@link #close()}, do not close it */
    public Admin admin() {
        started();
        return clients.admin();
    }

    /** @return a new mutable Admin configuration with {@code bootstrap.servers} */
    public Map<String, Object> adminConfig() {
        started();
        return clients.adminConfig();
    }

    /** @return a new mutable producer configuration: {@code bootstrap.servers}, {@code acks=all}, byte-array serializers */
    public Map<String, Object> producerConfig() {
        started();
        return clients.producerConfig();
    }

    /**
     * @param groupId the consumer group, or {@code null} for a consumer that only uses {@code assign}
     * @return a new mutable consumer configuration: {@code bootstrap.servers}, the group, {@code auto.offset.reset=earliest},
     *         no auto commit, byte-array deserializers
     */
    public Map<String, Object> consumerConfig(String groupId) {
        started();
        return clients.consumerConfig(groupId);
    }

    /** Creates a topic replicated on up to 3 brokers and waits until every partition has a leader. */
    public void createTopic(String name, int partitions) {
        createTopic(name, partitions, Math.min(3, brokerCount()));
    }

    /** Creates a topic and waits until every partition has a leader. */
    public void createTopic(String name, int partitions, int replicationFactor) {
        createTopic(name, partitions, replicationFactor, Map.of());
    }

    /** Creates a topic with topic-level configs (e.g. {@code cleanup.policy=compact}) and waits until every partition has a leader. */
    public void createTopic(String name, int partitions, int replicationFactor, Map<String, String> topicConfigs) {
        started();
        clients.createTopic(name, partitions, replicationFactor, topicConfigs);
    }

    /** Produces string values without keys and returns once the brokers acknowledged all of them ({@code acks=all}). */
    public List<RecordMetadata> produce(String topic, String... values) {
        List<ProducerRecord<String, String>> records = new ArrayList<>(values.length);
        for (String value : values) {
            records.add(new ProducerRecord<>(topic, value));
        }
        return produceStrings(records);
    }

    /** Produces byte-array values without keys and returns once the brokers acknowledged all of them ({@code acks=all}). */
    public List<RecordMetadata> produce(String topic, byte[]... values) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(values.length);
        for (byte[] value : values) {
            records.add(new ProducerRecord<>(topic, value));
        }
        return produceBytes(records);
    }

    /** Produces records with string keys and values (and any partition, timestamp or headers they carry), acknowledged. */
    public List<RecordMetadata> produceStrings(List<ProducerRecord<String, String>> records) {
        started();
        return clients.produce(records, new StringSerializer(), new StringSerializer());
    }

    /** Produces records with byte-array keys and values (and any partition, timestamp or headers they carry), acknowledged. */
    public List<RecordMetadata> produceBytes(List<ProducerRecord<byte[], byte[]>> records) {
        started();
        return clients.produce(records, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Reads a topic from the beginning of every partition with a fresh consumer (no group) until at least
     * {@code expectedCount} records arrived.
     *
     * @return the records read, at least {@code expectedCount}, in the order polled
     * @throws AssertionError if fewer records arrive within {@code timeout}
     */
    public List<ConsumerRecord<String, String>> consume(String topic, int expectedCount, Duration timeout) {
        started();
        return clients.consume(topic, expectedCount, timeout, new StringDeserializer(), new StringDeserializer());
    }

    /** Like {@link #consume(String, int, Duration)}, with byte-array keys and values. */
    public List<ConsumerRecord<byte[], byte[]>> consumeBytes(String topic, int expectedCount, Duration timeout) {
        started();
        return clients.consume(topic, expectedCount, timeout, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** @return the log end offset of every partition of {@code topic}, in partition order */
    public Map<TopicPartition, Long> endOffsets(String topic) {
        started();
        return clients.endOffsets(topic);
    }

    /** @return the committed offset of every partition that consumer group {@code groupId} committed, by topic and partition */
    public Map<TopicPartition, Long> consumerGroupOffsets(String groupId) {
        started();
        return clients.consumerGroupOffsets(groupId);
    }

    /** Closes the clients, stops every broker and deletes the cluster's files. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            clients.close();
        } finally {
            if (backend != null) {
                backend.close();
            }
        }
    }

    private synchronized KafkaBackend started() {
        if (backend == null || closed) {
            throw new IllegalStateException(closed ? "This KafkaCluster is closed" : "Call start() on this KafkaCluster first");
        }
        return backend;
    }

    /** Builds a {@link KafkaCluster}; nothing starts until {@link KafkaCluster#start()}. */
    public static final class Builder {

        private int brokers = 1;
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();
        private Duration startupTimeout = Duration.ofSeconds(90);
        private Path baseDirectory;
        private String brokerLogLevel = "WARN";
        private boolean killOnJvmExit = true;
        private final List<String> jvmOptions = new ArrayList<>(List.of(
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true"));

        private Builder() {
        }

        /** @param brokers 1 (internal topics replicated once) or 3 (internal topics replicated 3 times, min ISR 2) */
        public Builder brokers(int brokers) {
            if (brokers != 1 && brokers != 3) {
                throw new IllegalArgumentException("A testkit Kafka cluster has 1 or 3 brokers, not " + brokers);
            }
            this.brokers = brokers;
            return this;
        }

        /** Adds a broker property to every broker's {@code server.properties}; it wins over the testkit's defaults. */
        public Builder brokerProperty(String name, String value) {
            brokerProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds every entry as a {@link #brokerProperty(String, String) broker property}. */
        public Builder brokerProperties(Map<String, String> properties) {
            properties.forEach(this::brokerProperty);
            return this;
        }

        /** How long {@link KafkaCluster#start()} and {@link KafkaCluster#startBroker(int)} wait; 90 s by default. */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Where the cluster's temporary directory is created; {@code java.io.tmpdir} by default. */
        public Builder baseDirectory(Path directory) {
            this.baseDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Adds options for the brokers' JVMs (after the defaults, so {@code -Xmx} here wins). */
        public Builder jvmOptions(String... options) {
            jvmOptions.addAll(Arrays.asList(options));
            return this;
        }

        /**
         * The lowest level a broker writes to its log file ({@code broker.log} in its directory): WARN by default,
         * INFO or DEBUG to diagnose the broker itself.
         */
        public Builder brokerLogLevel(String level) {
            this.brokerLogLevel = Objects.requireNonNull(level, "level");
            return this;
        }

        /**
         * Whether a JVM shutdown hook kills the brokers at once (true by default). A program that stops its own
         * Kafka clients in a shutdown hook and then closes the cluster sets false, so that the brokers outlive its
         * clients; the brokers still die with this JVM.
         */
        public Builder killOnJvmExit(boolean kill) {
            this.killOnJvmExit = kill;
            return this;
        }

        /** @return a cluster that is not started yet */
        public KafkaCluster build() {
            return new KafkaCluster(new ClusterSettings(brokers, brokerProperties, startupTimeout, baseDirectory,
                jvmOptions, brokerLogLevel, killOnJvmExit));
        }
    }
}
