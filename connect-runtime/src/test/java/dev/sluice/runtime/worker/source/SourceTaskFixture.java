package dev.sluice.runtime.worker.source;

import dev.sluice.runtime.config.ConnectorConfig;
import dev.sluice.runtime.config.ConnectorConfig.ErrorTolerance;
import dev.sluice.runtime.config.StandaloneConfig;
import dev.sluice.runtime.config.WorkerConfig;
import dev.sluice.runtime.plugins.PluginDiscoveryMode;
import dev.sluice.runtime.plugins.PluginPath;
import dev.sluice.runtime.plugins.Plugins;
import dev.sluice.runtime.storage.ConnectorOffsetReader;
import dev.sluice.runtime.storage.OffsetCodec;
import dev.sluice.runtime.storage.SourceOffsetWriter;
import dev.sluice.runtime.storage.memory.MemoryOffsetStore;
import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.StatusRecorder;
import dev.sluice.runtime.worker.TargetState;
import dev.sluice.runtime.worker.errors.ErrorCounters;
import dev.sluice.runtime.worker.errors.ErrorHandler;
import dev.sluice.runtime.worker.errors.ErrorHandlingSettings;
import dev.sluice.runtime.worker.pipeline.RecordPipelineFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;

/**
 * Builds source task runners over the built-in plugins of the class path, a {@link ControlledProducer}, a shared
 * {@link MemoryOffsetStore} and a clock the test moves. The connector transforms every record: topic {@code skip}
 * is filtered out, any other topic {@code t} is routed to {@code out-t}; keys and values are strings.
 */
final class SourceTaskFixture implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final long FLUSH_INTERVAL_MS = 60_000;
    static final long FLUSH_TIMEOUT_MS = 500;

    final Plugins plugins = Plugins.discover(PluginPath.parse(""), PluginDiscoveryMode.SERVICE_LOAD);
    final WorkerConfig worker = new StandaloneConfig(Map.of(
        "bootstrap.servers", "localhost:9092",
        "offset.storage.file.filename", "/tmp/unused-source-offsets",
        "offset.flush.timeout.ms", "500",
        "key.converter", "org.apache.kafka.connect.storage.StringConverter",
        "value.converter", "org.apache.kafka.connect.storage.StringConverter"));
    final RecordPipelineFactory pipelines = new RecordPipelineFactory(plugins, worker);
    final MemoryOffsetStore store = new MemoryOffsetStore();
    final AtomicLong clock = new AtomicLong(1_000_000);
    final StatusRecorder statuses = new StatusRecorder("worker-1");
    final Metrics metrics = new Metrics();
    final ErrorCounters counters = new ErrorCounters();
    private final List<SourceTaskRunner> runners = new CopyOnWriteArrayList<>();

    SourceTaskFixture() {
        store.start();
    }

    ConnectorConfig connectorConfig(ErrorTolerance tolerance) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "src");
        props.put("connector.class", "SomeSource");
        props.put("errors.tolerance", tolerance.value());
        props.put("transforms", "filter,route");
        props.put("transforms.filter.type", "org.apache.kafka.connect.transforms.Filter");
        props.put("transforms.filter.predicate", "isSkip");
        props.put("transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter");
        props.put("transforms.route.regex", "(.*)");
        props.put("transforms.route.replacement", "out-$1");
        props.put("predicates", "isSkip");
        props.put("predicates.isSkip.type", "org.apache.kafka.connect.transforms.predicates.TopicNameMatches");
        props.put("predicates.isSkip.pattern", "skip");
        return new ConnectorConfig(props, plugins.delegatingLoader());
    }

    SourceTaskRunner runner(ConnectorTaskId id, ScriptedSourceTask task, ControlledProducer producer,
                            ErrorTolerance tolerance) {
        ErrorHandler errors = new ErrorHandler(new ErrorHandlingSettings(0, 60_000, tolerance, false, false),
            List.of(), counters);
        OffsetCodec codec = new OffsetCodec();
        SourceTaskParts parts = new SourceTaskParts(pipelines.source(connectorConfig(tolerance),
            plugins.delegatingLoader(), errors), errors, producer, TopicCreation.disabled(),
            new ConnectorOffsetReader(store, id.connector(), codec), new SourceOffsetWriter(store, id.connector(), codec),
            FLUSH_INTERVAL_MS, FLUSH_TIMEOUT_MS, clock::get);
        SourceTaskRunner runner = new SourceTaskRunner(id, task, Map.of("task.class", ScriptedSourceTask.class.getName()),
            getClass().getClassLoader(), TargetState.STARTED, statuses, new PluginMetricsImpl(metrics,
            Map.of("connector", id.connector(), "task", String.valueOf(id.task()))), parts);
        runners.add(runner);
        return runner;
    }

    /** The committed offset of a source partition of connector {@code src}, read back from the store. */
    Map<String, Object> committedOffset(Map<String, ?> partition) {
        try (ConnectorOffsetReader reader = new ConnectorOffsetReader(store, "src", new OffsetCodec())) {
            return reader.offset(partition);
        }
    }

    /** Moves the clock past the flush interval so that the next iteration commits. */
    void passFlushInterval() {
        clock.addAndGet(FLUSH_INTERVAL_MS);
    }

    @Override
    public void close() {
        for (SourceTaskRunner runner : runners) {
            runner.stop();
            runner.awaitStop(WAIT);
        }
        store.stop();
        metrics.close();
        plugins.close();
    }
}
