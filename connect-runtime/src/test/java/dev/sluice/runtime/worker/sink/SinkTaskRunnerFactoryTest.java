package dev.sluice.runtime.worker.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.TargetState;
import dev.sluice.runtime.worker.TaskRunner;
import dev.sluice.runtime.worker.TaskSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SinkTaskRunnerFactoryTest {

    private static SinkRunnerFixture fixture;

    @BeforeAll
    static void createFixture() {
        fixture = new SinkRunnerFixture();
    }

    @AfterAll
    static void closeFixture() {
        fixture.close();
    }

    /** A source task, which the sink factory must reject. */
    public static final class SomeSourceTask extends SourceTask {
        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public List<SourceRecord> poll() {
            return null;
        }

        @Override
        public void stop() {
        }
    }

    private TaskSetup setup(org.apache.kafka.connect.connector.Task task, Map<String, String> overrides) {
        return new TaskSetup(new ConnectorTaskId(SinkRunnerFixture.CONNECTOR, 2), task,
            fixture.connectorConfig(overrides), Map.of("topics", "orders", "task.class", task.getClass().getName()),
            fixture.plugins.delegatingLoader(), TargetState.STARTED, new SinkRunnerFixture.NoStatus(),
            new PluginMetricsImpl(fixture.metrics, Map.of("connector", SinkRunnerFixture.CONNECTOR, "task", "2")));
    }

    @Test
    void buildsASinkRunnerWithTheConsumerSettingsOfTheTask() {
        List<Map<String, Object>> consumerSettings = new ArrayList<>();
        SinkTaskRunnerFactory factory = new SinkTaskRunnerFactory(fixture.worker, fixture.pipelines,
            connector -> Map.of("max.poll.records", "11"), (connector, id, counters) -> {
                throw new AssertionError("no dead letter queue is configured");
            }, settings -> {
                consumerSettings.add(settings);
                return new MockConsumer<>("earliest");
            }, null);

        TaskRunner runner = factory.create(setup(new RecordingSinkTask(), Map.of("errors.log.enable", "true")));

        SinkTaskRunner sink = assertInstanceOf(SinkTaskRunner.class, runner, "a sink task gets a sink runner");
        assertEquals("connector-consumer-snk-2", consumerSettings.get(0).get("client.id"), "the task's client id");
        assertEquals("11", consumerSettings.get(0).get("max.poll.records"), "approved overrides are applied");
        assertNotNull(sink.context().errantRecordReporter(), "errors.log.enable offers an errant record reporter");
    }

    @Test
    void rejectsTasksThatAreNotSinkTasks() {
        SinkTaskRunnerFactory factory = new SinkTaskRunnerFactory(fixture.worker, fixture.pipelines,
            connector -> Map.of(), (connector, id, counters) -> null, settings -> new MockConsumer<>("earliest"), null);

        ConnectException failure = assertThrows(ConnectException.class,
            () -> factory.create(setup(new SomeSourceTask(), Map.of())), "a source task is rejected");
        assertTrue(failure.getMessage().contains("is not a SinkTask"), "the message says why: " + failure.getMessage());
    }
}
