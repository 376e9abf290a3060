package dev.sluice.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectorMetricsTest {

    private final Metrics metrics = new Metrics();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void showsTypeClassVersionAndTheLowerCaseStatusOfTheConnector() {
        AtomicReference<String> version = new AtomicReference<>();
        ConnectorMetrics connector = new ConnectorMetrics(metrics, new ManualTime(), "orders", "sink",
            "com.example.OrdersSink", version::get);
        MetricValues values = new MetricValues(metrics, ConnectorMetrics.GROUP, "connector", "orders");

        assertEquals("unassigned", values.value("status"), "a new connector is unassigned");
        assertEquals("sink", values.value("connector-type"));
        assertEquals("com.example.OrdersSink", values.value("connector-class"));
        version.set("1.4.2");
        assertEquals("1.4.2", values.value("connector-version"), "the version is read once known");

        connector.statusChanged("RUNNING");
        assertEquals("running", values.value("status"));
        connector.statusChanged("PAUSED");
        assertEquals("paused", values.value("status"));

        connector.close();
        assertEquals(0, values.count(), "closing removes the connector's metrics");
    }
}
