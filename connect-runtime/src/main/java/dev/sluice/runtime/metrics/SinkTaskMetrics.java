package dev.sluice.runtime.metrics;

import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.common.metrics.stats.Value;

/**
 * The {@code sink-task-metrics} group of one sink task ({@code connector=<c>,task=<n>}): records read from Kafka
 * (before transformations) and given to {@code put} (after them), {@code put} times, assigned partitions, offset
 * commits (sequence number, completed and skipped ones) and the records read but not yet committed ("active").
 * Recorded per batch or per commit by the task thread.
 *
 * <p>Apache's registry also defines {@code sink-record-lag-max}, but Apache 4.3.1 never registers it for a task,
 * so neither does this group.
 */
public final class SinkTaskMetrics implements AutoCloseable {

    /** Metric group name. */
    public static final String GROUP = "sink-task-metrics";

    private final MetricGroup group;
    private final Sensor read;
    private final Sensor sent;
    private final Sensor active;
    private final Sensor partitions;
    private final Sensor commitSeqNo;
    private final Sensor commitCompletions;
    private final Sensor commitSkips;
    private final Sensor putTime;

    /** Registers the task's sink metrics. */
    public SinkTaskMetrics(Metrics metrics, String connector, int task) {
        group = MetricGroup.of(metrics, GROUP, "connector", connector, "task", String.valueOf(task));
        read = group.sensor("sink-record-read");
        read.add(group.metricName("sink-record-read-rate", "The average per-second number of records read from Kafka"
            + " for this task, before transformations."), new Rate());
        read.add(group.metricName("sink-record-read-total", "The total number of records read from Kafka by this task"
            + " since it was last restarted."), new CumulativeSum());
        sent = group.sensor("sink-record-send");
        sent.add(group.metricName("sink-record-send-rate", "The average per-second number of records output from the"
            + " transformations and sent/put to this task."), new Rate());
        sent.add(group.metricName("sink-record-send-total", "The total number of records output from the"
            + " transformations and sent/put to this task since it was last restarted."), new CumulativeSum());
        active = group.sensor("sink-record-active-count");
        active.add(group.metricName("sink-record-active-count", "The number of records that have been read from Kafka"
            + " but not yet completely committed/flushed/acknowledged by the sink task."), new Value());
        active.add(group.metricName("sink-record-active-count-max", "The maximum number of records that have been read"
            + " from Kafka but not yet completely committed/flushed/acknowledged by the sink task."), new Max());
        active.add(group.metricName("sink-record-active-count-avg", "The average number of records that have been read"
            + " from Kafka but not yet completely committed/flushed/acknowledged by the sink task."), new Avg());
        partitions = group.sensor("partition-count");
        partitions.add(group.metricName("partition-count", "The number of topic partitions assigned to this task."),
            new Value());
        commitSeqNo = group.sensor("offset-seq-number");
        commitSeqNo.add(group.metricName("offset-commit-seq-no", "The current sequence number for offset commits."),
            new Value());
        commitCompletions = group.sensor("offset-commit-completion");
        commitCompletions.add(group.metricName("offset-commit-completion-rate", "The average per-second number of"
            + " offset commit completions that were completed successfully."), new Rate());
        commitCompletions.add(group.metricName("offset-commit-completion-total", "The total number of offset commit"
            + " completions that were completed successfully."), new CumulativeSum());
        commitSkips = group.sensor("offset-commit-completion-skip");
        commitSkips.add(group.metricName("offset-commit-skip-rate", "The average per-second number of offset commit"
            + " completions that were received too late and skipped/ignored."), new Rate());
        commitSkips.add(group.metricName("offset-commit-skip-total", "The total number of offset commit completions"
            + " that were received too late and skipped/ignored."), new CumulativeSum());
        putTime = group.sensor("put-batch-time");
        putTime.add(group.metricName("put-batch-max-time-ms", "The maximum time taken by this task to put a batch of"
            + " sinks records."), new Max());
        putTime.add(group.metricName("put-batch-avg-time-ms", "The average time taken by this task to put a batch of"
            + " sinks records."), new Avg());
    }

    /** The consumer returned {@code count} records. */
    public void recordRead(int count) {
        read.record(count);
    }

    /** {@code put} accepted {@code count} records (after transformations). */
    public void recordSend(int count) {
        sent.record(count);
    }

    /** A call to {@code put} took {@code durationMs}. */
    public void recordPut(long durationMs) {
        putTime.record(durationMs);
    }

    /** {@code count} records have been read and not yet committed. */
    public void recordActiveRecords(long count) {
        active.record(count);
    }

    /** The task has {@code count} partitions assigned. */
    public void recordPartitionCount(int count) {
        partitions.record(count);
    }

    /** Offset commit number {@code seqNo} began. */
    public void recordOffsetSequenceNumber(int seqNo) {
        commitSeqNo.record(seqNo);
    }

    /** An offset commit completed successfully. */
    public void recordOffsetCommitCompletion() {
        commitCompletions.record(1.0);
    }

    /** An offset commit completion arrived after a newer commit had begun and was ignored. */
    public void recordOffsetCommitSkip() {
        commitSkips.record(1.0);
    }

    /** Removes the task's sink metrics. */
    @Override
    public void close() {
        group.close();
    }
}
