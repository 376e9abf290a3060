package dev.sluice.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskMetricsTest {

    private final ManualTime time = new ManualTime();
    private final Metrics metrics = new Metrics(new MetricConfig(), List.of(), time);
    private final TaskMetrics task = new TaskMetrics(metrics, time, "orders", 3, "source",
        new PluginInfo("com.example.OrdersSource", "1.0"), new PluginInfo("com.example.OrdersTask", "1.1"));
    private final MetricValues values = new MetricValues(metrics, TaskMetrics.GROUP, "connector", "orders",
        "task", "3");

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void statusAndRatiosFollowTheTaskReports() {
        assertEquals("unassigned", values.value("status"));
        task.statusChanged("RUNNING");
        time.advance(300);
        task.statusChanged("PAUSED");
        time.advance(100);

        assertEquals("paused", values.value("status"), "the status is shown in lower case");
        assertEquals(0.75, values.number("running-ratio"), 1e-9, "300 of 400 ms running");
        assertEquals(0.25, values.number("pause-ratio"), 1e-9, "100 of 400 ms paused");
    }

    @Test
    void batchSizesAndOffsetCommitsAreRecorded() {
        task.recordBatch(2);
        task.recordBatch(6);
        task.recordCommitSuccess(10);
        task.recordCommitSuccess(30);
        task.recordCommitSuccess(20);
        task.recordCommitFailure();

        assertEquals(6.0, values.number("batch-size-max"));
        assertEquals(4.0, values.number("batch-size-avg"));
        assertEquals(30.0, values.number("offset-commit-max-time-ms"));
        assertEquals(20.0, values.number("offset-commit-avg-time-ms"), 1e-9,
            "only successful commits count towards the commit times");
        assertEquals(0.75, values.number("offset-commit-success-percentage"), 1e-9);
        assertEquals(0.25, values.number("offset-commit-failure-percentage"), 1e-9);
    }

    @Test
    void classesAndVersionsOfTheConnectorTaskAndConvertersAreShown() {
        task.converters(new PluginInfo("k.Conv", "1"), new PluginInfo("v.Conv", "2"), new PluginInfo("h.Conv", "3"));

        assertEquals("com.example.OrdersSource", values.value("connector-class"));
        assertEquals("1.0", values.value("connector-version"));
        assertEquals("source", values.value("connector-type"));
        assertEquals("com.example.OrdersTask", values.value("task-class"));
        assertEquals("1.1", values.value("task-version"));
        assertEquals("k.Conv", values.value("key-converter-class"));
        assertEquals("v.Conv", values.value("value-converter-class"));
        assertEquals("h.Conv", values.value("header-converter-class"));
        assertEquals("1", values.value("key-converter-version"));
        assertEquals("2", values.value("value-converter-version"));
        assertEquals("3", values.value("header-converter-version"));

        task.close();
        assertEquals(0, values.count(), "closing removes the task's metrics");
    }
}
