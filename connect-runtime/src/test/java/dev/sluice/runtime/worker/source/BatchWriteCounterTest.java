package dev.sluice.runtime.worker.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.runtime.metrics.SourceTaskMetrics;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchWriteCounterTest {

    private final Metrics metrics = new Metrics();
    private final SourceTaskMetrics source = new SourceTaskMetrics(metrics, "src", 0);

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void aBatchIsReportedOnceEveryRecordHasEnded() {
        source.recordPoll(4, 1);
        BatchWriteCounter counter = new BatchWriteCounter(4, source);
        counter.written();
        counter.skipped();
        counter.written();
        assertEquals(0.0, value("source-record-write-total"), "nothing is reported while a record is outstanding");
        assertEquals(4.0, value("source-record-active-count"));

        counter.written();

        assertEquals(3.0, value("source-record-write-total"), "acknowledged records count as written");
        assertEquals(0.0, value("source-record-active-count"), "every record of the batch has ended");
    }

    @Test
    void recordsLeftForARetryStayActiveAndAreCountedByTheRetry() {
        source.recordPoll(5, 1);
        BatchWriteCounter first = new BatchWriteCounter(5, source);
        first.written();
        first.written();
        first.retryLater(3);
        assertEquals(2.0, value("source-record-write-total"));
        assertEquals(3.0, value("source-record-active-count"), "the three unsent records are still active");

        BatchWriteCounter retry = new BatchWriteCounter(3, source);
        retry.written();
        retry.written();
        retry.written();
        assertEquals(5.0, value("source-record-write-total"));
        assertEquals(0.0, value("source-record-active-count"));
    }

    private double value(String metric) {
        return (Double) metrics.metric(new MetricName(metric, SourceTaskMetrics.GROUP, "",
            Map.of("connector", "src", "task", "0"))).metricValue();
    }
}
