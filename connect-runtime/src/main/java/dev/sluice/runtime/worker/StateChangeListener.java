package dev.sluice.runtime.worker;

/**
 * A {@link StatusListener} that cares only about the state each event leads to: every connector event arrives
 * at {@link #connectorState} and every task event at {@link #taskState}, with Apache's mapping (startup and
 * resume are RUNNING, deletion is DESTROYED, a failure carries its trace).
 */
public abstract class StateChangeListener implements StatusListener {

    /**
     * The connector is now in {@code state}.
     *
     * @param trace the full stack trace of a FAILED state, else {@code null}
     */
    protected abstract void connectorState(String connector, LifecycleState state, String trace);

    /**
     * The task is now in {@code state}.
     *
     * @param trace the full stack trace of a FAILED state, else {@code null}
     */
    protected abstract void taskState(ConnectorTaskId id, LifecycleState state, String trace);

    @Override
    public final void onStartup(String connector) {
        connectorState(connector, LifecycleState.RUNNING, null);
    }

    @Override
    public final void onPause(String connector) {
        connectorState(connector, LifecycleState.PAUSED, null);
    }

    @Override
    public final void onResume(String connector) {
        connectorState(connector, LifecycleState.RUNNING, null);
    }

    @Override
    public final void onStop(String connector) {
        connectorState(connector, LifecycleState.STOPPED, null);
    }

    @Override
    public final void onFailure(String connector, Throwable cause) {
        connectorState(connector, LifecycleState.FAILED, FailureTrace.of(cause));
    }

    @Override
    public final void onShutdown(String connector) {
        connectorState(connector, LifecycleState.UNASSIGNED, null);
    }

    @Override
    public final void onDeletion(String connector) {
        connectorState(connector, LifecycleState.DESTROYED, null);
    }

    @Override
    public final void onRestart(String connector) {
        connectorState(connector, LifecycleState.RESTARTING, null);
    }

    @Override
    public final void onStartup(ConnectorTaskId id) {
        taskState(id, LifecycleState.RUNNING, null);
    }

    @Override
    public final void onPause(ConnectorTaskId id) {
        taskState(id, LifecycleState.PAUSED, null);
    }

    @Override
    public final void onResume(ConnectorTaskId id) {
        taskState(id, LifecycleState.RUNNING, null);
    }

    @Override
    public final void onFailure(ConnectorTaskId id, Throwable cause) {
        taskState(id, LifecycleState.FAILED, FailureTrace.of(cause));
    }

    @Override
    public final void onShutdown(ConnectorTaskId id) {
        taskState(id, LifecycleState.UNASSIGNED, null);
    }

    @Override
    public final void onDeletion(ConnectorTaskId id) {
        taskState(id, LifecycleState.DESTROYED, null);
    }

    @Override
    public final void onRestart(ConnectorTaskId id) {
        taskState(id, LifecycleState.RESTARTING, null);
    }
}
