package dev.sluice.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sluice.runtime.worker.ConnectorTaskId;

/** A task's id in JSON: {@code {"connector": "...", "task": n}}. */
public record TaskIdJson(@JsonProperty("connector") String connector, @JsonProperty("task") int task) {

    /** The JSON form of {@code id}. */
    public static TaskIdJson of(ConnectorTaskId id) {
        return new TaskIdJson(id.connector(), id.task());
    }
}
