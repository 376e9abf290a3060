package dev.sluice.runtime.herder;

import dev.sluice.runtime.worker.ConnectorStatus;
import dev.sluice.runtime.worker.TaskStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
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
}
