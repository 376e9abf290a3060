package dev.sluice.runtime.worker.errors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.config.ClientConfigOverrides;
import dev.sluice.runtime.config.SinkConnectorConfig;
import dev.sluice.runtime.config.StandaloneConfig;
import dev.sluice.runtime.config.WorkerConfig;
import dev.sluice.runtime.plugins.PluginDiscoveryMode;
import dev.sluice.runtime.plugins.PluginPath;
import dev.sluice.runtime.plugins.Plugins;
import dev.sluice.runtime.worker.ConnectorTaskId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.connector.policy.AllConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.NoneConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaDeadLetterQueuesTest {

    private static final ConnectorTaskId TASK = new ConnectorTaskId("orders-sink", 2);

    private static Plugins plugins;

    private final ErrorCounters counters = new ErrorCounters();
    private final List<Map<String, Object>> producerSettings = new ArrayList<>();
    private final List<Map<String, Object>> adminSettings = new ArrayList<>();
    private final List<MockProducer<byte[], byte[]>> producers = new ArrayList<>();
    private final FakeTopicAdmin admin = new FakeTopicAdmin();

    /** A sink connector class for the override policy; never started. */
    public static final class DlqSink extends SinkConnector {
        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public Class<? extends Task> taskClass() {
            return null;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            return List.of();
        }

        @Override
        public void stop() {
        }

        @Override
        public ConfigDef config() {
            return new ConfigDef();
        }

        @Override
        public String version() {
            return "1.0";
        }
    }

    /** Records the topics it is asked to create and whether it was closed; fails when told to. */
    private static final class FakeTopicAdmin implements KafkaDeadLetterQueues.TopicAdmin {
        final List<String> created = new ArrayList<>();
        RuntimeException failure;
        int closes;

        @Override
        public void createIfMissing(String topic, int partitions, short replicationFactor) {
            if (failure != null) {
                throw failure;
            }
            created.add(topic + "/" + partitions + "/" + replicationFactor);
        }

        @Override
        public void close() {
            closes++;
        }
    }

    @BeforeAll
    static void discoverPlugins() {
        plugins = Plugins.discover(PluginPath.parse(""), PluginDiscoveryMode.SERVICE_LOAD);
    }

    @AfterAll
    static void closePlugins() {
        plugins.close();
    }

    private static WorkerConfig worker(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of(
            "bootstrap.servers", "broker-1:9092,broker-2:9092",
            "offset.storage.file.filename", "/tmp/unused-dlq-offsets",
            "key.converter", "org.apache.kafka.connect.storage.StringConverter",
            "value.converter", "org.apache.kafka.connect.storage.StringConverter"));
        props.putAll(extra);
        return new StandaloneConfig(props);
    }

    private static SinkConnectorConfig connector(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of("name", TASK.connector(),
            "connector.class", DlqSink.class.getName(), "topics", "orders",
            "errors.deadletterqueue.topic.name", "orders-dlq",
            "errors.deadletterqueue.topic.replication.factor", "2",
            "errors.deadletterqueue.context.headers.enable", "true"));
        props.putAll(extra);
        return new SinkConnectorConfig(props, KafkaDeadLetterQueuesTest.class.getClassLoader());
    }

    private KafkaDeadLetterQueues queues(WorkerConfig worker, ConnectorClientConfigOverridePolicy policy) {
        return new KafkaDeadLetterQueues(worker, "cluster-7", plugins, new ClientConfigOverrides(policy),
            settings -> {
                producerSettings.add(settings);
                MockProducer<byte[], byte[]> producer =
                    new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
                producers.add(producer);
                return producer;
            },
            settings -> {
                adminSettings.add(settings);
                return admin;
            });
    }

    private static ConsumerRecord<byte[], byte[]> poison() {
        return new ConsumerRecord<>("orders", 3, 41L, 1_000L, TimestampType.CREATE_TIME, 1, 3,
            new byte[] {7}, "{x".getBytes(StandardCharsets.UTF_8), new RecordHeaders(), Optional.empty());
    }

    @Test
    void openCreatesTheTopicWithOnePartitionAndTheConnectorsReplicationFactorThenClosesTheAdmin() {
        ErrorReporter reporter = queues(worker(Map.of()), new AllConnectorClientConfigOverridePolicy())
            .open(connector(Map.of()), TASK, counters);

        assertEquals(List.of("orders-dlq/1/2"), admin.created, "the topic is created with 1 partition and RF 2");
        assertEquals(1, admin.closes, "the admin client is closed once the topic exists");
        assertEquals(1, producers.size(), "one producer is opened for the task");
        assertFalse(producers.get(0).closed(), "the producer stays open for the reporter");
        reporter.close();
        assertTrue(producers.get(0).closed(), "closing the reporter closes its producer");
    }

    @Test
    void clientsAreCreatedWithTheConnectorsLoaderAsContextLoader() {
        List<ClassLoader> loaders = new ArrayList<>();
        ClassLoader caller = Thread.currentThread().getContextClassLoader();
        KafkaDeadLetterQueues queues = new KafkaDeadLetterQueues(worker(Map.of()), null, plugins,
            new ClientConfigOverrides(new AllConnectorClientConfigOverridePolicy()),
            settings -> {
                loaders.add(Thread.currentThread().getContextClassLoader());
                return new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
            },
            settings -> {
                loaders.add(Thread.currentThread().getContextClassLoader());
                return admin;
            });

        queues.open(connector(Map.of()), TASK, counters).close();

        ClassLoader connectorLoader = plugins.connectorLoader(DlqSink.class.getName());
        assertEquals(List.of(connectorLoader, connectorLoader), loaders, "admin and producer see the connector's loader");
        assertSame(caller, Thread.currentThread().getContextClassLoader(), "the caller's context loader is restored");
    }

    @Test
    void reporterWritesTheOriginalBytesWithContextHeadersOfTheTask() throws Exception {
        ErrorReporter reporter = queues(worker(Map.of()), new AllConnectorClientConfigOverridePolicy())
            .open(connector(Map.of()), TASK, counters);
        ConsumerRecord<byte[], byte[]> original = poison();

        CompletableFuture<Void> written = reporter.report(new FailedRecord(original, Stage.VALUE_CONVERTER,
            JsonConverter.class, 1, new DataException("bad json")));

        written.get();
        ProducerRecord<byte[], byte[]> sent = producers.get(0).history().get(0);
        assertEquals("orders-dlq", sent.topic(), "written to the dead letter queue topic");
        assertArrayEquals(original.value(), sent.value(), "the original value bytes are written");
        assertEquals(TASK.connector(), text(sent, DeadLetterQueueHeaders.CONNECTOR_NAME), "connector name header");
        assertEquals("2", text(sent, DeadLetterQueueHeaders.TASK_ID), "task id header is the opening task's");
        assertEquals(1, counters.deadLetterQueueRequests(), "the write is counted");
    }

    @Test
    void producerSettingsLayerDefaultsWorkerProducerSettingsMetricsContextAndApprovedOverrides() {
        WorkerConfig worker = worker(Map.of("producer.linger.ms", "25", "producer.acks", "1",
            "metrics.context.env", "test"));
        queues(worker, new AllConnectorClientConfigOverridePolicy())
            .open(connector(Map.of("producer.override.linger.ms", "50")), TASK, counters);

        Map<String, Object> settings = producerSettings.get(0);
        assertEquals("connector-dlq-producer-orders-sink-2", settings.get("client.id"), "Apache's DLQ producer client id");
        assertEquals("broker-1:9092,broker-2:9092", settings.get("bootstrap.servers"), "worker bootstrap servers");
        assertEquals(ByteArraySerializer.class.getName(), settings.get("value.serializer"), "byte-array serializer");
        assertEquals("false", settings.get("enable.idempotence"), "idempotence disabled as for task producers");
        assertEquals("1", settings.get("acks"), "the worker's producer.acks overrides the default acks=all");
        assertEquals("50", settings.get("linger.ms"), "the approved connector override wins over producer.linger.ms");
        assertEquals("test", settings.get("metrics.context.env"), "the worker's metrics context is passed on");
        assertEquals("cluster-7", settings.get("metrics.context.connect.kafka.cluster.id"), "cluster id in metrics context");
    }

    @Test
    void adminSettingsUseApachesFixedClientIdWorkerAdminSettingsAndApprovedOverrides() {
        WorkerConfig worker = worker(Map.of("admin.request.timeout.ms", "1234", "producer.linger.ms", "25"));
        queues(worker, new AllConnectorClientConfigOverridePolicy())
            .open(connector(Map.of("admin.override.retries", "4")), TASK, counters);

        Map<String, Object> settings = adminSettings.get(0);
        assertEquals("connector-dlq-adminclient-", settings.get("client.id"), "Apache's DLQ admin client id");
        assertEquals("1234", settings.get("request.timeout.ms"), "the worker's admin.* settings apply");
        assertEquals("4", settings.get("retries"), "the approved admin override applies");
        assertFalse(settings.containsKey("linger.ms"), "producer.* settings do not reach the admin client");
        assertFalse(settings.containsKey("producer.linger.ms"), "prefixed producer settings do not reach the admin client");
    }

    @Test
    void clientIdsSetByTheWorkerOrTheConnectorReplaceTheDlqDefaults() {
        WorkerConfig worker = worker(Map.of("producer.client.id", "worker-producer"));
        queues(worker, new AllConnectorClientConfigOverridePolicy())
            .open(connector(Map.of("admin.override.client.id", "my-admin")), TASK, counters);

        assertEquals("worker-producer", producerSettings.get(0).get("client.id"), "producer.client.id of the worker");
        assertEquals("my-admin", adminSettings.get(0).get("client.id"), "admin.override.client.id of the connector");
    }

    @Test
    void overridesThePolicyRejectsFailTheOpenBeforeAnyClientIsCreated() {
        KafkaDeadLetterQueues queues = queues(worker(Map.of()), new NoneConnectorClientConfigOverridePolicy());
        SinkConnectorConfig connector = connector(Map.of("producer.override.acks", "0"));

        ConfigException e = assertThrows(ConfigException.class, () -> queues.open(connector, TASK, counters),
            "a rejected producer override fails the task");
        assertTrue(e.getMessage().contains("producer.override.acks"),
            "the message names the rejected key: " + e.getMessage());
        assertTrue(producerSettings.isEmpty() && adminSettings.isEmpty(), "no client was created");
    }

    @Test
    void topicThatCannotBeCreatedFailsTheOpenAndClosesBothClients() {
        admin.failure = new ConnectException("Could not create the dead letter queue topic 'orders-dlq'");
        KafkaDeadLetterQueues queues = queues(worker(Map.of()), new AllConnectorClientConfigOverridePolicy());

        ConnectException e = assertThrows(ConnectException.class, () -> queues.open(connector(Map.of()), TASK, counters));

        assertSame(admin.failure, e, "the topic creation failure is passed on");
        assertTrue(producers.get(0).closed(), "the producer opened for the reporter is closed again");
        assertEquals(1, admin.closes, "the admin client is closed");
    }

    @Test
    void adminThatCannotBeCreatedFailsWithAMessageNamingTheTopicAndTask() {
        KafkaDeadLetterQueues queues = new KafkaDeadLetterQueues(worker(Map.of()), null, plugins,
            new ClientConfigOverrides(new AllConnectorClientConfigOverridePolicy()),
            settings -> {
                throw new AssertionError("no producer may be created without the topic admin");
            },
            settings -> {
                throw new IllegalArgumentException("bad admin setting");
            });

        ConnectException e = assertThrows(ConnectException.class, () -> queues.open(connector(Map.of()), TASK, counters));

        assertTrue(e.getMessage().contains("admin client") && e.getMessage().contains("orders-dlq")
            && e.getMessage().contains("orders-sink-2") && e.getMessage().contains("bad admin setting"),
            "the message says which client of which topic and task failed and why: " + e.getMessage());
    }

    private static String text(ProducerRecord<byte[], byte[]> record, String header) {
        return new String(record.headers().lastHeader(header).value(), StandardCharsets.UTF_8);
    }
}
