package dev.sluice.runtime.worker.source;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.config.ClientConfigOverrides;
import dev.sluice.runtime.config.ConnectorConfig;
import dev.sluice.runtime.config.StandaloneConfig;
import dev.sluice.runtime.config.WorkerConfig;
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
import dev.sluice.runtime.worker.TaskRunner;
import dev.sluice.runtime.worker.TaskSetup;
import dev.sluice.runtime.worker.pipeline.RecordPipelineFactory;
import dev.sluice.testkit.KafkaClusterExtension;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.connector.policy.AllConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A source task runner with a real producer and admin client against a real broker. */
class SourceTaskRunnerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

    private static Plugins plugins;
    private static Metrics metrics;

    @BeforeAll
    static void discoverPlugins() {
        plugins = Plugins.discover(PluginPath.parse(""), PluginDiscoveryMode.SERVICE_LOAD);
        metrics = new Metrics();
    }

    @AfterAll
    static void closePlugins() {
        metrics.close();
        plugins.close();
    }

    @Test
    void recordsReachTopicsCreatedByTheirGroupAndTheStopCommitsTheirOffsets() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String connector = "source-it-" + suffix;
        String plainTopic = "orders-" + suffix;
        String compactedTopic = "compacted-" + suffix;
        WorkerConfig worker = new StandaloneConfig(Map.of(
            "bootstrap.servers", kafka.cluster().bootstrapServers(),
            "offset.storage.file.filename", "/tmp/unused-source-it-offsets",
            "offset.flush.timeout.ms", "30000",
            "key.converter", "org.apache.kafka.connect.storage.StringConverter",
            "value.converter", "org.apache.kafka.connect.storage.StringConverter"));
        MemoryOffsetStore store = new MemoryOffsetStore();
        store.start();
        Map<String, String> props = new HashMap<>();
        props.put("name", connector);
        props.put("connector.class", ScriptedSourceConnector.class.getName());
        props.put("topic.creation.groups", "compacted");
        props.put("topic.creation.default.replication.factor", "1");
        props.put("topic.creation.default.partitions", "3");
        props.put("topic.creation.compacted.include", "compacted-.*");
        props.put("topic.creation.compacted.partitions", "1");
        props.put("topic.creation.compacted.cleanup.policy", "compact");
        ScriptedSourceTask task = new ScriptedSourceTask();
        ConnectorTaskId id = new ConnectorTaskId(connector, 0);
        StatusRecorder statuses = new StatusRecorder("worker-it");
        SourceTaskRunnerFactory factory = new SourceTaskRunnerFactory(worker, plugins,
            new RecordPipelineFactory(plugins, worker), store,
            new ClientConfigOverrides(new AllConnectorClientConfigOverridePolicy()), null);
        TaskRunner runner = factory.create(new TaskSetup(id, task, new ConnectorConfig(props, plugins.delegatingLoader()),
            Map.of("task.class", ScriptedSourceTask.class.getName()), getClass().getClassLoader(), TargetState.STARTED,
            statuses, new PluginMetricsImpl(metrics, Map.of("connector", connector, "task", "0"))));
        try {
            runner.start();
            statuses.awaitTask(id, LifecycleState.RUNNING, TIMEOUT);
            task.willReturn(record(plainTopic, 1, "a"), record(plainTopic, 2, "b"), record(compactedTopic, 3, "c"));

            List<ConsumerRecord<String, String>> plain = kafka.cluster().consume(plainTopic, 2, TIMEOUT);
            assertEquals(Set.of("a", "b"), plain.stream().map(ConsumerRecord::value).collect(Collectors.toSet()),
                "both records arrive (in any order: they may be in different partitions)");
            assertEquals("c", kafka.cluster().consume(compactedTopic, 1, TIMEOUT).get(0).value());
            await().atMost(TIMEOUT).until(() -> task.committedRecords.size() == 3);
            assertTrue(task.committedRecords.stream().allMatch(committed -> committed.metadata() != null),
                "every record was acknowledged with its metadata");

            Map<String, TopicDescription> topics = kafka.cluster().admin()
                .describeTopics(Set.of(plainTopic, compactedTopic)).allTopicNames().get();
            assertEquals(3, topics.get(plainTopic).partitions().size(), "created by the default group");
            assertEquals(1, topics.get(compactedTopic).partitions().size(), "created by the 'compacted' group");
            ConfigResource compacted = new ConfigResource(ConfigResource.Type.TOPIC, compactedTopic);
            Config config = kafka.cluster().admin().describeConfigs(Set.of(compacted)).all().get().get(compacted);
            assertEquals("compact", config.get("cleanup.policy").value(), "with the group's topic config");
        } finally {
            runner.stop();
            assertTrue(runner.awaitStop(TIMEOUT), "the task stops");
        }
        try (ConnectorOffsetReader reader = new ConnectorOffsetReader(store, connector, new OffsetCodec())) {
            assertEquals(Map.of("line", 3L), reader.offset(Map.of("file", "a")), "the stop committed the last offset");
        } finally {
            store.stop();
        }
    }

    private static SourceRecord record(String topic, long line, String value) {
        // Keyed: a compacted topic rejects records without a key.
        return new SourceRecord(Map.of("file", "a"), Map.of("line", line), topic, null, Schema.STRING_SCHEMA,
            "key-" + line, Schema.STRING_SCHEMA, value);
    }
}
