package dev.sluice.runtime.worker.source;

import java.util.Map;

/**
 * What {@link OffsetCommitTracker#takeCommittableOffsets()} found: the offsets that may be committed now, and
 * how much is still held back (for the log line an operator needs when commits stall).
 *
 * @param offsets source partition to the offset of its last committable record; partitions with nothing
 *     committable are absent; a null key or value stands for a record's null partition or offset. Unmodifiable
 * @param committableRecords how many records the offsets account for (now untracked)
 * @param pendingRecords how many records are still tracked, waiting for an earlier record to be acknowledged
 * @param pendingPartitions how many partitions still have tracked records
 * @param largestPendingPartition the partition with the most tracked records (null if none, or if it is the
 *     null partition)
 * @param largestPendingCount how many records that partition has tracked
 */
public record CommittableOffsets(Map<Map<String, Object>, Map<String, Object>> offsets, int committableRecords,
                                 int pendingRecords, int pendingPartitions, Map<String, Object> largestPendingPartition,
                                 int largestPendingCount) {

    /** Whether there is nothing to commit. */
    public boolean isEmpty() {
        return offsets.isEmpty();
    }
}
