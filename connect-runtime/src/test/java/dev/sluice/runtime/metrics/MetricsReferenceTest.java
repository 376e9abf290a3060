package dev.sluice.runtime.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.config.ClientConfigOverrides;
import dev.sluice.runtime.config.StandaloneConfig;
import dev.sluice.runtime.plugins.PluginDiscoveryMode;
import dev.sluice.runtime.plugins.PluginPath;
import dev.sluice.runtime.plugins.Plugins;
import dev.sluice.runtime.storage.ConnectorOffsetReader;
import dev.sluice.runtime.storage.OffsetCodec;
import dev.sluice.runtime.storage.memory.MemoryOffsetStore;
import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.LifecycleState;
import dev.sluice.runtime.worker.StatusRecorder;
import dev.sluice.runtime.worker.TargetState;
import dev.sluice.runtime.worker.Worker;
import dev.sluice.runtime.worker.pipeline.RecordPipelineFactory;
import dev.sluice.runtime.worker.sink.SinkTaskRunnerFactory;
import dev.sluice.runtime.worker.source.SourceTaskRunnerFactory;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.connector.policy.AllConnectorClientConfigOverridePolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs a worker with a source connector and a sink connector (one task each, over mock Kafka clients) and compares
 * every MBean it registers under {@code kafka.connect} with Apache Kafka Connect 4.3.1's names and attributes
 * (shared/reference/metrics.md), so that dashboards built for Apache's JMX names keep working.
 *
 * <p>Out of scope here: the distributed-only groups ({@code connect-worker-rebalance-metrics},
 * {@code connect-coordinator-metrics}, {@code connect-metrics}, {@code connect-node-metrics}), and the plugin
 * metrics group {@code plugins}, which only exists when a plugin registers metrics.
 */
class MetricsReferenceTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    /** A standalone worker id is host:port, which JMX needs quoted, as Apache quotes it. */
    private static final String WORKER_ID = "metrics-reference-worker:8083";
    private static final String QUOTED_WORKER_ID = ObjectName.quote(WORKER_ID);
    private static final String SOURCE = "metrics-ref-src";
    private static final String SINK = "metrics-ref-snk";
    private static final int SOURCE_RECORDS = 7;
    private static final TopicPartition SINK_PARTITION = new TopicPartition("metrics-ref-in", 0);

    /**
     * Attributes per MBean type, as listed in metrics.md. Two of the reference's names are left out because Apache
     * 4.3.1 defines them in its registry but never registers them for these tasks:
     * <ul>
     *   <li>{@code transaction-size-min/max/avg} of {@code source-task-metrics} exist only for exactly-once source
     *       tasks (Apache registers them in its exactly-once task's own group); Sluice has no exactly-once source
     *       tasks, so like Apache's non-exactly-once task it does not register them.</li>
     *   <li>{@code sink-record-lag-max} of {@code sink-task-metrics} is never added to a sensor by Apache's sink
     *       task, so no MBean of Apache has it.</li>
     * </ul>
     */
    private static final Map<String, Set<String>> REFERENCE = Map.ofEntries(
        Map.entry("connect-worker-metrics", names("connector-count", "task-count",
            "connector-startup-attempts-total", "connector-startup-success-total",
            "connector-startup-success-percentage", "connector-startup-failure-total",
            "connector-startup-failure-percentage", "task-startup-attempts-total", "task-startup-success-total",
            "task-startup-success-percentage", "task-startup-failure-total", "task-startup-failure-percentage")),
        Map.entry("connect-worker-metrics,connector", names("connector-total-task-count",
            "connector-running-task-count", "connector-paused-task-count", "connector-failed-task-count",
            "connector-unassigned-task-count", "connector-destroyed-task-count",
            "connector-restarting-task-count")),
        Map.entry("connector-metrics", names("status", "connector-type", "connector-class", "connector-version")),
        Map.entry("connector-task-metrics", names("status", "running-ratio", "pause-ratio",
            "offset-commit-max-time-ms", "offset-commit-avg-time-ms", "batch-size-max", "batch-size-avg",
            "offset-commit-failure-percentage", "offset-commit-success-percentage", "connector-class",
            "connector-version", "connector-type", "task-class", "task-version", "key-converter-class",
            "value-converter-class", "key-converter-version", "value-converter-version", "header-converter-class",
            "header-converter-version")),
        Map.entry("source-task-metrics", names("source-record-poll-rate", "source-record-poll-total",
            "source-record-write-rate", "source-record-write-total", "poll-batch-max-time-ms",
            "poll-batch-avg-time-ms", "source-record-active-count", "source-record-active-count-max",
            "source-record-active-count-avg")),
        Map.entry("sink-task-metrics", names("sink-record-read-rate", "sink-record-read-total",
            "sink-record-send-rate", "sink-record-send-total", "partition-count", "offset-commit-seq-no",
            "offset-commit-completion-rate", "offset-commit-completion-total", "offset-commit-skip-rate",
            "offset-commit-skip-total", "put-batch-max-time-ms", "put-batch-avg-time-ms", "sink-record-active-count",
            "sink-record-active-count-max", "sink-record-active-count-avg")),
        Map.entry("task-error-metrics", names("total-record-failures", "total-record-errors", "total-records-skipped",
            "total-retries", "total-errors-logged", "deadletterqueue-produce-requests",
            "deadletterqueue-produce-failures", "last-error-timestamp")),
        Map.entry("connector-transform-metrics", names("transform-class", "transform-version")),
        Map.entry("connector-predicate-metrics", names("predicate-class", "predicate-version")),
        // The standard app-info MBean, and the app-info metrics that AppInfoParser registers beside it.
        Map.entry("app-info,id", names("Version", "CommitId", "StartTimeMs")),
        Map.entry("app-info,client-id", names("version", "commit-id", "start-time-ms")),
        // Every kafka-clients Metrics registry counts its metrics; Apache's worker registry shows it too.
        Map.entry("kafka-metrics-count", names("count")));

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final MemoryOffsetStore offsets = new MemoryOffsetStore();
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private Plugins plugins;
    private ConnectMetrics metrics;
    private Worker worker;
    private StatusRecorder statuses;

    @BeforeEach
    void startWorker() {
        plugins = Plugins.discover(PluginPath.parse(""), PluginDiscoveryMode.SERVICE_LOAD);
        StandaloneConfig config = new StandaloneConfig(Map.of(
            "bootstrap.servers", "localhost:9092",
            "key.converter", "org.apache.kafka.connect.storage.StringConverter",
            "value.converter", "org.apache.kafka.connect.storage.StringConverter",
            "offset.storage.file.filename", "unused.offsets",
            "offset.flush.interval.ms", "100"));
        metrics = new ConnectMetrics(config, "reference-cluster", Time.SYSTEM);
        metrics.registerAppInfo(WORKER_ID);
        offsets.start();
        OffsetCodec codec = new OffsetCodec();
        RecordPipelineFactory pipelines = new RecordPipelineFactory(plugins, config);
        ClientConfigOverrides overrides = new ClientConfigOverrides(new AllConnectorClientConfigOverridePolicy());
        SourceTaskRunnerFactory sources = new SourceTaskRunnerFactory(config, plugins, pipelines, offsets, overrides,
            "reference-cluster",
            settings -> new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()),
            settings -> {
                throw new AssertionError("the source connector does not use topic creation");
            });
        SinkTaskRunnerFactory sinks = new SinkTaskRunnerFactory(config, pipelines, connector -> Map.of(),
            (connector, id, counters) -> {
                throw new AssertionError("the sink connector has no dead letter queue");
            }, settings -> consumer, "reference-cluster");
        worker = new Worker(config, plugins, metrics.registry(),
            (connector, connectorConfig) -> new ConnectorOffsetReader(offsets, connector, codec),
            sources.orElse(sinks));
        statuses = new StatusRecorder("metrics-reference-worker");
    }

    @AfterEach
    void stopWorker() {
        worker.stopAndAwaitTasks(worker.taskIds());
        worker.stopAndAwaitConnectors(worker.connectorNames());
        worker.stop();
        metrics.close();
        offsets.stop();
        plugins.close();
    }

    @Test
    void registeredMBeansAndAttributesMatchApacheForASourceAndASinkConnector() throws Exception {
        startConnectorAndTask(SOURCE, sourceConfig());
        startConnectorAndTask(SINK, sinkConfig());

        Map<ObjectName, Set<String>> expected = new TreeMap<>(Comparator.comparing(ObjectName::getCanonicalName));
        expected.put(name("type=app-info,id=" + QUOTED_WORKER_ID), REFERENCE.get("app-info,id"));
        expected.put(name("type=app-info,client-id=" + QUOTED_WORKER_ID), REFERENCE.get("app-info,client-id"));
        expected.put(name("type=kafka-metrics-count"), REFERENCE.get("kafka-metrics-count"));
        expected.put(name("type=connect-worker-metrics"), REFERENCE.get("connect-worker-metrics"));
        for (String connector : List.of(SOURCE, SINK)) {
            String task = "connector=" + connector + ",task=0";
            expected.put(name("type=connect-worker-metrics,connector=" + connector),
                REFERENCE.get("connect-worker-metrics,connector"));
            expected.put(name("type=connector-metrics,connector=" + connector), REFERENCE.get("connector-metrics"));
            expected.put(name("type=connector-task-metrics," + task), REFERENCE.get("connector-task-metrics"));
            expected.put(name("type=task-error-metrics," + task), REFERENCE.get("task-error-metrics"));
            expected.put(name("type=connector-transform-metrics," + task + ",transform=route"),
                REFERENCE.get("connector-transform-metrics"));
            expected.put(name("type=connector-predicate-metrics," + task + ",predicate=isSkip"),
                REFERENCE.get("connector-predicate-metrics"));
        }
        expected.put(name("type=source-task-metrics,connector=" + SOURCE + ",task=0"),
            REFERENCE.get("source-task-metrics"));
        expected.put(name("type=sink-task-metrics,connector=" + SINK + ",task=0"), REFERENCE.get("sink-task-metrics"));

        Map<ObjectName, Set<String>> registered = registeredOfThisWorker();
        assertEquals(names(expected.keySet()), names(registered.keySet()),
            "the worker registers exactly Apache's MBeans (missing or extra names)");
        for (Map.Entry<ObjectName, Set<String>> mbean : expected.entrySet()) {
            assertEquals(new TreeSet<>(mbean.getValue()), new TreeSet<>(registered.get(mbean.getKey())),
                "the attributes of " + mbean.getKey() + " are Apache's (missing or extra attributes)");
        }
    }

    @Test
    void recordsPolledWrittenReadAndPutReachTheirTotals() throws Exception {
        startConnectorAndTask(SOURCE, sourceConfig());
        startConnectorAndTask(SINK, sinkConfig());
        consumer.schedulePollTask(() -> {
            consumer.updateBeginningOffsets(Map.of(SINK_PARTITION, 0L));
            consumer.rebalance(List.of(SINK_PARTITION));
            for (int offset = 0; offset < 4; offset++) {
                consumer.addRecord(new ConsumerRecord<>(SINK_PARTITION.topic(), 0, offset, null,
                    ("v" + offset).getBytes(StandardCharsets.UTF_8)));
            }
        });

        ObjectName source = name("type=source-task-metrics,connector=" + SOURCE + ",task=0");
        ObjectName sink = name("type=sink-task-metrics,connector=" + SINK + ",task=0");
        await().atMost(WAIT).untilAsserted(() -> {
            assertEquals((double) SOURCE_RECORDS, attribute(source, "source-record-poll-total"),
                "every record the source task returned is counted as polled");
            assertEquals((double) SOURCE_RECORDS, attribute(source, "source-record-write-total"),
                "every acknowledged record is counted as written");
            assertEquals(0.0, attribute(source, "source-record-active-count"), "no record is left active");
            assertEquals(4.0, attribute(sink, "sink-record-read-total"), "every consumed record is counted as read");
            assertEquals(4.0, attribute(sink, "sink-record-send-total"), "every record put is counted as sent");
            assertEquals(1.0, attribute(sink, "partition-count"), "the assigned partition is counted");
        });
        ObjectName sourceTask = name("type=connector-task-metrics,connector=" + SOURCE + ",task=0");
        assertEquals(3.0, attribute(sourceTask, "batch-size-max"), "the source task's largest batch had 3 records");
        assertEquals("running", attribute(sourceTask, "status"));
        assertEquals("2.7.1", attribute(sourceTask, "task-version"));
        assertEquals("3.1.4", attribute(sourceTask, "connector-version"));
        assertEquals("org.apache.kafka.connect.storage.StringConverter",
            attribute(sourceTask, "value-converter-class"));
        assertEquals("running", attribute(name("type=connector-metrics,connector=" + SINK), "status"));
        assertEquals("sink", attribute(name("type=connector-metrics,connector=" + SINK), "connector-type"));
        assertEquals(1.0, attribute(name("type=connect-worker-metrics,connector=" + SINK),
            "connector-running-task-count"), "the sink connector's task runs here");
    }

    @Test
    void stoppingConnectorsAndTasksRemovesAllTheirMBeans() throws Exception {
        startConnectorAndTask(SOURCE, sourceConfig());
        startConnectorAndTask(SINK, sinkConfig());

        worker.stopAndAwaitTasks(worker.taskIds());
        worker.stopAndAwaitConnectors(worker.connectorNames());

        Set<String> left = names(registeredOfThisWorker().keySet()).stream()
            .filter(mbean -> mbean.contains(SOURCE) || mbean.contains(SINK))
            .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), left, "no MBean of a stopped connector or task is left behind");
        assertEquals(0.0, attribute(name("type=connect-worker-metrics"), "task-count"), "no task runs any more");
        assertEquals(2.0, attribute(name("type=connect-worker-metrics"), "task-startup-success-total"),
            "both task start-ups are counted");

        metrics.close();
        assertTrue(server.queryNames(name("type=app-info,id=" + QUOTED_WORKER_ID), null).isEmpty(),
            "closing the worker's metrics unregisters its app-info");
        assertTrue(server.queryNames(name("type=connect-worker-metrics"), null).isEmpty(),
            "closing the worker's metrics unregisters the worker group");
    }

    @Test
    void aFailedTaskKeepsItsMetricsWithStatusFailedUntilItLeavesTheWorker() throws Exception {
        Map<String, String> config = sourceConfig();
        config.put(MetricsTestPlugins.FAIL_POLL, "true");
        worker.startConnector(SOURCE, config, TargetState.STARTED, statuses, name -> { }).get(10, TimeUnit.SECONDS);
        List<Map<String, String>> taskConfigs = worker.connectorTaskConfigs(SOURCE).get(10, TimeUnit.SECONDS);
        ConnectorTaskId id = new ConnectorTaskId(SOURCE, 0);
        assertTrue(worker.startTask(id, config, taskConfigs.get(0), 1, TargetState.STARTED, statuses));
        statuses.awaitTask(id, LifecycleState.FAILED, WAIT);

        ObjectName task = name("type=connector-task-metrics,connector=" + SOURCE + ",task=0");
        await().atMost(WAIT).untilAsserted(() -> assertEquals("failed", attribute(task, "status"),
            "the failed task's status metric says so"));
        assertEquals(1.0, attribute(name("type=connect-worker-metrics,connector=" + SOURCE),
            "connector-failed-task-count"), "the connector's failed task is counted");
        assertTrue(server.isRegistered(name("type=source-task-metrics,connector=" + SOURCE + ",task=0")),
            "a failed task keeps its source metrics until it leaves the worker, as in Apache");

        worker.stopAndAwaitTask(id);
        assertTrue(server.queryNames(name("type=connector-task-metrics,connector=" + SOURCE + ",*"), null).isEmpty(),
            "the task's metrics go when it leaves the worker");
        assertTrue(server.queryNames(name("type=connect-worker-metrics,connector=" + SOURCE), null).isEmpty(),
            "the per-connector task counts go with the connector's last task");
    }

    @Test
    void aConnectorThatCannotBeCreatedCountsAsAFailedStartup() throws Exception {
        Map<String, String> config = sourceConfig();
        config.put("connector.class", "com.example.NoSuchConnector");
        worker.startConnector("metrics-ref-ghost", config, TargetState.STARTED, statuses, name -> { })
            .handle((state, error) -> error).get(10, TimeUnit.SECONDS);
        startConnectorAndTask(SOURCE, sourceConfig());

        ObjectName workerGroup = name("type=connect-worker-metrics");
        assertEquals(2.0, attribute(workerGroup, "connector-startup-attempts-total"));
        assertEquals(1.0, attribute(workerGroup, "connector-startup-failure-total"));
        assertEquals(0.5, (Double) attribute(workerGroup, "connector-startup-success-percentage"), 1e-9);
        assertEquals(1.0, attribute(workerGroup, "connector-count"), "only the created connector runs here");
        assertTrue(server.queryNames(name("type=connector-metrics,connector=metrics-ref-ghost"), null).isEmpty(),
            "a connector that was never created has no connector metrics");
    }

    private void startConnectorAndTask(String connector, Map<String, String> config) throws Exception {
        worker.startConnector(connector, config, TargetState.STARTED, statuses, name -> { }).get(10, TimeUnit.SECONDS);
        List<Map<String, String>> taskConfigs = worker.connectorTaskConfigs(connector).get(10, TimeUnit.SECONDS);
        ConnectorTaskId id = new ConnectorTaskId(connector, 0);
        assertTrue(worker.startTask(id, config, taskConfigs.get(0), 1, TargetState.STARTED, statuses),
            "task " + id + " starts");
        statuses.awaitTask(id, LifecycleState.RUNNING, WAIT);
    }

    private static Map<String, String> sourceConfig() {
        Map<String, String> config = pipelineConfig(SOURCE, MetricsTestPlugins.FixedSourceConnector.class.getName());
        config.put(MetricsTestPlugins.RECORDS, String.valueOf(SOURCE_RECORDS));
        config.put(MetricsTestPlugins.TOPIC, "metrics-ref-out");
        return config;
    }

    private static Map<String, String> sinkConfig() {
        Map<String, String> config = pipelineConfig(SINK, MetricsTestPlugins.CountingSinkConnector.class.getName());
        config.put("topics", SINK_PARTITION.topic());
        return config;
    }

    /** A connector with one transformation that has a predicate, so both info groups exist. */
    private static Map<String, String> pipelineConfig(String name, String connectorClass) {
        Map<String, String> config = new HashMap<>();
        config.put("name", name);
        config.put("connector.class", connectorClass);
        config.put("tasks.max", "1");
        config.put("transforms", "route");
        config.put("transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter");
        config.put("transforms.route.regex", "(.*)");
        config.put("transforms.route.replacement", "$1");
        config.put("transforms.route.predicate", "isSkip");
        config.put("transforms.route.negate", "true");
        config.put("predicates", "isSkip");
        config.put("predicates.isSkip.type", "org.apache.kafka.connect.transforms.predicates.TopicNameMatches");
        config.put("predicates.isSkip.pattern", "skip-.*");
        return config;
    }

    /** The kafka.connect MBeans of this test's worker, with their attribute names. */
    private Map<ObjectName, Set<String>> registeredOfThisWorker() throws Exception {
        Map<ObjectName, Set<String>> registered = new LinkedHashMap<>();
        for (ObjectName mbean : server.queryNames(new ObjectName(ConnectMetrics.JMX_PREFIX + ":*"), null)) {
            String connector = mbean.getKeyProperty("connector");
            String type = mbean.getKeyProperty("type");
            boolean ours = connector != null ? connector.equals(SOURCE) || connector.equals(SINK)
                : !"app-info".equals(type) || QUOTED_WORKER_ID.equals(mbean.getKeyProperty("id"))
                    || QUOTED_WORKER_ID.equals(mbean.getKeyProperty("client-id"));
            if (ours) {
                registered.put(mbean, Arrays.stream(server.getMBeanInfo(mbean).getAttributes())
                    .map(MBeanAttributeInfo::getName).collect(Collectors.toSet()));
            }
        }
        return registered;
    }

    private Object attribute(ObjectName mbean, String attribute) throws Exception {
        return server.getAttribute(mbean, attribute);
    }

    private static ObjectName name(String properties) {
        try {
            return new ObjectName(ConnectMetrics.JMX_PREFIX + ":" + properties);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException("Bad MBean name in the test: " + properties, e);
        }
    }

    private static Set<String> names(String... names) {
        return Set.of(names);
    }

    private static Set<String> names(Set<ObjectName> mbeans) {
        return mbeans.stream().map(ObjectName::getCanonicalName).collect(Collectors.toCollection(TreeSet::new));
    }
}
