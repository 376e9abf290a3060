package dev.sluice.runtime.worker;

import java.util.Objects;

/**
 * The status of one connector as the worker that runs it last reported it.
 *
 * @param connector  the connector's name
 * @param state      its state
 * @param trace      the full stack trace if {@code state} is {@link LifecycleState#FAILED}, else {@code null}
 * @param workerId   the id of the reporting worker
 * @param generation the group generation in which the worker reported it
 * @param version    the connector plugin's version, or {@code null} if not known
 */
public record ConnectorStatus(String connector, LifecycleState state, String trace, String workerId, int generation,
                              String version) {

    /** Checks the required fields. */
    public ConnectorStatus {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(workerId, "workerId");
    }
}
