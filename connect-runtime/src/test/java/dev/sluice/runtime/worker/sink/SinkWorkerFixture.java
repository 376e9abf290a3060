package dev.sluice.runtime.worker.sink;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.config.ClientConfigOverrides;
import dev.sluice.runtime.config.SinkConnectorConfig;
import dev.sluice.runtime.config.StandaloneConfig;
import dev.sluice.runtime.config.WorkerConfig;
import dev.sluice.runtime.plugins.PluginDiscoveryMode;
import dev.sluice.runtime.plugins.PluginPath;
import dev.sluice.runtime.plugins.Plugins;
import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.StatusRecorder;
import dev.sluice.runtime.worker.TargetState;
import dev.sluice.runtime.worker.Worker;
import dev.sluice.runtime.worker.errors.KafkaDeadLetterQueues;
import dev.sluice.runtime.worker.pipeline.RecordPipelineFactory;
import dev.sluice.testkit.KafkaCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.policy.AllConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest.ClientType;
import org.apache.kafka.connect.health.ConnectorType;

/**
 * A real {@link Worker} for sink connectors against a testkit broker: its tasks run in {@link SinkTaskRunner}s built
 * by a {@link SinkTaskRunnerFactory} with real consumers and {@link KafkaDeadLetterQueues}, under the {@code All}
 * client override policy (Apache's default). Every {@link JournalingSinkTask} it creates writes to {@link #journal};
 * statuses go to {@link #statuses}. Connectors are started through the worker and their tasks with the task
 * configurations the connector generated.
 */
final class SinkWorkerFixture implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    final SinkTaskJournal journal = new SinkTaskJournal();
    final Plugins plugins = Plugins.discover(PluginPath.parse(""), PluginDiscoveryMode.SERVICE_LOAD);
    final Metrics metrics = new Metrics();
    final WorkerConfig config;
    final Worker worker;
    final StatusRecorder statuses;
    private final Map<String, Map<String, String>> connectorConfigs = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, String>>> taskConfigs = new ConcurrentHashMap<>();

    /**
     * A worker with StringConverter keys and values, {@code offset.flush.interval.ms=500} and a consumer heartbeat of
     * 500 ms (so that rebalances are noticed quickly), changed by {@code workerSettings}.
     */
    SinkWorkerFixture(KafkaCluster kafka, Map<String, String> workerSettings) {
        Map<String, String> props = new HashMap<>(Map.of(
            "bootstrap.servers", kafka.bootstrapServers(),
            "offset.storage.file.filename", "/tmp/sink-worker-it-unused.offsets",
            "offset.flush.interval.ms", "500",
            "task.shutdown.graceful.timeout.ms", "10000",
            "consumer.heartbeat.interval.ms", "500",
            "key.converter", "org.apache.kafka.connect.storage.StringConverter",
            "value.converter", "org.apache.kafka.connect.storage.StringConverter"));
        props.putAll(workerSettings);
        config = new StandaloneConfig(props);
        ClientConfigOverrides overrides = new ClientConfigOverrides(new AllConnectorClientConfigOverridePolicy());
        SinkTaskRunnerFactory sinks = new SinkTaskRunnerFactory(config, new RecordPipelineFactory(plugins, config),
            connector -> overrides.approved(connector.connectorName(), ConnectorType.SINK, connectorClass(connector),
                connector.originalsStrings(), ClientType.CONSUMER),
            new KafkaDeadLetterQueues(config, null, plugins, overrides), KafkaConsumer::new, null);
        worker = new Worker(config, plugins, metrics, (connector, connectorConfig) -> {
            throw new IllegalStateException("This worker runs sink connectors only; " + connector + " is a source");
        }, setup -> {
            if (setup.task() instanceof JournalingSinkTask task) {
                task.attach(setup.id(), journal);
            }
            return sinks.create(setup);
        });
        statuses = new StatusRecorder("sink-worker-it", () -> 0, worker::connectorVersion, worker::taskVersion);
    }

    private Class<? extends Connector> connectorClass(SinkConnectorConfig connector) {
        return plugins.resolve(connector.connectorClass(), Connector.class, null).pluginClass();
    }

    /**
     * Starts a {@link JournalingSinkConnector} with {@code settings} (plus its name and class), then each task it
     * generates.
     *
     * @return the connector's tasks
     */
    List<ConnectorTaskId> startConnector(String name, Map<String, String> settings) throws Exception {
        Map<String, String> props = new HashMap<>(settings);
        props.put("name", name);
        props.put("connector.class", JournalingSinkConnector.class.getName());
        connectorConfigs.put(name, Map.copyOf(props));
        worker.startConnector(name, props, TargetState.STARTED, statuses, connector -> { })
            .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        List<Map<String, String>> configs = worker.connectorTaskConfigs(name).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        taskConfigs.put(name, List.copyOf(configs));
        List<ConnectorTaskId> ids = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            ConnectorTaskId id = new ConnectorTaskId(name, i);
            startTask(id);
            ids.add(id);
        }
        return ids;
    }

    /** Starts (again) a task of a connector started with {@link #startConnector}. */
    void startTask(ConnectorTaskId id) {
        List<Map<String, String>> configs = taskConfigs.get(id.connector());
        assertTrue(worker.startTask(id, connectorConfigs.get(id.connector()), configs.get(id.task()), configs.size(),
            TargetState.STARTED, statuses), "the worker started task " + id);
    }

    /** Stops one task and waits for it. */
    void stopTask(ConnectorTaskId id) {
        worker.stopAndAwaitTask(id);
    }

    @Override
    public void close() {
        try {
            for (ConnectorTaskId id : worker.taskIds()) {
                worker.stopAndAwaitTask(id);
            }
            worker.stopAndAwaitConnectors(worker.connectorNames());
        } finally {
            metrics.close();
            plugins.close();
        }
    }
}
