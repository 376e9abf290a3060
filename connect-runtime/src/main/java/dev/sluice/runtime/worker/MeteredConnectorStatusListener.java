package dev.sluice.runtime.worker;

import dev.sluice.runtime.metrics.ConnectorMetrics;
import java.util.Objects;

/** Keeps a connector's {@code status} metric in step with its reports, then passes each report on. */
final class MeteredConnectorStatusListener implements ConnectorStatusListener {

    private final ConnectorStatusListener delegate;
    private final ConnectorMetrics metrics;

    MeteredConnectorStatusListener(ConnectorStatusListener delegate, ConnectorMetrics metrics) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void onStartup(String connector) {
        metrics.statusChanged(LifecycleState.RUNNING.name());
        delegate.onStartup(connector);
    }

    @Override
    public void onPause(String connector) {
        metrics.statusChanged(LifecycleState.PAUSED.name());
        delegate.onPause(connector);
    }

    @Override
    public void onResume(String connector) {
        metrics.statusChanged(LifecycleState.RUNNING.name());
        delegate.onResume(connector);
    }

    @Override
    public void onStop(String connector) {
        metrics.statusChanged(LifecycleState.STOPPED.name());
        delegate.onStop(connector);
    }

    @Override
    public void onFailure(String connector, Throwable cause) {
        metrics.statusChanged(LifecycleState.FAILED.name());
        delegate.onFailure(connector, cause);
    }

    @Override
    public void onShutdown(String connector) {
        metrics.statusChanged(LifecycleState.UNASSIGNED.name());
        delegate.onShutdown(connector);
    }

    @Override
    public void onDeletion(String connector) {
        metrics.statusChanged(LifecycleState.DESTROYED.name());
        delegate.onDeletion(connector);
    }

    @Override
    public void onRestart(String connector) {
        metrics.statusChanged(LifecycleState.RESTARTING.name());
        delegate.onRestart(connector);
    }
}
