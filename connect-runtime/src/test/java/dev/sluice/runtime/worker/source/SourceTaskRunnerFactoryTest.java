package dev.sluice.runtime.worker.source;

import static dev.sluice.runtime.worker.source.SourceTaskFixture.WAIT;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.config.ClientConfigOverrides;
import dev.sluice.runtime.config.ConnectorConfig;
import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.TargetState;
import dev.sluice.runtime.worker.TaskRunner;
import dev.sluice.runtime.worker.TaskRunnerFactory;
import dev.sluice.runtime.worker.TaskSetup;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.connector.policy.AllConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.NoneConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SourceTaskRunnerFactoryTest {

    private final SourceTaskFixture fixture = new SourceTaskFixture();
    private final ConnectorTaskId id = new ConnectorTaskId("src", 2);
    private final ControlledProducer producer = new ControlledProducer();
    private final AtomicReference<Map<String, Object>> producerSettings = new AtomicReference<>();
    private final AtomicReference<Map<String, Object>> adminSettings = new AtomicReference<>();
    private final List<NewTopic> createdTopics = new CopyOnWriteArrayList<>();
    private final List<TaskRunner> runners = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        runners.forEach(TaskRunner::stop);
        runners.forEach(runner -> runner.awaitStop(WAIT));
        fixture.close();
    }

    private SourceTaskRunnerFactory factory(ConnectorClientConfigOverridePolicy policy) {
        return new SourceTaskRunnerFactory(fixture.worker, fixture.plugins, fixture.pipelines, fixture.store,
            new ClientConfigOverrides(policy), "cluster-1",
            settings -> {
                producerSettings.set(settings);
                return producer;
            },
            settings -> {
                adminSettings.set(settings);
                return new TopicCreationAdmin() {
                    @Override
                    public boolean exists(String topic) {
                        return false;
                    }

                    @Override
                    public Outcome create(NewTopic topic) {
                        createdTopics.add(topic);
                        return Outcome.CREATED;
                    }

                    @Override
                    public void close() {
                    }
                };
            });
    }

    private TaskSetup setup(Object task, String... extraConnectorProps) {
        Map<String, String> props = new HashMap<>(Map.of("name", "src",
            "connector.class", ScriptedSourceConnector.class.getName()));
        for (int i = 0; i < extraConnectorProps.length; i += 2) {
            props.put(extraConnectorProps[i], extraConnectorProps[i + 1]);
        }
        return new TaskSetup(id, (org.apache.kafka.connect.connector.Task) task,
            new ConnectorConfig(props, fixture.plugins.delegatingLoader()),
            Map.of("task.class", task.getClass().getName()), getClass().getClassLoader(), TargetState.STARTED,
            fixture.statuses, new PluginMetricsImpl(fixture.metrics, Map.of("connector", "src", "task", "2")));
    }

    @Test
    void theRunnerItBuildsSendsThroughTheProducerBuiltFromTheSourceProducerSettings() {
        ScriptedSourceTask task = new ScriptedSourceTask();
        TaskRunner runner = factory(new AllConnectorClientConfigOverridePolicy())
            .create(setup(task, "producer.override.linger.ms", "25"));
        runners.add(runner);
        assertInstanceOf(SourceTaskRunner.class, runner);
        assertEquals("connector-producer-src-2", producerSettings.get().get("client.id"));
        assertEquals("25", producerSettings.get().get("linger.ms"), "the approved override is applied");
        assertEquals("cluster-1", producerSettings.get().get("metrics.context.connect.kafka.cluster.id"));
        assertNull(adminSettings.get(), "no admin client without topic creation");

        runner.start();
        task.willReturn(new SourceRecord(Map.of("file", "a"), Map.of("line", 1L), "orders", Schema.STRING_SCHEMA, "v"));
        await().atMost(WAIT).until(() -> producer.sentCount() == 1);
        assertEquals("orders", producer.sent(0).topic());
    }

    @Test
    void topicCreationUsesAnAdminClientOfItsOwn() {
        ScriptedSourceTask task = new ScriptedSourceTask();
        TaskRunner runner = factory(new AllConnectorClientConfigOverridePolicy()).create(setup(task,
            "topic.creation.default.replication.factor", "1", "topic.creation.default.partitions", "4"));
        runners.add(runner);
        assertEquals("connector-adminclient-src-2", adminSettings.get().get("client.id"));

        runner.start();
        task.willReturn(new SourceRecord(Map.of("file", "a"), Map.of("line", 1L), "orders", Schema.STRING_SCHEMA, "v"));
        await().atMost(WAIT).until(() -> producer.sentCount() == 1);
        assertEquals(1, createdTopics.size(), "the topic is created before the first send");
        assertEquals(4, createdTopics.get(0).numPartitions());
    }

    @Test
    void overridesThePolicyRejectsFailTheTaskBeforeAnyClientIsCreated() {
        ConfigException e = assertThrows(ConfigException.class, () -> factory(new NoneConnectorClientConfigOverridePolicy())
            .create(setup(new ScriptedSourceTask(), "producer.override.linger.ms", "25")));
        assertTrue(e.getMessage().contains("producer.override.linger.ms"), e.getMessage());
        assertNull(producerSettings.get(), "no producer was created");
    }

    @Test
    void sinkTasksAreLeftToTheOtherFactory() {
        TaskRunner other = new TaskRunner(id, getClass().getClassLoader(), TargetState.STARTED, fixture.statuses) {
            @Override
            protected void initializeAndStart() {
            }

            @Override
            protected void execute() {
            }

            @Override
            protected void close() {
            }
        };
        SinkTask sink = new SinkTask() {
            @Override
            public String version() {
                return "1";
            }

            @Override
            public void start(Map<String, String> props) {
            }

            @Override
            public void put(java.util.Collection<SinkRecord> records) {
            }

            @Override
            public void stop() {
            }
        };
        SourceTaskRunnerFactory sources = factory(new AllConnectorClientConfigOverridePolicy());
        TaskRunnerFactory all = sources.orElse(setup -> other);
        assertSame(other, all.create(setup(sink)), "a sink task goes to the other factory");
        assertThrows(ConnectException.class, () -> sources.create(setup(sink)), "the source factory refuses it");
        assertInstanceOf(SourceTaskRunner.class, all.create(setup(new ScriptedSourceTask())),
            "a source task gets a source runner");
    }
}
