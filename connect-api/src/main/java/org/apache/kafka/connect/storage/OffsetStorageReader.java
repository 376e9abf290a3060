package org.apache.kafka.connect.storage;

import java.util.Collection;
import java.util.Map;

/**
 * Reads the source offsets committed for a connector, so its tasks can resume where they stopped.
 * Keys and values are the maps given to {@link org.apache.kafka.connect.source.SourceRecord}.
 */
public interface OffsetStorageReader {

    /**
     * Returns the committed offset of one source partition.
     *
     * @param partition the source partition
     * @param <T> the type of the partition's values
     * @return the offset, or null if none was committed
     */
    <T> Map<String, Object> offset(Map<String, T> partition);

    /**
     * Returns the committed offsets of several source partitions; more efficient than repeated
     * calls of {@link #offset}.
     *
     * @param partitions the source partitions
     * @param <T> the type of the partitions' values
     * @return the offsets by partition; partitions without committed offset map to null or are absent
     */
    <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions);
}
