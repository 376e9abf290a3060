package dev.sluice.runtime.herder;

import dev.sluice.runtime.worker.ConnectorTaskId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.health.ConnectorType;

/**
 * What {@code GET /connectors/{name}} shows: the connector's raw configuration, its tasks and its type.
 *
 * @param name   the connector's name
 * @param config its raw configuration (provider references unresolved)
 * @param tasks  its tasks, in order
 * @param type   source, sink, or unknown if its class cannot be resolved
 */
public record ConnectorInfo(String name, Map<String, String> config, List<ConnectorTaskId> tasks, ConnectorType type) {

    /** Checks the fields and copies the collections. */
    public ConnectorInfo {
        Objects.requireNonNull(name, "name");
        config = Map.copyOf(config);
        tasks = List.copyOf(tasks);
        Objects.requireNonNull(type, "type");
    }
}
