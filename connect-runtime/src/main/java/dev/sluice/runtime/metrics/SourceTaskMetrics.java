package dev.sluice.runtime.metrics;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.common.metrics.stats.Value;

/**
 * The {@code source-task-metrics} group of one source task ({@code connector=<c>,task=<n>}): records polled from the
 * task (before transformations), records written to Kafka (after transformations and filtering), poll times, and
 * the records polled but not yet written or dropped ("active"). Recorded per batch, never per record: the task
 * thread records polls, the producer's thread records finished writes.
 */
public final class SourceTaskMetrics implements AutoCloseable {

    /** Metric group name. */
    public static final String GROUP = "source-task-metrics";

    private final MetricGroup group;
    private final Sensor polled;
    private final Sensor written;
    private final Sensor pollTime;
    private final Sensor active;
    private final AtomicLong activeRecords = new AtomicLong();

    /** Registers the task's source metrics. */
    public SourceTaskMetrics(Metrics metrics, String connector, int task) {
        group = MetricGroup.of(metrics, GROUP, "connector", connector, "task", String.valueOf(task));
        polled = group.sensor("source-record-poll");
        polled.add(group.metricName("source-record-poll-rate", "The average per-second number of records produced/"
            + "polled (before transformation) by this task."), new Rate());
        polled.add(group.metricName("source-record-poll-total", "The total number of records produced/polled (before"
            + " transformation) by this task."), new CumulativeSum());
        written = group.sensor("source-record-write");
        written.add(group.metricName("source-record-write-rate", "The average per-second number of records written to"
            + " Kafka for this task, after transformations and excluding records they filtered out."), new Rate());
        written.add(group.metricName("source-record-write-total", "The number of records written to Kafka for this"
            + " task since it was last restarted, after transformations and excluding records they filtered out."),
            new CumulativeSum());
        pollTime = group.sensor("poll-batch-time");
        pollTime.add(group.metricName("poll-batch-max-time-ms", "The maximum time in milliseconds taken by this task"
            + " to poll for a batch of source records."), new Max());
        pollTime.add(group.metricName("poll-batch-avg-time-ms", "The average time in milliseconds taken by this task"
            + " to poll for a batch of source records."), new Avg());
        active = group.sensor("source-record-active-count");
        active.add(group.metricName("source-record-active-count", "The number of records that have been produced by"
            + " this task but not yet completely written to Kafka."), new Value());
        active.add(group.metricName("source-record-active-count-max", "The maximum number of records that have been"
            + " produced by this task but not yet completely written to Kafka."), new Max());
        active.add(group.metricName("source-record-active-count-avg", "The average number of records that have been"
            + " produced by this task but not yet completely written to Kafka."), new Avg());
    }

    /** {@code task.poll()} returned {@code batchSize} records after {@code durationMs}. */
    public void recordPoll(int batchSize, long durationMs) {
        polled.record(batchSize);
        pollTime.record(durationMs);
        active.record(activeRecords.addAndGet(batchSize));
    }

    /**
     * Records of a batch are done with: {@code written} of them were acknowledged by Kafka, and {@code finished}
     * (written, dropped by transformations, or skipped after a tolerated failure) are no longer active.
     */
    public void recordWrite(int written, int finished) {
        this.written.record(written);
        active.record(activeRecords.updateAndGet(current -> Math.max(current - finished, 0L)));
    }

    /** Removes the task's source metrics. */
    @Override
    public void close() {
        group.close();
    }
}
