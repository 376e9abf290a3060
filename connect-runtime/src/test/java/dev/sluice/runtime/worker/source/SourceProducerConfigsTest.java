package dev.sluice.runtime.worker.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sluice.runtime.config.DistributedConfig;
import dev.sluice.runtime.config.StandaloneConfig;
import dev.sluice.runtime.config.WorkerConfig;
import dev.sluice.runtime.worker.ConnectorTaskId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceProducerConfigsTest {

    private static final ConnectorTaskId ID = new ConnectorTaskId("orders-source", 3);

    private static WorkerConfig standalone(String... keysAndValues) {
        Map<String, String> props = new HashMap<>(Map.of(
            "bootstrap.servers", "broker-1:9092,broker-2:9092",
            "offset.storage.file.filename", "/tmp/unused-offsets",
            "key.converter", "org.apache.kafka.connect.storage.StringConverter",
            "value.converter", "org.apache.kafka.connect.storage.StringConverter"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new StandaloneConfig(props);
    }

    @Test
    void theProducerGetsApachesSourceDefaultsAndItsClientId() {
        Map<String, Object> settings = SourceProducerConfigs.producer(ID, standalone(), null, Map.of());
        Map<String, Object> expected = new HashMap<>();
        expected.put("bootstrap.servers", "broker-1:9092,broker-2:9092");
        expected.put("key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        expected.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        expected.put("acks", "all");
        expected.put("max.in.flight.requests.per.connection", "1");
        expected.put("enable.idempotence", "false");
        expected.put("delivery.timeout.ms", "2147483647");
        expected.put("max.block.ms", "9223372036854775807");
        expected.put("client.id", "connector-producer-orders-source-3");
        assertEquals(expected, settings);
    }

    @Test
    void workerProducerSettingsReplaceDefaultsAndApprovedConnectorOverridesWin() {
        WorkerConfig worker = standalone("producer.acks", "1", "producer.linger.ms", "5", "producer.client.id", "mine",
            "consumer.max.poll.records", "7", "metrics.context.team", "payments");
        Map<String, Object> settings = SourceProducerConfigs.producer(ID, worker, "cluster-A",
            Map.of("linger.ms", "20"));
        assertEquals("1", settings.get("acks"), "worker producer.* replaces a default");
        assertEquals("mine", settings.get("client.id"), "even the client id");
        assertEquals("20", settings.get("linger.ms"), "connector overrides come last");
        assertFalse(settings.containsKey("max.poll.records"), "consumer settings are not producer settings");
        assertEquals("payments", settings.get("metrics.context.team"), "the worker's metrics context is passed on");
        assertEquals("cluster-A", settings.get("metrics.context.connect.kafka.cluster.id"));
        assertFalse(settings.containsKey("metrics.context.connect.group.id"), "a standalone worker has no group");
    }

    /** The settings Apache 4.3.1's {@code Worker.baseProducerConfigs} / {@code adminConfigs} return for this input. */
    @Test
    void theSettingsEqualApachesForTheSameWorkerAndConnector() {
        WorkerConfig worker = standalone("producer.acks", "1", "producer.linger.ms", "5", "producer.client.id", "mine",
            "metrics.context.team", "payments", "request.timeout.ms", "1000", "admin.request.timeout.ms", "2000",
            "admin.retries", "4");
        Map<String, Object> apacheProducer = new HashMap<>();
        apacheProducer.put("acks", "1");
        apacheProducer.put("bootstrap.servers", "broker-1:9092,broker-2:9092");
        apacheProducer.put("client.id", "mine");
        apacheProducer.put("delivery.timeout.ms", "2147483647");
        apacheProducer.put("enable.idempotence", "false");
        apacheProducer.put("key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        apacheProducer.put("linger.ms", "20");
        apacheProducer.put("max.block.ms", "9223372036854775807");
        apacheProducer.put("max.in.flight.requests.per.connection", "1");
        apacheProducer.put("metrics.context.connect.kafka.cluster.id", "cluster-A");
        apacheProducer.put("metrics.context.team", "payments");
        apacheProducer.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        assertEquals(apacheProducer, SourceProducerConfigs.producer(ID, worker, "cluster-A", Map.of("linger.ms", "20")));

        Map<String, Object> apacheAdmin = new HashMap<>();
        apacheAdmin.put("bootstrap.servers", "broker-1:9092,broker-2:9092");
        apacheAdmin.put("client.id", "connector-adminclient-orders-source-3");
        apacheAdmin.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        apacheAdmin.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        apacheAdmin.put("metrics.context.connect.kafka.cluster.id", "c1");
        apacheAdmin.put("metrics.context.team", "payments");
        apacheAdmin.put("offset.storage.file.filename", "/tmp/unused-offsets");
        apacheAdmin.put("request.timeout.ms", "2000");
        apacheAdmin.put("retries", "5");
        assertEquals(apacheAdmin, SourceProducerConfigs.admin(ID, worker, "c1", Map.of("retries", "5")));
    }

    @Test
    void distributedWorkersAddTheirGroupToTheMetricsContext() {
        Map<String, String> props = new HashMap<>(Map.of(
            "bootstrap.servers", "broker-1:9092", "group.id", "connect-cluster",
            "key.converter", "org.apache.kafka.connect.storage.StringConverter",
            "value.converter", "org.apache.kafka.connect.storage.StringConverter",
            "offset.storage.topic", "offsets", "config.storage.topic", "configs", "status.storage.topic", "status"));
        Map<String, Object> settings = SourceProducerConfigs.producer(ID, new DistributedConfig(props), "c1", Map.of());
        assertEquals("connect-cluster", settings.get("metrics.context.connect.group.id"));
    }

    @Test
    void theTopicCreationAdminGetsUnprefixedWorkerSettingsThenAdminSettingsThenOverrides() {
        WorkerConfig worker = standalone("request.timeout.ms", "1000", "admin.request.timeout.ms", "2000",
            "admin.retries", "4", "producer.retries", "9");
        Map<String, Object> settings = SourceProducerConfigs.admin(ID, worker, "c1", Map.of("retries", "5"));
        assertEquals("connector-adminclient-orders-source-3", settings.get("client.id"));
        assertEquals("broker-1:9092,broker-2:9092", settings.get("bootstrap.servers"));
        assertEquals("2000", settings.get("request.timeout.ms"), "admin.* wins over the un-prefixed worker setting");
        assertEquals("5", settings.get("retries"), "the connector's admin override wins");
        assertFalse(settings.containsKey("producer.retries"), "producer settings are not passed to the admin");
        assertEquals("c1", settings.get("metrics.context.connect.kafka.cluster.id"));
    }
}
