package dev.sluice.runtime.metrics;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every metric group of one task, created by the worker with the task's {@link TaskMetrics} and completed by the
 * runner's factory with the groups of its kind (source or sink, errors, transformations and predicates). The worker
 * closes it when the task leaves the worker, which removes all of them; a failed task keeps its metrics until then,
 * as in Apache.
 */
public final class TaskMetricGroups implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TaskMetricGroups.class);

    private final Metrics metrics;
    private final String connector;
    private final int task;
    private final TaskMetrics taskMetrics;
    private final Metrics ownedRegistry;
    private final Deque<AutoCloseable> groups = new ArrayDeque<>();

    private TaskMetricGroups(Metrics metrics, Time time, String connector, int task, String type, PluginInfo connectorInfo,
                             PluginInfo taskInfo, boolean ownsRegistry) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.task = task;
        this.taskMetrics = new TaskMetrics(metrics, time, connector, task, type, connectorInfo, taskInfo);
        this.ownedRegistry = ownsRegistry ? metrics : null;
    }

    /**
     * Registers the {@code connector-task-metrics} group of a task in the worker's registry.
     *
     * @param type {@code source} or {@code sink}
     * @param connectorInfo the class and version of the task's connector
     * @param taskInfo the class and version of the task
     */
    public static TaskMetricGroups register(Metrics metrics, Time time, String connector, int task, String type,
                                            PluginInfo connectorInfo, PluginInfo taskInfo) {
        return new TaskMetricGroups(metrics, time, connector, task, type, connectorInfo, taskInfo, false);
    }

    /**
     * The groups of a task that runs outside a worker (a runner built by hand): they are recorded in a registry of
     * their own, without reporters, which is closed with them.
     */
    public static TaskMetricGroups unreported(String connector, int task, String type, PluginInfo connectorInfo,
                                              PluginInfo taskInfo) {
        return new TaskMetricGroups(new Metrics(), Time.SYSTEM, connector, task, type, connectorInfo, taskInfo, true);
    }

    /** The registry the groups are in. */
    public Metrics registry() {
        return metrics;
    }

    /** The task's {@code connector-task-metrics}. */
    public TaskMetrics task() {
        return taskMetrics;
    }

    /** Registers the task's {@code source-task-metrics}. */
    public synchronized SourceTaskMetrics registerSource() {
        return remember(new SourceTaskMetrics(metrics, connector, task));
    }

    /** Registers the task's {@code sink-task-metrics}. */
    public synchronized SinkTaskMetrics registerSink() {
        return remember(new SinkTaskMetrics(metrics, connector, task));
    }

    /** Registers the task's {@code task-error-metrics} over its error counts. */
    public synchronized TaskErrorMetrics registerErrors(ErrorCounts counts) {
        return remember(new TaskErrorMetrics(metrics, connector, task, counts));
    }

    /** Registers the info groups of the task's transformations and predicates, each by alias. */
    public synchronized TaskPluginMetrics registerPlugins(Map<String, PluginInfo> transformations,
                                                          Map<String, PluginInfo> predicates) {
        return remember(new TaskPluginMetrics(metrics, connector, task, transformations, predicates));
    }

    /** Removes every group of the task. */
    @Override
    public synchronized void close() {
        while (!groups.isEmpty()) {
            AutoCloseable group = groups.pop();
            try {
                group.close();
            } catch (Exception e) {
                log.warn("Cannot remove a metric group of task {}-{}", connector, task, e);
            }
        }
        taskMetrics.close();
        if (ownedRegistry != null) {
            ownedRegistry.close();
        }
    }

    private <T extends AutoCloseable> T remember(T group) {
        groups.push(group);
        return group;
    }
}
