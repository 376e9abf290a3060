package dev.sluice.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SourceTaskMetricsTest {

    private final Metrics metrics = new Metrics();
    private final SourceTaskMetrics source = new SourceTaskMetrics(metrics, "orders", 0);
    private final MetricValues values = new MetricValues(metrics, SourceTaskMetrics.GROUP, "connector", "orders",
        "task", "0");

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void pollsWritesAndActiveRecordsAreCounted() {
        source.recordPoll(5, 40);
        source.recordPoll(3, 20);
        assertEquals(8.0, values.number("source-record-poll-total"));
        assertEquals(40.0, values.number("poll-batch-max-time-ms"));
        assertEquals(30.0, values.number("poll-batch-avg-time-ms"));
        assertEquals(8.0, values.number("source-record-active-count"), "polled records are active until written");

        source.recordWrite(4, 5);
        assertEquals(4.0, values.number("source-record-write-total"), "a dropped record is not counted as written");
        assertEquals(3.0, values.number("source-record-active-count"), "finished records are no longer active");
        assertEquals(8.0, values.number("source-record-active-count-max"));
        assertTrue(values.number("source-record-poll-rate") > 0, "the poll rate is positive");

        source.close();
        assertEquals(0, values.count(), "closing removes the source metrics");
    }
}
