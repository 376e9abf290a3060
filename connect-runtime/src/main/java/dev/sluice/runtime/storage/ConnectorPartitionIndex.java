package dev.sluice.runtime.storage;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which source partitions each connector has offsets for, kept up to date from the raw writes an
 * {@link OffsetStore} applies: a value adds the key's partition, a null value (deletion) removes it.
 * Keys that {@link OffsetCodec#decodeKey} cannot attribute to a connector are ignored.
 *
 * <p>Thread-safe: the store's writer thread updates it while other threads list partitions.
 */
public final class ConnectorPartitionIndex {

    private final OffsetCodec codec;
    private final Map<String, Set<Map<String, Object>>> partitionsByConnector = new HashMap<>();

    /**
     * An empty index.
     *
     * @param codec decodes the raw keys
     */
    public ConnectorPartitionIndex(OffsetCodec codec) {
        this.codec = codec;
    }

    /**
     * Records one applied write.
     *
     * @param key the raw key
     * @param value the raw value, or null if the offset was deleted
     */
    public void apply(ByteBuffer key, ByteBuffer value) {
        Optional<ConnectorPartition> decoded = codec.decodeKey(key);
        if (decoded.isEmpty()) {
            return;
        }
        String connector = decoded.get().connector();
        Map<String, Object> partition = Collections.unmodifiableMap(decoded.get().partition());
        synchronized (partitionsByConnector) {
            if (value != null) {
                partitionsByConnector.computeIfAbsent(connector, c -> new HashSet<>()).add(partition);
            } else {
                Set<Map<String, Object>> partitions = partitionsByConnector.get(connector);
                if (partitions != null && partitions.remove(partition) && partitions.isEmpty()) {
                    partitionsByConnector.remove(connector);
                }
            }
        }
    }

    /**
     * Records a batch of applied writes.
     *
     * @param writes raw keys to raw values (null = deleted)
     */
    public void applyAll(Map<ByteBuffer, ByteBuffer> writes) {
        writes.forEach(this::apply);
    }

    /**
     * The partitions a connector has offsets for.
     *
     * @param connectorName the connector
     * @return an immutable snapshot, empty if there are none
     */
    public Set<Map<String, Object>> partitions(String connectorName) {
        synchronized (partitionsByConnector) {
            Set<Map<String, Object>> partitions = partitionsByConnector.get(connectorName);
            return partitions == null ? Set.of() : Set.copyOf(partitions);
        }
    }
}
