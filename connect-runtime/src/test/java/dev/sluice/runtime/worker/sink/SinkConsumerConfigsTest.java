package dev.sluice.runtime.worker.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.runtime.config.StandaloneConfig;
import dev.sluice.runtime.worker.ConnectorTaskId;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SinkConsumerConfigsTest {

    private static StandaloneConfig worker(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of(
            "bootstrap.servers", "b1:9092,b2:9092",
            "offset.storage.file.filename", "/tmp/sink-consumer-configs-test",
            "key.converter", "org.apache.kafka.connect.storage.StringConverter",
            "value.converter", "org.apache.kafka.connect.storage.StringConverter"));
        props.putAll(extra);
        return new StandaloneConfig(props);
    }

    @Test
    void frameworkDefaultsMatchApache() {
        Map<String, Object> settings = SinkConsumerConfigs.of(new ConnectorTaskId("orders-sink", 3), worker(Map.of()),
            null, Map.of());

        assertEquals(new TreeMap<>(Map.of(
            "group.id", "connect-orders-sink",
            "bootstrap.servers", "b1:9092,b2:9092",
            "enable.auto.commit", "false",
            "auto.offset.reset", "earliest",
            "key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer",
            "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer",
            "client.id", "connector-consumer-orders-sink-3")), new TreeMap<>(settings),
            "the settings Apache 4.3.1's Worker.baseConsumerConfigs produces without extra settings");
    }

    @Test
    void workerConsumerSettingsThenConnectorOverridesApplyOnTop() {
        // Expected map as printed by Apache 4.3.1's Worker.baseConsumerConfigs for the same input (probe).
        Map<String, Object> settings = SinkConsumerConfigs.of(new ConnectorTaskId("c", 0),
            worker(Map.of("consumer.max.poll.records", "7", "consumer.auto.offset.reset", "latest")), "cluster-x",
            Map.of("fetch.min.bytes", "5", "group.id", "g2"));

        Map<String, Object> expected = new TreeMap<>();
        expected.put("auto.offset.reset", "latest");
        expected.put("bootstrap.servers", "b1:9092,b2:9092");
        expected.put("client.id", "connector-consumer-c-0");
        expected.put("enable.auto.commit", "false");
        expected.put("fetch.min.bytes", "5");
        expected.put("group.id", "g2");
        expected.put("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        expected.put("max.poll.records", "7");
        expected.put("metrics.context.connect.kafka.cluster.id", "cluster-x");
        expected.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        assertEquals(expected, new TreeMap<>(settings), "worker consumer.* and approved overrides win over defaults");
    }
}
