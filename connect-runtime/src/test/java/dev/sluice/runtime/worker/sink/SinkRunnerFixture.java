package dev.sluice.runtime.worker.sink;

import dev.sluice.runtime.config.SinkConnectorConfig;
import dev.sluice.runtime.config.StandaloneConfig;
import dev.sluice.runtime.config.WorkerConfig;
import dev.sluice.runtime.plugins.PluginDiscoveryMode;
import dev.sluice.runtime.plugins.PluginPath;
import dev.sluice.runtime.plugins.Plugins;
import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.TargetState;
import dev.sluice.runtime.worker.TaskSetup;
import dev.sluice.runtime.worker.TaskStatusListener;
import dev.sluice.runtime.worker.errors.ErrorCounters;
import dev.sluice.runtime.worker.errors.ErrorHandler;
import dev.sluice.runtime.worker.errors.ErrorHandlingSettings;
import dev.sluice.runtime.worker.errors.ErrorReporter;
import dev.sluice.runtime.worker.errors.SinkErrantRecordReporter;
import dev.sluice.runtime.worker.pipeline.RecordPipelineFactory;
import dev.sluice.runtime.worker.pipeline.SinkRecordPipeline;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;

/** Builds sink task runners over a MockConsumer and the built-in plugins of the test class path. */
final class SinkRunnerFixture implements AutoCloseable {

    static final String CONNECTOR = "snk";
    static final long COMMIT_INTERVAL_MS = 60_000L;

    final Plugins plugins = Plugins.discover(PluginPath.parse(""), PluginDiscoveryMode.SERVICE_LOAD);
    final WorkerConfig worker;
    final RecordPipelineFactory pipelines;
    final Metrics metrics = new Metrics();
    final AtomicLong now = new AtomicLong(1_000_000L);

    SinkRunnerFixture() {
        Map<String, String> props = new HashMap<>(Map.of(
            "bootstrap.servers", "localhost:9092",
            "offset.storage.file.filename", "/tmp/sink-runner-test-offsets",
            "key.converter", "org.apache.kafka.connect.storage.StringConverter",
            "value.converter", "org.apache.kafka.connect.storage.StringConverter"));
        worker = new StandaloneConfig(props);
        pipelines = new RecordPipelineFactory(plugins, worker);
    }

    SinkConnectorConfig connectorConfig(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(Map.of("name", CONNECTOR, "connector.class", "SomeSink",
            "topics", "orders"));
        props.putAll(overrides);
        return new SinkConnectorConfig(props, plugins.delegatingLoader());
    }

    /** A runner, not started, with the given connector settings and reporters. */
    SinkTaskRunner runner(RecordingSinkTask task, MockConsumer<byte[], byte[]> consumer, Map<String, String> overrides,
                          List<ErrorReporter> reporters, boolean errantReporter, TargetState initialState) {
        return runner(task, consumer, overrides, reporters, errantReporter, initialState, new NoStatus());
    }

    /** A runner, not started, that reports its status changes to {@code status}. */
    SinkTaskRunner runner(RecordingSinkTask task, MockConsumer<byte[], byte[]> consumer, Map<String, String> overrides,
                          List<ErrorReporter> reporters, boolean errantReporter, TargetState initialState,
                          TaskStatusListener status) {
        Map<String, String> settings = new HashMap<>(overrides);
        settings.putIfAbsent("errors.tolerance", "all");
        SinkConnectorConfig config = connectorConfig(settings);
        ErrorHandler errors = new ErrorHandler(ErrorHandlingSettings.of(config), reporters, new ErrorCounters());
        SinkRecordPipeline pipeline = pipelines.sink(config, plugins.delegatingLoader(), errors);
        SinkErrantRecordReporter errant = errantReporter ? new SinkErrantRecordReporter(errors, pipeline::reconvert) : null;
        Map<String, String> taskConfig = new HashMap<>(config.originalsStrings());
        taskConfig.put("task.class", RecordingSinkTask.class.getName());
        TaskSetup setup = new TaskSetup(new ConnectorTaskId(CONNECTOR, 0), task, config, taskConfig,
            plugins.delegatingLoader(), initialState, status,
            new PluginMetricsImpl(metrics, Map.of("connector", CONNECTOR, "task", "0")));
        return new SinkTaskRunner(setup, new SinkTaskParts(consumer, pipeline, errors, errant, COMMIT_INTERVAL_MS,
            5_000L, now::get));
    }

    SinkTaskRunner runner(RecordingSinkTask task, MockConsumer<byte[], byte[]> consumer, Map<String, String> overrides) {
        return runner(task, consumer, overrides, List.of(), false, TargetState.STARTED);
    }

    @Override
    public void close() {
        metrics.close();
        plugins.close();
    }

    /** Ignores status changes. */
    static class NoStatus implements TaskStatusListener {
        @Override
        public void onStartup(ConnectorTaskId id) {
        }

        @Override
        public void onPause(ConnectorTaskId id) {
        }

        @Override
        public void onResume(ConnectorTaskId id) {
        }

        @Override
        public void onFailure(ConnectorTaskId id, Throwable cause) {
        }

        @Override
        public void onShutdown(ConnectorTaskId id) {
        }

        @Override
        public void onDeletion(ConnectorTaskId id) {
        }

        @Override
        public void onRestart(ConnectorTaskId id) {
        }
    }
}
