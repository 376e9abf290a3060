package dev.sluice.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerMetricsTest {

    private final Metrics metrics = new Metrics();
    private final AtomicInteger connectors = new AtomicInteger();
    private final AtomicInteger tasks = new AtomicInteger();
    private final Map<String, List<String>> taskStates = new ConcurrentHashMap<>();
    private final WorkerMetrics worker = new WorkerMetrics(metrics, connectors::get, tasks::get,
        connector -> taskStates.getOrDefault(connector, List.of()));
    private final MetricValues values = new MetricValues(metrics, WorkerMetrics.GROUP);

    @AfterEach
    void close() {
        worker.close();
        metrics.close();
    }

    @Test
    void countsConnectorsAndTasksOfTheWorker() {
        connectors.set(2);
        tasks.set(5);
        assertEquals(2.0, values.number("connector-count"));
        assertEquals(5.0, values.number("task-count"));
    }

    @Test
    void countsStartupAttemptsWithTheirOutcomes() {
        worker.connectorStartupSucceeded();
        worker.connectorStartupSucceeded();
        worker.connectorStartupSucceeded();
        worker.connectorStartupFailed();
        worker.taskStartupFailed();

        assertEquals(4.0, values.number("connector-startup-attempts-total"));
        assertEquals(3.0, values.number("connector-startup-success-total"));
        assertEquals(1.0, values.number("connector-startup-failure-total"));
        assertEquals(0.75, values.number("connector-startup-success-percentage"), 1e-9,
            "three of four connector starts succeeded");
        assertEquals(0.25, values.number("connector-startup-failure-percentage"), 1e-9);
        assertEquals(1.0, values.number("task-startup-attempts-total"));
        assertEquals(0.0, values.number("task-startup-success-total"));
        assertEquals(1.0, values.number("task-startup-failure-percentage"), 1e-9);
    }

    @Test
    void perConnectorGroupCountsTaskStatesAndGoesWithTheLastTask() {
        taskStates.put("c1", List.of("running", "running", "paused", "failed"));
        worker.taskAdded("c1");
        MetricValues c1 = new MetricValues(metrics, WorkerMetrics.GROUP, "connector", "c1");

        assertEquals(4.0, c1.number("connector-total-task-count"));
        assertEquals(2.0, c1.number("connector-running-task-count"));
        assertEquals(1.0, c1.number("connector-paused-task-count"));
        assertEquals(1.0, c1.number("connector-failed-task-count"));
        assertEquals(0.0, c1.number("connector-unassigned-task-count"));
        assertEquals(0.0, c1.number("connector-restarting-task-count"));
        assertEquals(0.0, c1.number("connector-destroyed-task-count"));

        taskStates.put("c1", List.of("running"));
        worker.taskRemoved("c1");
        assertEquals(7, c1.count(), "the group stays while the connector still has a task here");

        taskStates.remove("c1");
        worker.taskRemoved("c1");
        assertEquals(0, c1.count(), "the group goes with the connector's last task");
    }
}
