package dev.sluice.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.sluice.runtime.herder.ConnectorInfo;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /connectors/{name}}: {@code {"name", "config", "tasks": [{"connector", "task"}], "type"}}.
 */
@JsonPropertyOrder({"name", "config", "tasks", "type"})
public record ConnectorInfoJson(@JsonProperty("name") String name, @JsonProperty("config") Map<String, String> config,
                                @JsonProperty("tasks") List<TaskIdJson> tasks, @JsonProperty("type") String type) {

    /** The JSON form of {@code info}. */
    public static ConnectorInfoJson of(ConnectorInfo info) {
        return new ConnectorInfoJson(info.name(), new TreeMap<>(info.config()),
            info.tasks().stream().map(TaskIdJson::of).toList(), info.type().toString());
    }
}
