package dev.sluice.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.config.StandaloneConfig;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsContext;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;

class ConnectMetricsTest {

    /** A reporter that remembers the metrics context it was given. */
    public static final class ContextRecordingReporter implements MetricsReporter {
        final List<Map<String, String>> contexts = new CopyOnWriteArrayList<>();

        @Override
        public void configure(Map<String, ?> configs) {
        }

        @Override
        public void init(List<KafkaMetric> metrics) {
        }

        @Override
        public void metricChange(KafkaMetric metric) {
        }

        @Override
        public void metricRemoval(KafkaMetric metric) {
        }

        @Override
        public void contextChange(MetricsContext metricsContext) {
            contexts.add(Map.copyOf(metricsContext.contextLabels()));
        }

        @Override
        public void close() {
        }
    }

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    private static StandaloneConfig config(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of(
            "bootstrap.servers", "localhost:9092",
            "key.converter", "org.apache.kafka.connect.storage.StringConverter",
            "value.converter", "org.apache.kafka.connect.storage.StringConverter",
            "offset.storage.file.filename", "unused.offsets"));
        props.putAll(extra);
        return new StandaloneConfig(props);
    }

    @Test
    void reportsToJmxUnderKafkaConnectWithAppInfoOfTheWorker() throws Exception {
        try (ConnectMetrics metrics = new ConnectMetrics(config(Map.of()), "cluster-a", Time.SYSTEM)) {
            metrics.registerAppInfo("jmx-worker-1");
            MetricGroup.of(metrics.registry(), "connect-worker-metrics-probe").addConstant("probe", "probe", "yes");

            ObjectName appInfo = new ObjectName("kafka.connect:type=app-info,id=jmx-worker-1");
            assertTrue(server.isRegistered(appInfo), "the app-info MBean is registered under kafka.connect");
            assertEquals(AppInfoParser.getVersion(), server.getAttribute(appInfo, "Version"));
            assertEquals("yes", server.getAttribute(new ObjectName("kafka.connect:type=connect-worker-metrics-probe"),
                "probe"), "metrics are reported through JMX under the kafka.connect domain");
            assertThrows(IllegalStateException.class, () -> metrics.registerAppInfo("jmx-worker-2"),
                "a worker has one app-info");
        }
        assertFalse(server.isRegistered(new ObjectName("kafka.connect:type=app-info,id=jmx-worker-1")),
            "closing unregisters the app-info");
        assertFalse(server.isRegistered(new ObjectName("kafka.connect:type=connect-worker-metrics-probe")),
            "closing unregisters every metric MBean");
    }

    @Test
    void samplingAndReportersComeFromTheWorkerConfiguration() {
        StandaloneConfig config = config(Map.of(
            "metrics.sample.window.ms", "5000",
            "metrics.num.samples", "4",
            "metrics.recording.level", "DEBUG",
            "metric.reporters", ContextRecordingReporter.class.getName(),
            "metrics.context.region", "eu-1"));
        try (ConnectMetrics metrics = new ConnectMetrics(config, "cluster-b", Time.SYSTEM)) {
            assertEquals(5000, metrics.registry().config().timeWindowMs());
            assertEquals(4, metrics.registry().config().samples());
            assertEquals(Sensor.RecordingLevel.DEBUG, metrics.registry().config().recordLevel());
            assertEquals(1, metrics.registry().reporters().size(), "only the configured reporter, no JmxReporter");
            ContextRecordingReporter reporter = (ContextRecordingReporter) metrics.registry().reporters().get(0);
            assertEquals(Map.of("_namespace", "kafka.connect", "connect.kafka.cluster.id", "cluster-b",
                "region", "eu-1"), reporter.contexts.get(0),
                "the context has the JMX namespace, the cluster id and the metrics.context.* labels");
        }
    }
}
