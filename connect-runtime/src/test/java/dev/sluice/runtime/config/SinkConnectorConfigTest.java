package dev.sluice.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class SinkConnectorConfigTest {

    private static Map<String, String> sink(String... keyValues) {
        Map<String, String> props = new HashMap<>(Map.of("name", "s", "connector.class", "FileStreamSink"));
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    @Test
    void neitherTopicsNorRegexIsRejectedNamingBothKeys() {
        ConfigException e = assertThrows(ConfigException.class, () -> new SinkConnectorConfig(sink(), null));
        assertTrue(e.getMessage().contains("'topics'") && e.getMessage().contains("'topics.regex'"), e.getMessage());
        Map<String, ConfigValue> results = new HashMap<>();
        SinkConnectorConfig.validate(sink("topics", " ", "topics.regex", ""), results);
        assertEquals(1, results.get("topics").errorMessages().size(), "blank values count as unset");
        assertEquals(1, results.get("topics.regex").errorMessages().size());
    }

    @Test
    void bothTopicsAndRegexAreRejectedOnBothKeys() {
        Map<String, ConfigValue> results = new HashMap<>();
        SinkConnectorConfig.validate(sink("topics", "a", "topics.regex", "b.*"), results);
        String message = results.get("topics").errorMessages().get(0);
        assertTrue(message.contains("not both"), message);
        assertEquals(message, results.get("topics.regex").errorMessages().get(0));
        assertThrows(ConfigException.class, () -> new SinkConnectorConfig(sink("topics", "a", "topics.regex", "b.*"), null));
    }

    @Test
    void exactlyOneTopicSourceIsAccepted() {
        SinkConnectorConfig listed = new SinkConnectorConfig(sink("topics", " a , b "), null);
        assertEquals(java.util.List.of("a", "b"), listed.getList("topics"));
        new SinkConnectorConfig(sink("topics.regex", "orders-.*"), null);
    }

    @Test
    void deadLetterQueueTopicMayNotBeAConsumedTopic() {
        ConfigException listed = assertThrows(ConfigException.class, () -> new SinkConnectorConfig(
            sink("topics", "a, dlq", "errors.deadletterqueue.topic.name", " dlq"), null));
        assertTrue(listed.getMessage().contains("'dlq'") && listed.getMessage().contains("topics"), listed.getMessage());
        ConfigException matched = assertThrows(ConfigException.class, () -> new SinkConnectorConfig(
            sink("topics.regex", "d.*", "errors.deadletterqueue.topic.name", "dlq"), null));
        assertTrue(matched.getMessage().contains("topics.regex"), matched.getMessage());
        SinkConnectorConfig ok = new SinkConnectorConfig(sink("topics", "a", "errors.deadletterqueue.topic.name", "dlq"), null);
        assertEquals("dlq", ok.dlqTopicName());
        assertEquals(3, ok.dlqTopicReplicationFactor());
    }

    @Test
    void invalidTopicsRegexIsRejected() {
        ConfigException e = assertThrows(ConfigException.class,
            () -> new SinkConnectorConfig(sink("topics.regex", "a(b"), null));
        assertTrue(e.getMessage().contains("topics.regex"), e.getMessage());
    }
}
