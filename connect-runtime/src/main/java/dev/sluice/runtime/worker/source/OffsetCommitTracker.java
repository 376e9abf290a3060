package dev.sluice.runtime.worker.source;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Decides which source offsets of a task may be committed: only those whose record, and every earlier
 * record of the same source partition, the broker acknowledged. A record the pipeline filtered out counts
 * as acknowledged at once (its offset still advances the partition).
 *
 * <p>Per source partition it keeps the submitted records in order. The committable offset of a partition
 * is the offset of the last record of its acknowledged prefix; {@link #pruneAcknowledged()} folds those prefixes
 * into one offset per partition (so memory holds only records in flight) and {@link #takeCommittableOffsets()}
 * returns the offsets. The producer's callback thread acknowledges through
 * {@link SubmittedRecord#ack()}, which only flips the record's state and a counter; the task thread
 * submits and takes under a lock held for the length of a queue operation.
 */
public final class OffsetCommitTracker {

    /** Records in submission order, per source partition (the null partition included). Guarded by itself. */
    private final Map<Map<String, Object>, Deque<SubmittedRecord>> records = new LinkedHashMap<>();
    /** Per source partition, the last offset of the acknowledged records no longer tracked. Guarded by records. */
    private final Map<Map<String, Object>, Map<String, Object>> folded = new LinkedHashMap<>();
    /** How many acknowledged records {@link #folded} stands for. Guarded by records. */
    private int foldedCount;
    private final AtomicInteger unacknowledged = new AtomicInteger();
    private final Object allSettled = new Object();

    /**
     * Starts tracking a record the task is about to send.
     *
     * @param record the record as the task returned it (before transformations)
     * @return its handle, to acknowledge when the producer confirms it
     */
    public SubmittedRecord submit(SourceRecord record) {
        return submit(record.sourcePartition(), record.sourceOffset());
    }

    /**
     * Starts tracking a record the task is about to send.
     *
     * @param partition its source partition (may be null)
     * @param offset its source offset (may be null)
     * @return its handle, to acknowledge when the producer confirms it
     */
    @SuppressWarnings("unchecked")
    public SubmittedRecord submit(Map<String, ?> partition, Map<String, ?> offset) {
        SubmittedRecord submitted = new SubmittedRecord(this, (Map<String, Object>) partition, (Map<String, Object>) offset);
        unacknowledged.incrementAndGet();
        synchronized (records) {
            records.computeIfAbsent(submitted.partition(), p -> new ArrayDeque<>()).addLast(submitted);
        }
        return submitted;
    }

    /**
     * Tracks a record that will not be sent because a transformation or predicate filtered it out (or it
     * was skipped under {@code errors.tolerance=all}); it counts as acknowledged.
     *
     * @param partition its source partition (may be null)
     * @param offset its source offset (may be null)
     */
    public void submitFiltered(Map<String, ?> partition, Map<String, ?> offset) {
        submit(partition, offset).ack();
    }

    /**
     * Returns, per source partition, the offset of the last record whose earlier records are all
     * acknowledged, and stops tracking those records. A record with a null offset contributes a null offset
     * (which deletes the stored offset when written), as Apache's worker does.
     *
     * @return the committable offsets and what is still pending
     */
    public CommittableOffsets takeCommittableOffsets() {
        synchronized (records) {
            foldAcknowledgedPrefixes();
            int pending = 0;
            Map<String, Object> largestPartition = null;
            int largestCount = 0;
            for (Map.Entry<Map<String, Object>, Deque<SubmittedRecord>> entry : records.entrySet()) {
                int size = entry.getValue().size();
                pending += size;
                if (size > largestCount) {
                    largestCount = size;
                    largestPartition = entry.getKey();
                }
            }
            CommittableOffsets taken = new CommittableOffsets(Collections.unmodifiableMap(new LinkedHashMap<>(folded)),
                foldedCount, pending, records.size(), largestPartition, largestCount);
            folded.clear();
            foldedCount = 0;
            return taken;
        }
    }

    /**
     * Stops tracking every acknowledged prefix now, remembering only its last offset per source partition for the
     * next {@link #takeCommittableOffsets()}. The task thread calls this once per loop, as Apache's worker does, so
     * acknowledged records do not pile up in memory between two offset commits.
     */
    public void pruneAcknowledged() {
        synchronized (records) {
            foldAcknowledgedPrefixes();
        }
    }

    /** Moves each partition's acknowledged prefix into {@link #folded}. Call holding the lock on {@link #records}. */
    private void foldAcknowledgedPrefixes() {
        Iterator<Map.Entry<Map<String, Object>, Deque<SubmittedRecord>>> partitions = records.entrySet().iterator();
        while (partitions.hasNext()) {
            Map.Entry<Map<String, Object>, Deque<SubmittedRecord>> entry = partitions.next();
            Deque<SubmittedRecord> queue = entry.getValue();
            SubmittedRecord last = null;
            while (!queue.isEmpty() && queue.peekFirst().acknowledged()) {
                last = queue.pollFirst();
                foldedCount++;
            }
            if (last != null) {
                folded.put(entry.getKey(), last.offset());
            }
            if (queue.isEmpty()) {
                partitions.remove();
            }
        }
    }

    /** How many tracked records are neither acknowledged nor dropped. */
    public int unacknowledgedCount() {
        return unacknowledged.get();
    }

    /**
     * Waits until every submitted record is acknowledged or dropped, as a stopping task does before its
     * final offset commit.
     *
     * @param timeout the longest wait
     * @param unit the unit of {@code timeout}
     * @return true if all records settled, false if some were still unacknowledged when the time was up
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitAllAcknowledged(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (allSettled) {
            while (unacknowledged.get() > 0) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(allSettled, remaining);
            }
            return true;
        }
    }

    /** A pending record was acknowledged or dropped. */
    void settled() {
        if (unacknowledged.decrementAndGet() == 0) {
            synchronized (allSettled) {
                allSettled.notifyAll();
            }
        }
    }

    void remove(SubmittedRecord record) {
        synchronized (records) {
            Deque<SubmittedRecord> queue = records.get(record.partition());
            if (queue != null) {
                // Usually the record just submitted, so search from the end.
                queue.removeLastOccurrence(record);
                if (queue.isEmpty()) {
                    records.remove(record.partition());
                }
            }
        }
    }

    @Override
    public String toString() {
        return "OffsetCommitTracker[unacknowledged=" + unacknowledged.get() + "]";
    }
}
