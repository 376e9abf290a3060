package dev.sluice.runtime.worker.sink;

import dev.sluice.runtime.metrics.SinkTaskMetrics;
import dev.sluice.runtime.metrics.TaskMetrics;
import dev.sluice.runtime.worker.errors.SinkErrantRecordReporter;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a sink task's offsets through its consumer group, as Apache 4.3.1's sink task does: wait for the errant
 * record reports of the partitions, {@code preCommit} with the offsets after the delivered records (closing the
 * partitions right after it when they are being given up), then commit what the task returned that is not beyond
 * them, asynchronously for periodic commits and synchronously for revoked partitions and at the end. A failing
 * {@code preCommit} outside a close rewinds the consumer to the last committed offsets, so that the records are
 * delivered again; a failed commit only counts as a failure. Commits are numbered so that late callbacks of older
 * asynchronous commits are ignored (counted as skipped in {@code sink-task-metrics}). Each commit's outcome and time
 * go to {@code connector-task-metrics}. Used on the task thread only.
 */
final class SinkOffsetCommitter {

    private static final Logger log = LoggerFactory.getLogger(SinkOffsetCommitter.class);

    private final Object owner;
    private final SinkTask task;
    private final Consumer<byte[], byte[]> consumer;
    private final SinkOffsets offsets;
    private final SinkErrantRecordReporter errantRecordReporter;
    private final long commitTimeoutMs;
    private final BooleanSupplier cancelled;
    private final CommitMetrics metrics;
    private boolean committing;
    private int seqno;
    private long started = -1L;
    private int failures;

    /**
     * A committer for one task.
     *
     * @param owner names the task in log lines
     * @param errantRecordReporter whose reports are awaited before a commit, or null
     * @param commitTimeoutMs how long an asynchronous commit may stay unanswered before it counts as failed
     * @param cancelled whether the task was abandoned: then nothing more is committed
     * @param metrics where commits are recorded
     */
    SinkOffsetCommitter(Object owner, SinkTask task, Consumer<byte[], byte[]> consumer, SinkOffsets offsets,
                        SinkErrantRecordReporter errantRecordReporter, long commitTimeoutMs, BooleanSupplier cancelled,
                        CommitMetrics metrics) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.task = Objects.requireNonNull(task, "task");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.errantRecordReporter = errantRecordReporter;
        this.commitTimeoutMs = commitTimeoutMs;
        this.cancelled = Objects.requireNonNull(cancelled, "cancelled");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * The metrics a commit updates.
     *
     * @param task the task's {@code connector-task-metrics}
     * @param sink the task's {@code sink-task-metrics}
     * @param clock milliseconds now, to time commits
     */
    record CommitMetrics(TaskMetrics task, SinkTaskMetrics sink, LongSupplier clock) {
        CommitMetrics {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(sink, "sink");
            Objects.requireNonNull(clock, "clock");
        }
    }

    /** Whether an asynchronous commit is still unanswered. */
    boolean isCommitting() {
        return committing;
    }

    /** Number of commits that failed in a row. */
    int failures() {
        return failures;
    }

    /** Gives up on an asynchronous commit unanswered for longer than {@code offset.flush.timeout.ms}. */
    void checkTimeout(long now) {
        if (committing && now >= started + commitTimeoutMs) {
            log.warn("{} Commit of offsets timed out", owner);
            failures++;
            metrics.task().recordCommitFailure();
            committing = false;
        }
    }

    /**
     * Commits the delivered offsets of {@code partitions}.
     *
     * @param closing whether the partitions are being given up: the task closes them and the commit is synchronous
     * @throws org.apache.kafka.connect.errors.ConnectException if an errant record could not be reported
     */
    void commit(long now, boolean closing, Collection<TopicPartition> partitions) {
        log.trace("{} Committing offsets for partitions {}", owner, partitions);
        if (errantRecordReporter != null) {
            errantRecordReporter.awaitFutures(partitions);
        }
        Map<TopicPartition, OffsetAndMetadata> toCommit = offsets.currentOf(partitions);
        if (toCommit.isEmpty()) {
            return;
        }
        committing = true;
        int commit = ++seqno;
        started = now;
        metrics.sink().recordOffsetSequenceNumber(commit);
        Map<TopicPartition, OffsetAndMetadata> lastCommitted = offsets.committedOf(toCommit.keySet());
        Map<TopicPartition, OffsetAndMetadata> fromTask;
        try {
            fromTask = task.preCommit(new HashMap<>(toCommit));
        } catch (RuntimeException e) {
            if (closing) {
                log.warn("{} Offset commit failed during close", owner, e);
            } else {
                log.error("{} Offset commit failed, rewinding to last committed offsets", owner, e);
                lastCommitted.forEach((partition, offset) -> consumer.seek(partition, offset.offset()));
                offsets.rewound(lastCommitted);
            }
            completed(e, commit, null);
            return;
        } finally {
            if (closing) {
                task.close(partitions);
            }
        }
        if (fromTask == null || fromTask.isEmpty()) {
            log.debug("{} Skipping offset commit, task opted-out by returning no offsets from preCommit", owner);
            completed(null, commit, null);
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committable =
            SinkOffsets.committable(toCommit, lastCommitted, fromTask, consumer.assignment());
        if (committable.equals(lastCommitted)) {
            log.debug("{} Skipping offset commit, no change since last commit", owner);
            completed(null, commit, null);
            return;
        }
        if (cancelled.getAsBoolean()) {
            log.debug("{} Skipping offset commit as task has been cancelled", owner);
            return;
        }
        if (closing) {
            commitSync(committable, commit);
        } else {
            log.debug("{} Committing offsets asynchronously using sequence number {}: {}", owner, commit, committable);
            consumer.commitAsync(committable, (committed, error) -> completed(error, commit, committed));
        }
    }

    private void commitSync(Map<TopicPartition, OffsetAndMetadata> committable, int commit) {
        log.debug("{} Committing offsets synchronously using sequence number {}: {}", owner, commit, committable);
        try {
            consumer.commitSync(committable);
            completed(null, commit, committable);
        } catch (WakeupException e) {
            // Retry so that the offsets reach the group, then let the wakeup end the poll it was meant for.
            commitSync(committable, commit);
            throw e;
        } catch (KafkaException e) {
            completed(e, commit, committable);
        }
    }

    private void completed(Throwable error, int commit, Map<TopicPartition, OffsetAndMetadata> committed) {
        if (commit != seqno) {
            log.debug("{} Received out of order commit callback for sequence number {}, but most recent sequence"
                + " number is {}", owner, commit, seqno);
            metrics.sink().recordOffsetCommitSkip();
            return;
        }
        if (error != null) {
            log.error("{} Commit of offsets threw an unexpected exception for sequence number {}: {}", owner, commit,
                committed, error);
            failures++;
            metrics.task().recordCommitFailure();
        } else {
            log.debug("{} Finished offset commit successfully for sequence number {}: {}", owner, commit, committed);
            if (committed != null) {
                offsets.committed(committed);
            }
            failures = 0;
            metrics.task().recordCommitSuccess(metrics.clock().getAsLong() - started);
            metrics.sink().recordOffsetCommitCompletion();
            metrics.sink().recordActiveRecords(offsets.activeRecords());
        }
        committing = false;
    }
}
