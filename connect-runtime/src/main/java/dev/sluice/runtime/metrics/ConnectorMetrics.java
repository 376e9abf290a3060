package dev.sluice.runtime.metrics;

import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;

/**
 * The {@code connector-metrics} group of one connector on this worker ({@code connector=<c>}): its status in lower
 * case, whether it is a source or a sink, its class and its version.
 */
public final class ConnectorMetrics implements AutoCloseable {

    /** Metric group name. */
    public static final String GROUP = "connector-metrics";

    private final MetricGroup group;
    private final StateTimer state;
    private final Time time;

    /**
     * Registers the connector's metrics; its status starts as {@code unassigned}.
     *
     * @param connector the connector's name
     * @param type {@code source} or {@code sink}
     * @param connectorClass the connector's class name
     * @param version the connector plugin's version, read when the metric is read (null until it is known)
     */
    public ConnectorMetrics(Metrics metrics, Time time, String connector, String type, String connectorClass,
                            Supplier<String> version) {
        this.time = Objects.requireNonNull(time, "time");
        Objects.requireNonNull(version, "version");
        this.state = new StateTimer("unassigned", time.milliseconds());
        this.group = MetricGroup.of(metrics, GROUP, "connector", connector);
        group.addGauge("status", "The status of the connector.", (config, now) -> state.state());
        group.addConstant("connector-type", "The type of the connector. One of 'source' or 'sink'.", type);
        group.addConstant("connector-class", "The name of the connector class.", connectorClass);
        group.addGauge("connector-version", "The version of the connector class, as reported by the connector.",
            (config, now) -> version.get());
    }

    /** The connector moved to {@code status} ({@code running}, {@code paused}, ...; any case). */
    public void statusChanged(String status) {
        state.changeState(status, time.milliseconds());
    }

    /** The current status, in lower case. */
    public String status() {
        return state.state();
    }

    /** Removes the connector's metrics. */
    @Override
    public void close() {
        group.close();
    }
}
