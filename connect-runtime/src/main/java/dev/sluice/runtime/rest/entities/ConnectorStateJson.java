package dev.sluice.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.sluice.runtime.herder.ConnectorStateInfo;
import dev.sluice.runtime.worker.ConnectorStatus;
import dev.sluice.runtime.worker.TaskStatus;
import java.util.List;

/**
 * {@code GET /connectors/{name}/status}: the connector's state and its tasks' states, in Apache's shape. A
 * state's {@code trace} is left out when empty; its {@code version} is left out when the plugin's version is
 * {@code undefined} and is {@code null} when unknown.
 */
@JsonPropertyOrder({"name", "connector", "tasks", "type"})
public record ConnectorStateJson(@JsonProperty("name") String name, @JsonProperty("connector") State connector,
                                 @JsonProperty("tasks") List<TaskState> tasks, @JsonProperty("type") String type) {

    /** The plugin version Apache's API hides. */
    static final String UNDEFINED_VERSION = "undefined";

    /** The state of a connector. */
    @JsonPropertyOrder({"state", "trace", "worker_id", "version"})
    public record State(@JsonProperty("state") String state,
                        @JsonProperty("trace") @JsonInclude(JsonInclude.Include.NON_EMPTY) String trace,
                        @JsonProperty("worker_id") String workerId,
                        @JsonProperty("version") @JsonInclude(value = JsonInclude.Include.CUSTOM,
                            valueFilter = UndefinedVersionFilter.class) String version) {

        static State of(ConnectorStatus status) {
            return new State(status.state().name(), status.trace(), status.workerId(), status.version());
        }
    }

    /** The state of a task, with its number. */
    @JsonPropertyOrder({"id", "state", "trace", "worker_id", "version"})
    public record TaskState(@JsonProperty("id") int id, @JsonProperty("state") String state,
                            @JsonProperty("trace") @JsonInclude(JsonInclude.Include.NON_EMPTY) String trace,
                            @JsonProperty("worker_id") String workerId,
                            @JsonProperty("version") @JsonInclude(value = JsonInclude.Include.CUSTOM,
                                valueFilter = UndefinedVersionFilter.class) String version) {

        /** The JSON form of {@code status}. */
        public static TaskState of(TaskStatus status) {
            return new TaskState(status.id().task(), status.state().name(), status.trace(), status.workerId(),
                status.version());
        }
    }

    /** Jackson's filter that leaves a version out when it is {@code undefined}: equal means "exclude". */
    public static final class UndefinedVersionFilter {
        @Override
        public boolean equals(Object value) {
            return UNDEFINED_VERSION.equals(value);
        }

        @Override
        public int hashCode() {
            return UNDEFINED_VERSION.hashCode();
        }
    }

    /** The JSON form of {@code info}. */
    public static ConnectorStateJson of(ConnectorStateInfo info) {
        return new ConnectorStateJson(info.name(), State.of(info.connector()),
            info.tasks().stream().map(TaskState::of).toList(), info.type().toString());
    }
}
