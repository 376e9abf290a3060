package dev.sluice.runtime.worker;

/**
 * Receives the state changes of tasks, on the task's thread. A cancelled task reports nothing more.
 * Implementations must be quick and must not block: they typically write a status record.
 */
public interface TaskStatusListener {

    /** The task started: RUNNING. */
    void onStartup(ConnectorTaskId id);

    /** The task is paused by its target state: PAUSED. */
    void onPause(ConnectorTaskId id);

    /** The task resumed after a pause: RUNNING. */
    void onResume(ConnectorTaskId id);

    /** The task failed; {@code cause} becomes the status trace: FAILED. */
    void onFailure(ConnectorTaskId id, Throwable cause);

    /** The task stopped on this worker: UNASSIGNED. */
    void onShutdown(ConnectorTaskId id);

    /** The task was deleted: DESTROYED (internal, never reported). */
    void onDeletion(ConnectorTaskId id);

    /** The task is being restarted through the restart API: RESTARTING. */
    void onRestart(ConnectorTaskId id);
}
