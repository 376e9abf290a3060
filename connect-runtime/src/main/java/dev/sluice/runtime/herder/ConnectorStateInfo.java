package dev.sluice.runtime.herder;

import dev.sluice.runtime.worker.ConnectorStatus;
import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.LifecycleState;
import dev.sluice.runtime.worker.TaskStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.connect.health.ConnectorType;

/**
 * What {@code GET /connectors/{name}/status} shows: the connector's status and those of its tasks.
 *
 * @param name      the connector's name
 * @param connector the connector's latest status
 * @param tasks     its tasks' latest statuses, ordered by task number
 * @param type      source, sink, or unknown
 */
public record ConnectorStateInfo(String name, ConnectorStatus connector, List<TaskStatus> tasks, ConnectorType type) {

    /** Checks the fields and sorts the tasks. */
    public ConnectorStateInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connector, "connector");
        tasks = tasks.stream().sorted(Comparator.comparing(TaskStatus::id)).toList();
        Objects.requireNonNull(type, "type");
    }

    /**
     * These statuses with the connector (if {@code connector}) and the given tasks shown as RESTARTING, as a restart
     * request answers; like Apache's restart plan, only the state changes and the last trace is kept.
     */
    public ConnectorStateInfo withRestarting(boolean connector, Set<ConnectorTaskId> tasks) {
        ConnectorStatus status = this.connector;
        if (connector) {
            status = new ConnectorStatus(status.connector(), LifecycleState.RESTARTING, status.trace(), status.workerId(),
                status.generation(), status.version());
        }
        List<TaskStatus> restarting = new ArrayList<>();
        for (TaskStatus task : this.tasks) {
            restarting.add(tasks.contains(task.id())
                ? new TaskStatus(task.id(), LifecycleState.RESTARTING, task.trace(), task.workerId(), task.generation(),
                    task.version())
                : task);
        }
        return new ConnectorStateInfo(name, status, restarting, type);
    }
}
