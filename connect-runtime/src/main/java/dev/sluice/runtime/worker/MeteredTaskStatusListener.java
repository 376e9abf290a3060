package dev.sluice.runtime.worker;

import dev.sluice.runtime.metrics.TaskMetrics;
import java.util.Objects;

/**
 * Keeps a task's {@code status}, {@code running-ratio} and {@code pause-ratio} in step with its reports, and passes
 * topic use on only when the worker tracks topics ({@code topic.tracking.enable}).
 */
final class MeteredTaskStatusListener implements TaskStatusListener {

    private final TaskStatusListener delegate;
    private final TaskMetrics metrics;
    private final boolean topicTracking;

    MeteredTaskStatusListener(TaskStatusListener delegate, TaskMetrics metrics, boolean topicTracking) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.topicTracking = topicTracking;
    }

    @Override
    public void onTopicUsed(ConnectorTaskId id, String topic) {
        if (topicTracking) {
            delegate.onTopicUsed(id, topic);
        }
    }

    @Override
    public void onStartup(ConnectorTaskId id) {
        metrics.statusChanged(LifecycleState.RUNNING.name());
        delegate.onStartup(id);
    }

    @Override
    public void onPause(ConnectorTaskId id) {
        metrics.statusChanged(LifecycleState.PAUSED.name());
        delegate.onPause(id);
    }

    @Override
    public void onResume(ConnectorTaskId id) {
        metrics.statusChanged(LifecycleState.RUNNING.name());
        delegate.onResume(id);
    }

    @Override
    public void onFailure(ConnectorTaskId id, Throwable cause) {
        metrics.statusChanged(LifecycleState.FAILED.name());
        delegate.onFailure(id, cause);
    }

    @Override
    public void onShutdown(ConnectorTaskId id) {
        metrics.statusChanged(LifecycleState.UNASSIGNED.name());
        delegate.onShutdown(id);
    }

    @Override
    public void onDeletion(ConnectorTaskId id) {
        metrics.statusChanged(LifecycleState.DESTROYED.name());
        delegate.onDeletion(id);
    }

    @Override
    public void onRestart(ConnectorTaskId id) {
        metrics.statusChanged(LifecycleState.RESTARTING.name());
        delegate.onRestart(id);
    }
}
