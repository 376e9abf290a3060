package dev.sluice.runtime.worker;

/**
 * The state the herder wants a connector and its tasks to be in.
 *
 * <p>{@link #PAUSED} stops the connector instance but keeps its tasks assigned and idle;
 * {@link #STOPPED} stops the connector instance and the herder also removes its tasks.
 */
public enum TargetState {
    /** Running: the connector is started and its tasks process data. */
    STARTED,
    /** Paused: the connector instance is stopped and its tasks are kept but do no work. */
    PAUSED,
    /** Stopped: the connector instance is stopped and it has no tasks. */
    STOPPED
}
