package dev.sluice.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sluice.runtime.herder.TaskInfo;
import java.util.Map;
import java.util.TreeMap;

/** One entry of {@code GET /connectors/{name}/tasks}: {@code {"id": {...}, "config": {...}}}. */
public record TaskInfoJson(@JsonProperty("id") TaskIdJson id, @JsonProperty("config") Map<String, String> config) {

    /** The JSON form of {@code info}. */
    public static TaskInfoJson of(TaskInfo info) {
        return new TaskInfoJson(TaskIdJson.of(info.id()), new TreeMap<>(info.config()));
    }
}
