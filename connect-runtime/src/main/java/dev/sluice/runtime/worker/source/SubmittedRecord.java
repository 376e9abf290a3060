package dev.sluice.runtime.worker.source;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A source record handed to the producer and tracked by an {@link OffsetCommitTracker} until the broker
 * acknowledges it. {@link #ack()} is called from the producer's callback thread; {@link #drop()} from the
 * task's thread when the record will not be sent after all (for example, to be resent later).
 */
public final class SubmittedRecord {

    private static final int PENDING = 0;
    private static final int ACKNOWLEDGED = 1;
    private static final int DROPPED = 2;

    private final OffsetCommitTracker tracker;
    private final Map<String, Object> partition;
    private final Map<String, Object> offset;
    private final AtomicInteger state = new AtomicInteger(PENDING);

    SubmittedRecord(OffsetCommitTracker tracker, Map<String, Object> partition, Map<String, Object> offset) {
        this.tracker = tracker;
        this.partition = partition;
        this.offset = offset;
    }

    /** The record's source partition (may be null). */
    public Map<String, Object> partition() {
        return partition;
    }

    /** The record's source offset (may be null). */
    public Map<String, Object> offset() {
        return offset;
    }

    /**
     * Marks the record acknowledged: its offset may be committed once every earlier record of its partition
     * is acknowledged too. Only the first call counts; a call after {@link #drop()} is ignored.
     */
    public void ack() {
        if (state.compareAndSet(PENDING, ACKNOWLEDGED)) {
            tracker.settled();
        }
    }

    /**
     * Stops tracking the record, which will not be sent; it no longer holds back later records of its
     * partition. Has no effect on an acknowledged record.
     *
     * @return true if the record was pending and is now dropped
     */
    public boolean drop() {
        if (!state.compareAndSet(PENDING, DROPPED)) {
            return false;
        }
        tracker.remove(this);
        tracker.settled();
        return true;
    }

    /** Whether the record was acknowledged. */
    public boolean acknowledged() {
        return state.get() == ACKNOWLEDGED;
    }

    @Override
    public String toString() {
        return "SubmittedRecord[partition=" + partition + ", offset=" + offset + ", state="
            + switch (state.get()) {
                case PENDING -> "pending";
                case ACKNOWLEDGED -> "acknowledged";
                default -> "dropped";
            } + "]";
    }
}
