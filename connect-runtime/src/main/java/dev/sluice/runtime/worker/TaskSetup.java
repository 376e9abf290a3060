package dev.sluice.runtime.worker;

import dev.sluice.runtime.config.ConnectorConfig;
import dev.sluice.runtime.metrics.PluginInfo;
import dev.sluice.runtime.metrics.TaskMetricGroups;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceTask;

/**
 * Everything the worker prepared for one task, handed to a {@link TaskRunnerFactory}.
 *
 * @param id              the task
 * @param task            the plugin task, instantiated with its plugin's loader
 * @param connectorConfig the parsed configuration of its connector
 * @param taskConfig      the task configuration (as generated, with {@code task.class})
 * @param loader          the plugin's loader, to run the task's code under
 * @param initialState    STARTED or PAUSED
 * @param statusListener  where the task reports its state changes
 * @param pluginMetrics   the metrics for the task context's {@code pluginMetrics()}, tagged
 *                        {@code connector} and {@code task}; the worker removes them when the task is gone
 * @param metrics         the task's worker metric groups, which the factory completes with those of its kind;
 *                        the worker removes them when the task is gone
 */
public record TaskSetup(ConnectorTaskId id, Task task, ConnectorConfig connectorConfig, Map<String, String> taskConfig,
                        ClassLoader loader, TargetState initialState, TaskStatusListener statusListener,
                        PluginMetrics pluginMetrics, TaskMetricGroups metrics) {

    /** Checks that every part is present and copies the task configuration. */
    public TaskSetup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(connectorConfig, "connectorConfig");
        taskConfig = Map.copyOf(taskConfig);
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(initialState, "initialState");
        Objects.requireNonNull(statusListener, "statusListener");
        Objects.requireNonNull(pluginMetrics, "pluginMetrics");
        Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * The setup of a task that runs outside a worker (tests, tools): its worker metrics go to a registry of their
     * own that nothing reports.
     */
    public TaskSetup(ConnectorTaskId id, Task task, ConnectorConfig connectorConfig, Map<String, String> taskConfig,
                     ClassLoader loader, TargetState initialState, TaskStatusListener statusListener,
                     PluginMetrics pluginMetrics) {
        this(id, task, connectorConfig, taskConfig, loader, initialState, statusListener, pluginMetrics,
            TaskMetricGroups.unreported(id.connector(), id.task(), task instanceof SourceTask ? "source" : "sink",
                new PluginInfo(connectorConfig.connectorClass(), PluginInfo.UNDEFINED_VERSION),
                new PluginInfo(task.getClass().getName(), PluginInfo.UNDEFINED_VERSION)));
    }
}
