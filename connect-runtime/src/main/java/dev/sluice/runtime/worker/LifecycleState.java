package dev.sluice.runtime.worker;

/**
 * The state of a connector or task as reported in its status (REST, status store), with Apache's names.
 */
public enum LifecycleState {
    /** Not running on any worker (yet, or any more). */
    UNASSIGNED,
    /** Started and working. */
    RUNNING,
    /** Assigned but paused by its target state. */
    PAUSED,
    /** Stopped by an error; the status carries the stack trace. */
    FAILED,
    /** Deleted; used internally and never reported. */
    DESTROYED,
    /** Being restarted through the restart API. */
    RESTARTING,
    /** Stopped by its target state (connectors only). */
    STOPPED;

    /** Whether a status in this state may be shown to users ({@link #DESTROYED} is internal). */
    public boolean isReported() {
        return this != DESTROYED;
    }
}
