package dev.sluice.runtime.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.Metrics;

/** Reads metric values of one group from a registry, for assertions. */
final class MetricValues {

    private final Metrics metrics;
    private final String group;
    private final Map<String, String> tags;

    MetricValues(Metrics metrics, String group, String... tagKeysAndValues) {
        this.metrics = metrics;
        this.group = group;
        this.tags = new LinkedHashMap<>();
        for (int i = 0; i < tagKeysAndValues.length; i += 2) {
            tags.put(tagKeysAndValues[i], tagKeysAndValues[i + 1]);
        }
    }

    /** The value of {@code metric}; fails if it is not registered. */
    Object value(String metric) {
        KafkaMetric found = metrics.metric(new MetricName(metric, group, "", tags));
        if (found == null) {
            throw new AssertionError("Metric " + metric + " of group " + group + tags + " is not registered");
        }
        return found.metricValue();
    }

    /** The value of a numeric metric. */
    double number(String metric) {
        return (Double) value(metric);
    }

    /** How many metrics of this group (with exactly these tags) are registered. */
    long count() {
        return metrics.metrics().keySet().stream()
            .filter(name -> name.group().equals(group) && name.tags().equals(tags))
            .count();
    }
}
