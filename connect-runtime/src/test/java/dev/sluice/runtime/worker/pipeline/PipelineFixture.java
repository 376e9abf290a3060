package dev.sluice.runtime.worker.pipeline;

import dev.sluice.runtime.config.ConnectorConfig;
import dev.sluice.runtime.config.ConnectorConfig.ErrorTolerance;
import dev.sluice.runtime.config.SinkConnectorConfig;
import dev.sluice.runtime.config.StandaloneConfig;
import dev.sluice.runtime.config.WorkerConfig;
import dev.sluice.runtime.plugins.PluginDiscoveryMode;
import dev.sluice.runtime.plugins.PluginPath;
import dev.sluice.runtime.plugins.Plugins;
import dev.sluice.runtime.worker.errors.ErrorCounters;
import dev.sluice.runtime.worker.errors.ErrorHandler;
import dev.sluice.runtime.worker.errors.ErrorHandlingSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds pipelines over the plugins of the test class path (the built-in converters and transformations). */
final class PipelineFixture implements AutoCloseable {

    final Plugins plugins = Plugins.discover(PluginPath.parse(""), PluginDiscoveryMode.SERVICE_LOAD);
    final WorkerConfig worker;
    final RecordPipelineFactory factory;

    PipelineFixture(Map<String, String> workerOverrides) {
        Map<String, String> props = new HashMap<>(Map.of(
            "bootstrap.servers", "localhost:9092",
            "offset.storage.file.filename", "/tmp/probe-pe-offsets",
            "key.converter", "org.apache.kafka.connect.storage.StringConverter",
            "value.converter", "org.apache.kafka.connect.json.JsonConverter",
            "value.converter.schemas.enable", "false"));
        props.putAll(workerOverrides);
        worker = new StandaloneConfig(props);
        factory = new RecordPipelineFactory(plugins, worker);
    }

    PipelineFixture() {
        this(Map.of());
    }

    ConnectorConfig sourceConfig(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(Map.of("name", "src", "connector.class", "SomeSource"));
        props.putAll(overrides);
        return new ConnectorConfig(props, plugins.delegatingLoader());
    }

    SinkConnectorConfig sinkConfig(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(Map.of("name", "snk", "connector.class", "SomeSink",
            "topics", "orders"));
        props.putAll(overrides);
        return new SinkConnectorConfig(props, plugins.delegatingLoader());
    }

    /** A map of alternating keys and values. */
    static Map<String, String> props(String... keysAndValues) {
        Map<String, String> props = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return props;
    }

    static ErrorHandler errors(ErrorTolerance tolerance, ErrorCounters counters) {
        return new ErrorHandler(new ErrorHandlingSettings(0, 60000, tolerance, false, false), List.of(), counters);
    }

    @Override
    public void close() {
        plugins.close();
    }
}
