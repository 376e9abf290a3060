package dev.sluice.runtime.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;

/**
 * The metrics of one JMX MBean: one metric group name with its tags in order ({@code connector}, {@code task}, ...).
 * Remembers every sensor and metric it adds so that {@link #close()} removes them all, and removes what an earlier
 * group of the same name and tags left behind when it is created, so that a restarted connector or task never
 * collides with its predecessor.
 */
public final class MetricGroup implements AutoCloseable {

    private final Metrics metrics;
    private final String name;
    private final Map<String, String> tags;
    private final String sensorPrefix;
    private final List<String> sensors = new ArrayList<>();
    private final List<MetricName> values = new ArrayList<>();

    /**
     * A group in {@code metrics}.
     *
     * @param name the metric group, which becomes the MBean's {@code type}
     * @param tags the tags in MBean order, e.g. {@code connector} then {@code task}
     */
    public MetricGroup(Metrics metrics, String name, Map<String, String> tags) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.name = Objects.requireNonNull(name, "name");
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        this.sensorPrefix = name + this.tags + ":";
        removeLeftovers();
    }

    /** A group with tags given as alternating keys and values. */
    public static MetricGroup of(Metrics metrics, String name, String... tagKeysAndValues) {
        if (tagKeysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Tags of metric group " + name + " must come as key/value pairs");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < tagKeysAndValues.length; i += 2) {
            tags.put(tagKeysAndValues[i], tagKeysAndValues[i + 1]);
        }
        return new MetricGroup(metrics, name, tags);
    }

    /** The metric group name. */
    public String name() {
        return name;
    }

    /** The tags, in order. */
    public Map<String, String> tags() {
        return tags;
    }

    /** The name of metric {@code metric} in this group. */
    public MetricName metricName(String metric, String description) {
        return metrics.metricName(metric, name, description, tags);
    }

    /** A new sensor of this group, removed with it; {@code suffix} only has to be unique within the group. */
    public synchronized Sensor sensor(String suffix) {
        String sensorName = sensorPrefix + suffix;
        // A sensor left by an earlier group of the same name would keep its old metrics unregistered.
        metrics.removeSensor(sensorName);
        Sensor sensor = metrics.sensor(sensorName);
        sensors.add(sensorName);
        return sensor;
    }

    /** Adds a numeric metric whose value is computed when it is read. */
    public synchronized void addMeasurable(String metric, String description, Measurable value) {
        MetricName metricName = metricName(metric, description);
        metrics.addMetric(metricName, value);
        values.add(metricName);
    }

    /** Adds a metric whose value (typically a string) is computed when it is read. */
    public synchronized void addGauge(String metric, String description, Gauge<?> value) {
        MetricName metricName = metricName(metric, description);
        metrics.addMetric(metricName, value);
        values.add(metricName);
    }

    /** Adds a metric whose value never changes. */
    public void addConstant(String metric, String description, String value) {
        addGauge(metric, description, (config, now) -> value);
    }

    /** Removes every sensor and metric of this group; the MBean disappears with the last of them. */
    @Override
    public synchronized void close() {
        sensors.forEach(metrics::removeSensor);
        sensors.clear();
        values.forEach(metrics::removeMetric);
        values.clear();
    }

    private void removeLeftovers() {
        List<MetricName> leftovers = new ArrayList<>();
        for (MetricName existing : metrics.metrics().keySet()) {
            if (existing.group().equals(name) && existing.tags().equals(tags)) {
                leftovers.add(existing);
            }
        }
        leftovers.forEach(metrics::removeMetric);
    }

    @Override
    public String toString() {
        return "MetricGroup{" + name + tags + "}";
    }
}
