package dev.sluice.runtime.worker;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.connector.ConnectorContext;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnectorContext;
import org.apache.kafka.connect.source.SourceConnectorContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a connector instance gets from {@code initialize(ConnectorContext)}: reconfiguration requests go to
 * the connector's owner, raised errors fail the connector, and plugin metrics are registered under the
 * tag {@code connector=<name>}. Once the instance is shut down the context rejects further requests.
 */
abstract class WorkerConnectorContext implements ConnectorContext, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkerConnectorContext.class);

    private final String connector;
    private final Consumer<Throwable> failures;
    private final TaskReconfigurationListener reconfigurations;
    private final PluginMetricsImpl pluginMetrics;
    private volatile boolean closed;

    private WorkerConnectorContext(String connector, Consumer<Throwable> failures,
                                   TaskReconfigurationListener reconfigurations, PluginMetricsImpl pluginMetrics) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.reconfigurations = Objects.requireNonNull(reconfigurations, "reconfigurations");
        this.pluginMetrics = Objects.requireNonNull(pluginMetrics, "pluginMetrics");
    }

    /** The context of a sink connector. */
    static WorkerConnectorContext forSink(String connector, Consumer<Throwable> failures,
                                          TaskReconfigurationListener reconfigurations, PluginMetricsImpl pluginMetrics) {
        return new ForSink(connector, failures, reconfigurations, pluginMetrics);
    }

    /** The context of a source connector, which also reads committed offsets through {@code offsetReader}. */
    static WorkerConnectorContext forSource(String connector, Consumer<Throwable> failures,
                                            TaskReconfigurationListener reconfigurations, PluginMetricsImpl pluginMetrics,
                                            OffsetStorageReader offsetReader) {
        return new ForSource(connector, failures, reconfigurations, pluginMetrics, offsetReader);
    }

    @Override
    public void requestTaskReconfiguration() {
        if (closed) {
            throw new ConnectException("The request for task reconfiguration has been rejected because this instance of"
                + " the connector '" + connector + "' has already been shut down.");
        }
        reconfigurations.onTaskReconfigurationRequested(connector);
    }

    @Override
    public void raiseError(Exception e) {
        if (closed) {
            log.warn("Connector {} raised an error after it was shut down; ignoring it", connector, e);
            throw new ConnectException("The request to fail the connector has been rejected because this instance of the"
                + " connector '" + connector + "' has already been shut down.");
        }
        log.error("Connector {} raised an error and will be marked FAILED", connector, e);
        failures.accept(e);
    }

    @Override
    public PluginMetrics pluginMetrics() {
        return pluginMetrics;
    }

    /** Rejects further requests and removes the metrics the connector registered. */
    @Override
    public void close() {
        closed = true;
        try {
            pluginMetrics.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot remove the plugin metrics of connector {}", connector, e);
        }
    }

    private static final class ForSink extends WorkerConnectorContext implements SinkConnectorContext {
        private ForSink(String connector, Consumer<Throwable> failures, TaskReconfigurationListener reconfigurations,
                        PluginMetricsImpl pluginMetrics) {
            super(connector, failures, reconfigurations, pluginMetrics);
        }
    }

    private static final class ForSource extends WorkerConnectorContext implements SourceConnectorContext {

        private final OffsetStorageReader offsetReader;

        private ForSource(String connector, Consumer<Throwable> failures, TaskReconfigurationListener reconfigurations,
                          PluginMetricsImpl pluginMetrics, OffsetStorageReader offsetReader) {
            super(connector, failures, reconfigurations, pluginMetrics);
            this.offsetReader = Objects.requireNonNull(offsetReader, "offsetReader");
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return offsetReader;
        }

        @Override
        public void close() {
            super.close();
            if (offsetReader instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.warn("Cannot close the offset reader of connector {}", super.connector, e);
                }
            }
        }
    }
}
