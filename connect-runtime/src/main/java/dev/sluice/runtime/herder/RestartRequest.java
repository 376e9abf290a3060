package dev.sluice.runtime.herder;

import java.util.Objects;

/**
 * A request to restart a connector and maybe its tasks: {@code POST /connectors/{name}/restart} with
 * {@code includeTasks} and {@code onlyFailed}.
 *
 * @param connector    the connector's name
 * @param onlyFailed   restart only instances that are FAILED
 * @param includeTasks restart the tasks too (subject to {@code onlyFailed})
 */
public record RestartRequest(String connector, boolean onlyFailed, boolean includeTasks) {

    /** Checks that the connector is named. */
    public RestartRequest {
        Objects.requireNonNull(connector, "connector");
    }

    /** Whether the connector instance is to be restarted, given whether it is FAILED now. */
    public boolean restartsConnector(boolean connectorFailed) {
        return !onlyFailed || connectorFailed;
    }

    /** Whether a task is to be restarted, given whether it is FAILED now. */
    public boolean restartsTask(boolean taskFailed) {
        return includeTasks && (!onlyFailed || taskFailed);
    }
}
