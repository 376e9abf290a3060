package dev.sluice.runtime.worker.sink;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.config.SinkConnectorConfig;
import dev.sluice.runtime.config.StandaloneConfig;
import dev.sluice.runtime.plugins.PluginDiscoveryMode;
import dev.sluice.runtime.plugins.PluginPath;
import dev.sluice.runtime.plugins.Plugins;
import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.TargetState;
import dev.sluice.runtime.worker.TaskSetup;
import dev.sluice.runtime.worker.pipeline.RecordPipelineFactory;
import dev.sluice.testkit.KafkaClusterExtension;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A sink task runner against a real broker: records reach the task, offsets reach the consumer group. */
class SinkTaskRunnerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

    private static Plugins plugins;
    private static Metrics metrics;

    /** Collects the values it is given; safe to read from the test thread. */
    public static final class CollectingSinkTask extends SinkTask {
        final Queue<String> values = new ConcurrentLinkedQueue<>();
        final Queue<String> closed = new ConcurrentLinkedQueue<>();

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public void put(Collection<SinkRecord> records) {
            records.forEach(record -> values.add((String) record.value()));
        }

        @Override
        public void close(Collection<TopicPartition> partitions) {
            partitions.forEach(partition -> closed.add(partition.toString()));
        }

        @Override
        public void stop() {
            closed.add("stopped");
        }
    }

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

    private SinkTaskRunner runner(String connector, String topic, CollectingSinkTask task,
                                  SinkRunnerFixture.NoStatus status) {
        StandaloneConfig worker = new StandaloneConfig(Map.of(
            "bootstrap.servers", kafka.cluster().bootstrapServers(),
            "offset.storage.file.filename", "/tmp/sink-runner-it-offsets",
            "offset.flush.interval.ms", "500",
            "key.converter", "org.apache.kafka.connect.storage.StringConverter",
            "value.converter", "org.apache.kafka.connect.storage.StringConverter"));
        Map<String, String> props = new HashMap<>(Map.of("name", connector, "connector.class", "SomeSink",
            "topics", topic));
        SinkConnectorConfig config = new SinkConnectorConfig(props, plugins.delegatingLoader());
        SinkTaskRunnerFactory factory = new SinkTaskRunnerFactory(worker, new RecordPipelineFactory(plugins, worker),
            connectorConfig -> Map.of(), (connectorConfig, id, counters) -> {
                throw new AssertionError("no dead letter queue is configured");
            }, KafkaConsumer::new, null);
        Map<String, String> taskConfig = new HashMap<>(props);
        taskConfig.put("task.class", CollectingSinkTask.class.getName());
        return (SinkTaskRunner) factory.create(new TaskSetup(new ConnectorTaskId(connector, 0), task, config,
            taskConfig, plugins.delegatingLoader(), TargetState.STARTED, status,
            new PluginMetricsImpl(metrics, Map.of("connector", connector, "task", "0"))));
    }

    @Test
    void deliveredRecordsAreCommittedToTheGroupAndNotDeliveredAgainAfterARestart() {
        String topic = "sink-runner-it-orders";
        String connector = "sink-runner-it";
        kafka.cluster().createTopic(topic, 2);
        kafka.cluster().produce(topic, "a", "b", "c", "d", "e");

        CollectingSinkTask first = new CollectingSinkTask();
        SinkTaskRunnerThreadTest.Outcome firstOutcome = new SinkTaskRunnerThreadTest.Outcome();
        SinkTaskRunner firstRunner = runner(connector, topic, first, firstOutcome);
        firstRunner.start();
        await().atMost(TIMEOUT).until(() -> first.values.size() == 5);
        firstRunner.stop();
        assertTrue(firstRunner.awaitStop(TIMEOUT), "the first task stopped");
        assertNull(firstOutcome.failure, "the first task did not fail");
        assertEquals(Set.of("a", "b", "c", "d", "e"), Set.copyOf(first.values), "every record was delivered");
        assertTrue(first.closed.contains("stopped"), "the task was stopped");

        Map<TopicPartition, Long> committed = kafka.cluster().consumerGroupOffsets("connect-" + connector);
        assertEquals(kafka.cluster().endOffsets(topic), committed, "the stop committed everything delivered");

        kafka.cluster().produce(topic, "f", "g");
        CollectingSinkTask second = new CollectingSinkTask();
        SinkTaskRunnerThreadTest.Outcome secondOutcome = new SinkTaskRunnerThreadTest.Outcome();
        SinkTaskRunner secondRunner = runner(connector, topic, second, secondOutcome);
        secondRunner.start();
        await().atMost(TIMEOUT).until(() -> second.values.size() >= 2);
        await().atMost(TIMEOUT).until(() ->
            kafka.cluster().consumerGroupOffsets("connect-" + connector).equals(kafka.cluster().endOffsets(topic)));
        secondRunner.stop();
        assertTrue(secondRunner.awaitStop(TIMEOUT), "the second task stopped");
        assertEquals(List.of("f", "g"), second.values.stream().sorted().toList(),
            "after the restart only the new records are delivered");
        assertNull(secondOutcome.failure, "the second task did not fail");
    }
}
