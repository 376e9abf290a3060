package dev.sluice.runtime.metrics;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Frequencies;

/**
 * The {@code connect-worker-metrics} group: how many connectors and tasks run on this worker and how their start-ups
 * went, and, per connector with tasks here ({@code connect-worker-metrics,connector=<c>}), how many of its tasks are
 * in each state.
 */
public final class WorkerMetrics implements AutoCloseable {

    /** Metric group name. */
    public static final String GROUP = "connect-worker-metrics";

    /** The states counted per connector, with the metric that counts them. */
    private static final Map<String, String> TASK_STATE_METRICS = Map.of(
        "running", "connector-running-task-count",
        "paused", "connector-paused-task-count",
        "failed", "connector-failed-task-count",
        "unassigned", "connector-unassigned-task-count",
        "destroyed", "connector-destroyed-task-count",
        "restarting", "connector-restarting-task-count");

    /** The states of a connector's tasks on this worker. */
    @FunctionalInterface
    public interface TaskStates {
        /** The lower-case states ({@code running}, {@code paused}, ...) of {@code connector}'s tasks here. */
        List<String> of(String connector);
    }

    private final Metrics metrics;
    private final TaskStates taskStates;
    private final MetricGroup group;
    private final StartupSensors connectorStartups;
    private final StartupSensors taskStartups;
    private final Map<String, MetricGroup> perConnector = new ConcurrentHashMap<>();

    /**
     * Registers the worker-wide metrics.
     *
     * @param connectorCount how many connectors run on this worker
     * @param taskCount how many tasks run on this worker
     * @param taskStates the states of each connector's tasks on this worker
     */
    public WorkerMetrics(Metrics metrics, IntSupplier connectorCount, IntSupplier taskCount, TaskStates taskStates) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.taskStates = Objects.requireNonNull(taskStates, "taskStates");
        Objects.requireNonNull(connectorCount, "connectorCount");
        Objects.requireNonNull(taskCount, "taskCount");
        group = MetricGroup.of(metrics, GROUP);
        group.addMeasurable("connector-count", "The number of connectors run in this worker.",
            (config, now) -> connectorCount.getAsInt());
        group.addMeasurable("task-count", "The number of tasks run in this worker.",
            (config, now) -> taskCount.getAsInt());
        connectorStartups = new StartupSensors(group, "connector");
        taskStartups = new StartupSensors(group, "task");
    }

    /** A connector was created and its start submitted. */
    public void connectorStartupSucceeded() {
        connectorStartups.record(true);
    }

    /** A connector could not even be created. */
    public void connectorStartupFailed() {
        connectorStartups.record(false);
    }

    /** A task was created and its thread started. */
    public void taskStartupSucceeded() {
        taskStartups.record(true);
    }

    /** A task could not be created. */
    public void taskStartupFailed() {
        taskStartups.record(false);
    }

    /** A task of {@code connector} now runs here: its per-connector group exists from now on. */
    public void taskAdded(String connector) {
        perConnector.computeIfAbsent(connector, this::connectorGroup);
    }

    /** A task of {@code connector} left this worker: the group goes when none of its tasks is left. */
    public void taskRemoved(String connector) {
        perConnector.computeIfPresent(connector, (name, connectorGroup) -> {
            if (!taskStates.of(name).isEmpty()) {
                return connectorGroup;
            }
            connectorGroup.close();
            return null;
        });
    }

    /** Removes every metric of this group. */
    @Override
    public void close() {
        perConnector.values().forEach(MetricGroup::close);
        perConnector.clear();
        group.close();
    }

    private MetricGroup connectorGroup(String connector) {
        MetricGroup connectorGroup = MetricGroup.of(metrics, GROUP, "connector", connector);
        connectorGroup.addMeasurable("connector-total-task-count",
            "The number of tasks of the connector on the worker.", (config, now) -> taskStates.of(connector).size());
        TASK_STATE_METRICS.forEach((state, metric) -> connectorGroup.addMeasurable(metric,
            "The number of " + state + " tasks of the connector on the worker.",
            (config, now) -> taskStates.of(connector).stream().filter(state::equals).count()));
        return connectorGroup;
    }

    /** Attempts, successes and failures of one kind of start-up, with their shares. */
    private static final class StartupSensors {

        private final Sensor attempts;
        private final Sensor successes;
        private final Sensor failures;
        private final Sensor results;

        StartupSensors(MetricGroup group, String kind) {
            attempts = group.sensor(kind + "-startup-attempts");
            attempts.add(group.metricName(kind + "-startup-attempts-total",
                "The total number of " + kind + " startups that this worker has attempted."), new CumulativeSum());
            successes = group.sensor(kind + "-startup-successes");
            successes.add(group.metricName(kind + "-startup-success-total",
                "The total number of " + kind + " starts that succeeded."), new CumulativeSum());
            failures = group.sensor(kind + "-startup-failures");
            failures.add(group.metricName(kind + "-startup-failure-total",
                "The total number of " + kind + " starts that failed."), new CumulativeSum());
            results = group.sensor(kind + "-startup-results");
            results.add(Frequencies.forBooleanValues(
                group.metricName(kind + "-startup-failure-percentage",
                    "The average percentage of this worker's " + kind + " starts that failed."),
                group.metricName(kind + "-startup-success-percentage",
                    "The average percentage of this worker's " + kind + " starts that succeeded.")));
        }

        void record(boolean success) {
            attempts.record(1.0);
            (success ? successes : failures).record(1.0);
            results.record(success ? 1.0 : 0.0);
        }
    }
}
