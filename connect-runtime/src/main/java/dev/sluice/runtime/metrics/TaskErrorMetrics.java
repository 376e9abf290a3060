package dev.sluice.runtime.metrics;

import java.util.Objects;
import org.apache.kafka.common.metrics.Metrics;

/**
 * The {@code task-error-metrics} group of one task ({@code connector=<c>,task=<n>}), read from the task's
 * {@link ErrorCounts} whenever a reporter asks, so that counting an error costs nothing more than the count itself.
 */
public final class TaskErrorMetrics implements AutoCloseable {

    /** Metric group name. */
    public static final String GROUP = "task-error-metrics";

    private final MetricGroup group;

    /** Registers the task's error metrics over {@code counts}. */
    public TaskErrorMetrics(Metrics metrics, String connector, int task, ErrorCounts counts) {
        Objects.requireNonNull(counts, "counts");
        group = MetricGroup.of(metrics, GROUP, "connector", connector, "task", String.valueOf(task));
        group.addMeasurable("total-record-failures", "The number of record processing failures in this task.",
            (config, now) -> counts.recordFailures());
        group.addMeasurable("total-record-errors", "The number of record processing errors in this task.",
            (config, now) -> counts.recordErrors());
        group.addMeasurable("total-records-skipped", "The number of records skipped due to errors.",
            (config, now) -> counts.recordsSkipped());
        group.addMeasurable("total-retries", "The number of operations retried.",
            (config, now) -> counts.retries());
        group.addMeasurable("total-errors-logged", "The number of errors that were logged.",
            (config, now) -> counts.errorsLogged());
        group.addMeasurable("deadletterqueue-produce-requests", "The number of attempted writes to the dead letter"
            + " queue.", (config, now) -> counts.deadLetterQueueRequests());
        group.addMeasurable("deadletterqueue-produce-failures", "The number of failed writes to the dead letter"
            + " queue.", (config, now) -> counts.deadLetterQueueFailures());
        group.addMeasurable("last-error-timestamp", "The epoch timestamp when this task last encountered an error.",
            (config, now) -> counts.lastErrorTimestamp());
    }

    /** Removes the task's error metrics. */
    @Override
    public void close() {
        group.close();
    }
}
