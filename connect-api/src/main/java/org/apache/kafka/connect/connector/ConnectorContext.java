package org.apache.kafka.connect.connector;

import org.apache.kafka.common.metrics.PluginMetrics;

/**
 * What the worker offers a {@link Connector} while it runs: a way to ask for new task
 * configurations, to report a fatal error, and to register metrics.
 */
public interface ConnectorContext {

    /**
     * Asks the worker to call {@link Connector#taskConfigs(int)} again, for instance because the
     * set of inputs the connector copies has changed.
     */
    void requestTaskReconfiguration();

    /**
     * Reports an error that the connector cannot recover from; the worker marks the connector failed.
     *
     * @param e the error
     */
    void raiseError(Exception e);

    /**
     * Returns the metrics registry for this connector. Metrics registered through it are removed
     * when the connector stops.
     *
     * @return the connector's plugin metrics
     */
    PluginMetrics pluginMetrics();
}
