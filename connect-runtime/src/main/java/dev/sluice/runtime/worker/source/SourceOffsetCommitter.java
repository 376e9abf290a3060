package dev.sluice.runtime.worker.source;

import dev.sluice.runtime.metrics.TaskMetrics;
import dev.sluice.runtime.storage.SourceOffsetWriter;
import dev.sluice.runtime.worker.ConnectorTaskId;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the offsets of one source task, as Apache 4.3.1's (non exactly-once) source task does: takes the offsets
 * the broker acknowledged from the {@link OffsetCommitTracker}, stages them in the {@link SourceOffsetWriter}, flushes
 * them to the offset store within {@code offset.flush.timeout.ms}, then calls {@link SourceTask#commit()} (also when
 * there was nothing to flush). A failed or timed-out flush keeps the offsets staged for the next commit.
 *
 * <p>Runs on the task thread: the runner calls {@link #commitIfDue()} between polls (and, while the task is paused,
 * whenever a commit falls due), so a commit never races the task's own work and no extra thread is needed. (Apache commits from a shared scheduler thread instead; the
 * difference is only that a {@code poll()} that blocks delays the commit until it returns.)
 */
public final class SourceOffsetCommitter {

    private static final Logger log = LoggerFactory.getLogger(SourceOffsetCommitter.class);

    private final ConnectorTaskId id;
    private final OffsetCommitTracker tracker;
    private final SourceOffsetWriter writer;
    private final SourceTask task;
    private final long intervalMs;
    private final long timeoutMs;
    private final LongSupplier clock;
    private final TaskMetrics metrics;
    private long nextCommitMs;

    /**
     * A committer whose first periodic commit is due one interval from now.
     *
     * @param id the task, for log lines
     * @param tracker where acknowledged offsets come from
     * @param writer stages and flushes the offsets
     * @param task told through {@code commit()} after each commit
     * @param intervalMs {@code offset.flush.interval.ms}
     * @param timeoutMs {@code offset.flush.timeout.ms}
     * @param clock milliseconds now
     * @param metrics where each commit's outcome and duration are recorded
     */
    public SourceOffsetCommitter(ConnectorTaskId id, OffsetCommitTracker tracker, SourceOffsetWriter writer,
                                 SourceTask task, long intervalMs, long timeoutMs, LongSupplier clock,
                                 TaskMetrics metrics) {
        this.id = Objects.requireNonNull(id, "id");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.task = Objects.requireNonNull(task, "task");
        this.intervalMs = intervalMs;
        this.timeoutMs = timeoutMs;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.nextCommitMs = clock.getAsLong() + intervalMs;
    }

    /**
     * Commits if {@code offset.flush.interval.ms} has passed since the last periodic commit.
     *
     * @return whether a commit was due (not whether it succeeded)
     */
    public boolean commitIfDue() {
        long now = clock.getAsLong();
        if (now < nextCommitMs) {
            return false;
        }
        nextCommitMs = now + intervalMs;
        commit();
        return true;
    }

    /** Milliseconds until the next periodic commit is due (0 if it is due now). */
    public long millisUntilDue() {
        return Math.max(nextCommitMs - clock.getAsLong(), 0);
    }

    /**
     * Commits the acknowledged offsets now.
     *
     * @return whether the offsets were committed (or there were none) and the task was told
     */
    public boolean commit() {
        long started = clock.getAsLong();
        boolean committed = commitOffsets(started);
        if (committed) {
            metrics.recordCommitSuccess(clock.getAsLong() - started);
        } else {
            metrics.recordCommitFailure();
        }
        return committed;
    }

    private boolean commitOffsets(long started) {
        long deadline = started + timeoutMs;
        CommittableOffsets committable = tracker.takeCommittableOffsets();
        if (committable.isEmpty()) {
            log.debug("{} No acknowledged records since the last offset commit ({} records still pending)", id,
                committable.pendingRecords());
        } else {
            log.info("{} Committing offsets for {} acknowledged messages", id, committable.committableRecords());
            if (committable.pendingRecords() > 0) {
                log.debug("{} {} records in {} source partitions are still waiting for acknowledgement; the most ({}) in"
                    + " partition {}", id, committable.pendingRecords(), committable.pendingPartitions(),
                    committable.largestPendingCount(), committable.largestPendingPartition());
            }
            committable.offsets().forEach(writer::offset);
        }
        boolean flushOpened;
        try {
            flushOpened = writer.beginFlush(Math.max(deadline - clock.getAsLong(), 0), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("{} Interrupted while waiting for the previous offset flush to complete; not committing", id);
            return false;
        } catch (TimeoutException e) {
            log.warn("{} Timed out while waiting for the previous offset flush to complete; not committing", id);
            return false;
        }
        if (flushOpened && !flush(deadline)) {
            return false;
        }
        log.debug("{} Finished committing offsets in {} ms", id, clock.getAsLong() - started);
        commitTask();
        return true;
    }

    private boolean flush(long deadline) {
        CompletableFuture<Void> flushed = writer.doFlush(error -> {
            if (error == null) {
                log.trace("{} Finished flushing offsets to storage", id);
            }
        });
        try {
            flushed.get(Math.max(deadline - clock.getAsLong(), 0), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("{} Flush of offsets interrupted; they stay staged for the next commit", id);
        } catch (ExecutionException e) {
            log.error("{} Flush of offsets failed; they stay staged for the next commit", id, e.getCause());
        } catch (TimeoutException e) {
            log.error("{} Timed out waiting {} ms to flush offsets to storage; will try again on the next commit with the"
                + " latest offsets", id, timeoutMs);
        }
        writer.cancelFlush();
        return false;
    }

    private void commitTask() {
        try {
            task.commit();
        } catch (Exception e) {
            log.error("{} Exception thrown while calling task.commit()", id, e);
        }
    }
}
