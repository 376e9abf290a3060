package org.apache.kafka.connect.source;

import java.util.Map;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * What the worker offers a {@link SourceTask}: its configuration, the committed offsets, the
 * transaction context when the connector defines transactions, and metrics.
 */
public interface SourceTaskContext {

    /** @return the task's configuration */
    Map<String, String> configs();

    /**
     * Returns a reader of the offsets committed for this connector, for resuming where a previous
     * run stopped.
     *
     * @return the offset reader
     */
    OffsetStorageReader offsetStorageReader();

    /**
     * Returns the transaction context when exactly-once support is on and the connector defines
     * transaction boundaries; null otherwise, and null on workers older than the feature.
     *
     * @return the transaction context, or null
     */
    default TransactionContext transactionContext() {
        return null;
    }

    /** @return the metrics registry of this task */
    PluginMetrics pluginMetrics();
}
