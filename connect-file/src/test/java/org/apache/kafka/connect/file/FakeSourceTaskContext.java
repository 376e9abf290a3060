package org.apache.kafka.connect.file;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** A source task context whose offset reader serves offsets from memory and records what it was asked. */
final class FakeSourceTaskContext implements SourceTaskContext, OffsetStorageReader {

    private final Map<Map<String, ?>, Map<String, Object>> stored = new HashMap<>();
    private final List<Map<String, ?>> lookups = new ArrayList<>();

    /** Stores {@code offset} as the committed offset of {@code partition}. */
    FakeSourceTaskContext withOffset(Map<String, ?> partition, Map<String, Object> offset) {
        stored.put(partition, offset);
        return this;
    }

    /** The partitions the task asked about, in order. */
    List<Map<String, ?>> lookups() {
        return lookups;
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return this;
    }

    @Override
    public PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException("the file source has no metrics");
    }

    @Override
    public <T> Map<String, Object> offset(Map<String, T> partition) {
        lookups.add(partition);
        return stored.get(partition);
    }

    @Override
    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
        for (Map<String, T> partition : partitions) {
            result.put(partition, offset(partition));
        }
        return result;
    }
}
