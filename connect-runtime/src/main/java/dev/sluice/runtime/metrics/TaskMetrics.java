package dev.sluice.runtime.metrics;

import java.util.Objects;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.Frequencies;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.utils.Time;

/**
 * The {@code connector-task-metrics} group of one task ({@code connector=<c>,task=<n>}): its status in lower case,
 * the share of time it spent running and paused, its batch sizes, its offset commits (time taken, share that
 * succeeded), and the classes and versions of its connector, task and converters.
 */
public final class TaskMetrics implements AutoCloseable {

    /** Metric group name. */
    public static final String GROUP = "connector-task-metrics";

    private final MetricGroup group;
    private final StateTimer state;
    private final Time time;
    private final Sensor batchSize;
    private final Sensor commitTime;
    private final Sensor commitResults;

    /**
     * Registers the task's metrics; its status starts as {@code unassigned}.
     *
     * @param type {@code source} or {@code sink}
     * @param connector the class and version of the task's connector
     * @param task the class and version of the task
     */
    public TaskMetrics(Metrics metrics, Time time, String connectorName, int taskNumber, String type,
                       PluginInfo connector, PluginInfo task) {
        this.time = Objects.requireNonNull(time, "time");
        this.state = new StateTimer("unassigned", time.milliseconds());
        this.group = MetricGroup.of(metrics, GROUP, "connector", connectorName, "task", String.valueOf(taskNumber));
        group.addGauge("status", "The status of the connector task.", (config, now) -> state.state());
        group.addMeasurable("running-ratio", "The fraction of time this task has spent in the running state.",
            (config, now) -> state.ratio("running", now));
        group.addMeasurable("pause-ratio", "The fraction of time this task has spent in the pause state.",
            (config, now) -> state.ratio("paused", now));

        commitTime = group.sensor("offset-commit-time");
        commitTime.add(group.metricName("offset-commit-max-time-ms",
            "The maximum time in milliseconds taken by this task to commit offsets."), new Max());
        commitTime.add(group.metricName("offset-commit-avg-time-ms",
            "The average time in milliseconds taken by this task to commit offsets."), new Avg());

        batchSize = group.sensor("batch-size");
        batchSize.add(group.metricName("batch-size-max", "The number of records in the largest batch the task has"
            + " processed so far."), new Max());
        batchSize.add(group.metricName("batch-size-avg", "The average number of records in the batches the task has"
            + " processed so far."), new Avg());

        commitResults = group.sensor("offset-commit-results");
        commitResults.add(Frequencies.forBooleanValues(
            group.metricName("offset-commit-failure-percentage",
                "The average percentage of this task's offset commit attempts that failed."),
            group.metricName("offset-commit-success-percentage",
                "The average percentage of this task's offset commit attempts that succeeded.")));

        group.addConstant("connector-class", "The name of the connector class.", connector.className());
        group.addConstant("connector-version", "The version of the connector class, as reported by the connector.",
            connector.version());
        group.addConstant("connector-type", "The type of the connector. One of 'source' or 'sink'.", type);
        group.addConstant("task-class", "The class name of the task.", task.className());
        group.addConstant("task-version", "The version of the task.", task.version());
    }

    /**
     * Adds the converter attributes ({@code key-converter-class}, {@code key-converter-version}, ... for key, value
     * and header converters); called once the task's converters are built.
     */
    public void converters(PluginInfo key, PluginInfo value, PluginInfo header) {
        group.addConstant("key-converter-class", "The fully qualified class name of the key converter.",
            key.className());
        group.addConstant("value-converter-class", "The fully qualified class name of the value converter.",
            value.className());
        group.addConstant("header-converter-class", "The fully qualified class name of the header converter.",
            header.className());
        group.addConstant("key-converter-version", "The version of the key converter.", key.version());
        group.addConstant("value-converter-version", "The version of the value converter.", value.version());
        group.addConstant("header-converter-version", "The version of the header converter.", header.version());
    }

    /** The task moved to {@code status} ({@code running}, {@code paused}, ...; any case). */
    public void statusChanged(String status) {
        state.changeState(status, time.milliseconds());
    }

    /** The current status, in lower case. */
    public String status() {
        return state.state();
    }

    /** The task processed a batch of {@code size} records (a poll's records sent, a batch put). */
    public void recordBatch(int size) {
        batchSize.record(size);
    }

    /** An offset commit succeeded after {@code durationMs}. */
    public void recordCommitSuccess(long durationMs) {
        commitTime.record(durationMs);
        commitResults.record(1.0);
    }

    /** An offset commit failed; as in Apache, only successful commits count towards the commit times. */
    public void recordCommitFailure() {
        commitResults.record(0.0);
    }

    /** Removes the task's metrics. */
    @Override
    public void close() {
        group.close();
    }
}
