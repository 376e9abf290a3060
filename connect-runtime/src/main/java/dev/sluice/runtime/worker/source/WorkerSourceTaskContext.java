package dev.sluice.runtime.worker.source;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.source.TransactionContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * The {@link SourceTaskContext} of a (non exactly-once) source task: its configuration, a reader of its connector's
 * committed offsets and its plugin metrics. {@link #transactionContext()} is null, as in Apache without exactly-once
 * support.
 */
public final class WorkerSourceTaskContext implements SourceTaskContext {

    private final Map<String, String> taskConfig;
    private final OffsetStorageReader offsetReader;
    private final PluginMetrics pluginMetrics;

    /**
     * A context.
     *
     * @param taskConfig the task configuration
     * @param offsetReader reads the connector's committed offsets
     * @param pluginMetrics the task's plugin metrics
     */
    public WorkerSourceTaskContext(Map<String, String> taskConfig, OffsetStorageReader offsetReader,
                                   PluginMetrics pluginMetrics) {
        this.taskConfig = Map.copyOf(taskConfig);
        this.offsetReader = Objects.requireNonNull(offsetReader, "offsetReader");
        this.pluginMetrics = Objects.requireNonNull(pluginMetrics, "pluginMetrics");
    }

    @Override
    public Map<String, String> configs() {
        return taskConfig;
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return offsetReader;
    }

    @Override
    public TransactionContext transactionContext() {
        return null;
    }

    @Override
    public PluginMetrics pluginMetrics() {
        return pluginMetrics;
    }
}
