package dev.sluice.runtime.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.cli.StandaloneRuntime;
import dev.sluice.runtime.herder.Herder;
import dev.sluice.runtime.worker.TargetState;
import dev.sluice.testkit.KafkaClusterExtension;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone worker against a real broker reports its records through JMX as Apache's worker does: the source
 * task's written records and the sink task's read records reach the number of records that went through Kafka.
 */
class WorkerMetricsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(45);
    private static final int RECORDS = 25;

    @RegisterExtension
    static KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

    @TempDir
    Path dir;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void writtenAndReadTotalsReachTheRecordsSentThroughKafka() throws Exception {
        String topic = "metrics-it-records";
        Map<String, String> source = Map.of("connector.class", MetricsTestPlugins.FixedSourceConnector.class.getName(),
            "tasks.max", "1", MetricsTestPlugins.RECORDS, String.valueOf(RECORDS), MetricsTestPlugins.TOPIC, topic);
        Map<String, String> sink = Map.of("connector.class", MetricsTestPlugins.CountingSinkConnector.class.getName(),
            "tasks.max", "1", "topics", topic);
        ObjectName appInfo;
        try (StandaloneRuntime runtime = StandaloneRuntime.start(workerProps(), workerProps())) {
            Herder herder = runtime.herder();
            herder.putConnectorConfig("metrics-it-src", source, TargetState.STARTED, false).get(30, TimeUnit.SECONDS);
            herder.putConnectorConfig("metrics-it-snk", sink, TargetState.STARTED, false).get(30, TimeUnit.SECONDS);

            ObjectName written = new ObjectName("kafka.connect:type=source-task-metrics,connector=metrics-it-src,task=0");
            ObjectName read = new ObjectName("kafka.connect:type=sink-task-metrics,connector=metrics-it-snk,task=0");
            ObjectName sourceTask =
                new ObjectName("kafka.connect:type=connector-task-metrics,connector=metrics-it-src,task=0");
            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertEquals((double) RECORDS, server.getAttribute(written, "source-record-write-total"),
                    "every record the broker acknowledged is counted as written");
                assertEquals((double) RECORDS, server.getAttribute(read, "sink-record-read-total"),
                    "every record consumed from the topic is counted as read");
                assertEquals((double) RECORDS, server.getAttribute(read, "sink-record-send-total"),
                    "every record read was put to the sink task");
                assertTrue((Double) server.getAttribute(sourceTask, "offset-commit-success-percentage") > 0,
                    "the source task's offsets were committed");
            });

            URI advertised = runtime.rest().advertisedUrl();
            appInfo = new ObjectName("kafka.connect:type=app-info,id="
                + ObjectName.quote(advertised.getHost() + ":" + advertised.getPort()));
            assertTrue(server.isRegistered(appInfo), "the worker's app-info is registered under its worker id");
            assertEquals("running", server.getAttribute(
                new ObjectName("kafka.connect:type=connector-metrics,connector=metrics-it-snk"), "status"));
            assertEquals(2.0, server.getAttribute(new ObjectName("kafka.connect:type=connect-worker-metrics"),
                "task-count"), "both tasks run on the worker");
        }
        assertFalse(server.isRegistered(appInfo), "stopping the worker unregisters its MBeans");
        assertTrue(server.queryNames(new ObjectName("kafka.connect:type=connect-worker-metrics,*"), null).isEmpty(),
            "stopping the worker unregisters its worker metrics");
    }

    private Map<String, String> workerProps() {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.cluster().bootstrapServers());
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        props.put("offset.flush.interval.ms", "200");
        props.put("listeners", "http://localhost:0");
        return props;
    }
}
