package dev.sluice.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricGroupTest {

    private final Metrics metrics = new Metrics();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void closeRemovesEverySensorAndMetricOfTheGroup() {
        MetricGroup group = MetricGroup.of(metrics, "some-group", "connector", "c1", "task", "0");
        Sensor sensor = group.sensor("records");
        sensor.add(group.metricName("records-total", "records"), new CumulativeSum());
        group.addMeasurable("answer", "a number", (config, now) -> 42);
        group.addConstant("kind", "a string", "source");
        MetricValues values = new MetricValues(metrics, "some-group", "connector", "c1", "task", "0");
        assertEquals(3, values.count(), "the group's three metrics are registered");
        assertEquals("source", values.value("kind"));

        group.close();

        assertEquals(0, values.count(), "closing the group removes all of its metrics");
        assertEquals(null, metrics.getSensor("some-group{connector=c1, task=0}:records"),
            "closing the group removes its sensors");
    }

    @Test
    void aNewGroupOfTheSameNameAndTagsReplacesWhatAnEarlierOneLeftBehind() {
        MetricGroup first = MetricGroup.of(metrics, "some-group", "connector", "c1");
        first.sensor("records").add(first.metricName("records-total", "records"), new CumulativeSum());
        first.addConstant("kind", "a string", "old");

        MetricGroup second = MetricGroup.of(metrics, "some-group", "connector", "c1");
        Sensor records = second.sensor("records");
        records.add(second.metricName("records-total", "records"), new CumulativeSum());
        second.addConstant("kind", "a string", "new");
        records.record(5);

        MetricValues values = new MetricValues(metrics, "some-group", "connector", "c1");
        assertEquals("new", values.value("kind"), "the later group's value is shown");
        assertEquals(5.0, values.number("records-total"), "the later group's sensor records into its metric");
    }

    @Test
    void tagsMustComeInPairs() {
        assertThrows(IllegalArgumentException.class, () -> MetricGroup.of(metrics, "g", "connector"),
            "an odd number of tag strings is rejected");
    }
}
