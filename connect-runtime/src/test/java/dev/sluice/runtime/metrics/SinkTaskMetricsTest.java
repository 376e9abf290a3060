package dev.sluice.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SinkTaskMetricsTest {

    private final Metrics metrics = new Metrics();
    private final SinkTaskMetrics sink = new SinkTaskMetrics(metrics, "orders", 1);
    private final MetricValues values = new MetricValues(metrics, SinkTaskMetrics.GROUP, "connector", "orders",
        "task", "1");

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void readsPutsCommitsAndPartitionsAreRecorded() {
        sink.recordRead(10);
        sink.recordSend(8);
        sink.recordPut(12);
        sink.recordPut(4);
        sink.recordPartitionCount(3);
        sink.recordActiveRecords(10);
        sink.recordOffsetSequenceNumber(7);
        sink.recordOffsetCommitCompletion();
        sink.recordOffsetCommitSkip();
        sink.recordOffsetCommitSkip();
        sink.recordActiveRecords(2);

        assertEquals(10.0, values.number("sink-record-read-total"));
        assertEquals(8.0, values.number("sink-record-send-total"));
        assertEquals(12.0, values.number("put-batch-max-time-ms"));
        assertEquals(8.0, values.number("put-batch-avg-time-ms"));
        assertEquals(3.0, values.number("partition-count"));
        assertEquals(7.0, values.number("offset-commit-seq-no"));
        assertEquals(1.0, values.number("offset-commit-completion-total"));
        assertEquals(2.0, values.number("offset-commit-skip-total"));
        assertEquals(2.0, values.number("sink-record-active-count"), "the latest active count is shown");
        assertEquals(10.0, values.number("sink-record-active-count-max"));
        assertEquals(6.0, values.number("sink-record-active-count-avg"));

        sink.close();
        assertEquals(0, values.count(), "closing removes the sink metrics");
    }
}
