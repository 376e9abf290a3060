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

    /**
     * The task used {@code topic} for the first time since it started (a source task wrote to it, a sink task read
     * from it): what {@code GET /connectors/{name}/topics} lists. Listeners that do not track topics ignore it;
     * listeners that wrap another must forward it.
     */
    default void onTopicUsed(ConnectorTaskId id, String topic) {
        // Not every listener tracks topics.
    }
}
