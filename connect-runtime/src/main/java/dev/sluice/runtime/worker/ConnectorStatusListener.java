package dev.sluice.runtime.worker;

/**
 * Receives the state changes of connector instances, on the connector's thread (or, for
 * {@link #onShutdown} after a cancel, on the cancelling thread). Implementations must be quick and must
 * not block: they typically write a status record.
 */
public interface ConnectorStatusListener {

    /** The connector started for the first time since it was created: RUNNING. */
    void onStartup(String connector);

    /** The connector was stopped because its target state became PAUSED: PAUSED. */
    void onPause(String connector);

    /** The connector was started again after PAUSED or STOPPED: RUNNING. */
    void onResume(String connector);

    /** The connector was stopped because its target state became STOPPED: STOPPED. */
    void onStop(String connector);

    /** The connector failed; {@code cause} becomes the status trace: FAILED. */
    void onFailure(String connector, Throwable cause);

    /** The connector instance was shut down (or abandoned) on this worker: UNASSIGNED. */
    void onShutdown(String connector);

    /** The connector was deleted: DESTROYED (internal, never reported). */
    void onDeletion(String connector);

    /** The connector is being restarted through the restart API: RESTARTING. */
    void onRestart(String connector);
}
