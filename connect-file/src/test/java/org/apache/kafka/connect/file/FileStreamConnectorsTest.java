package org.apache.kafka.connect.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.Test;

class FileStreamConnectorsTest {

    private static final Map<String, String> SOURCE = Map.of(
        FileStreamSourceConnector.FILE_CONFIG, "/var/log/app.log",
        FileStreamSourceConnector.TOPIC_CONFIG, "logs",
        "name", "file-source");

    @Test
    void sourceStartRejectsAMissingOrEmptyTopicAndANonIntegerBatchSize() {
        FileStreamSourceConnector connector = new FileStreamSourceConnector();
        assertThrows(ConfigException.class, () -> connector.start(Map.of(FileStreamSourceConnector.FILE_CONFIG, "/f")));
        assertThrows(ConfigException.class, () -> connector.start(with(SOURCE, FileStreamSourceConnector.TOPIC_CONFIG, "")));
        assertThrows(ConfigException.class,
            () -> connector.start(with(SOURCE, FileStreamSourceConnector.TASK_BATCH_SIZE_CONFIG, "x")));
    }

    @Test
    void sourceAcceptsATopicWithACommaAsApacheDoes() {
        FileStreamSourceConnector connector = new FileStreamSourceConnector();
        Map<String, String> commaTopic = with(SOURCE, FileStreamSourceConnector.TOPIC_CONFIG, "a,b");

        connector.start(commaTopic);

        assertEquals(List.of(commaTopic), connector.taskConfigs(1));
        assertTrue(errors(connector.validate(commaTopic).configValues()).isEmpty());
    }

    @Test
    void sourceValidationReportsTheMissingTopicAndTheBadBatchSize() {
        FileStreamSourceConnector connector = new FileStreamSourceConnector();
        Map<String, String> bad = Map.of(FileStreamSourceConnector.TASK_BATCH_SIZE_CONFIG, "x");

        Map<String, List<String>> errors = errors(connector.validate(bad).configValues());

        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.containsKey(FileStreamSourceConnector.TOPIC_CONFIG), errors.toString());
        assertTrue(errors.containsKey(FileStreamSourceConnector.TASK_BATCH_SIZE_CONFIG), errors.toString());
    }

    @Test
    void sourceHasOneTaskWithTheConnectorConfigWhateverMaxTasks() {
        FileStreamSourceConnector connector = new FileStreamSourceConnector();
        connector.start(SOURCE);

        assertEquals(List.of(SOURCE), connector.taskConfigs(5));
        assertEquals(List.of(SOURCE), connector.taskConfigs(0));
        assertEquals(FileStreamSourceTask.class, connector.taskClass());
        connector.stop();
    }

    @Test
    void exactlyOnceIsSupportedOnlyWhenAFileIsConfigured() {
        FileStreamSourceConnector connector = new FileStreamSourceConnector();
        Map<String, String> stdin = Map.of(FileStreamSourceConnector.TOPIC_CONFIG, "logs");

        assertEquals(ExactlyOnceSupport.SUPPORTED, connector.exactlyOnceSupport(SOURCE));
        assertEquals(ExactlyOnceSupport.UNSUPPORTED, connector.exactlyOnceSupport(stdin));
        assertEquals(ExactlyOnceSupport.UNSUPPORTED,
            connector.exactlyOnceSupport(with(SOURCE, FileStreamSourceConnector.FILE_CONFIG, "  ")));
        assertThrows(ConfigException.class,
            () -> connector.exactlyOnceSupport(Map.of(FileStreamSourceConnector.FILE_CONFIG, "/f")));
    }

    @Test
    void sourceAlterOffsetsAcceptsWellFormedOffsetsAndTombstones() {
        FileStreamSourceConnector connector = new FileStreamSourceConnector();
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        offsets.put(Map.of("filename", "/var/log/app.log"), Map.of("position", 10L));
        offsets.put(Map.of("filename", "/old.log"), null);
        offsets.put(null, null);

        assertTrue(connector.alterOffsets(SOURCE, offsets));
    }

    @Test
    void sourceAlterOffsetsRejectsMalformedOffsets() {
        assertAlterRejected(Map.of("filename", "/f"), Map.of());
        assertAlterRejected(Map.of("filename", "/f"), Map.of("position", 10));
        assertAlterRejected(Map.of("filename", "/f"), Map.of("position", "10"));
        assertAlterRejected(Map.of("filename", "/f"), Collections.singletonMap("position", null));
        assertAlterRejected(Map.of("filename", "/f"), Map.of("position", -1L));
        assertAlterRejected(null, Map.of("position", 1L));
        assertAlterRejected(Map.of("file", "/f"), Map.of("position", 1L));
    }

    @Test
    void sourceAlterOffsetsIsRefusedForStandardInputAndChecksTheConfig() {
        FileStreamSourceConnector connector = new FileStreamSourceConnector();
        Map<String, String> stdin = Map.of(FileStreamSourceConnector.TOPIC_CONFIG, "logs");
        ConnectException e = assertThrows(ConnectException.class, () -> connector.alterOffsets(stdin, Map.of()));
        assertTrue(e.getMessage().contains("'file'"), e.getMessage());
        assertThrows(ConfigException.class,
            () -> connector.alterOffsets(Map.of(FileStreamSourceConnector.FILE_CONFIG, "/f"), Map.of()));
    }

    @Test
    void sinkHasMaxTasksTasksAndAcceptsAnyOffsets() {
        FileStreamSinkConnector connector = new FileStreamSinkConnector();
        Map<String, String> props = Map.of(FileStreamSinkConnector.FILE_CONFIG, "/tmp/out", "topics", "t");
        connector.start(props);

        assertEquals(List.of(props, props, props), connector.taskConfigs(3));
        assertEquals(List.of(), connector.taskConfigs(0));
        assertEquals(FileStreamSinkTask.class, connector.taskClass());
        assertTrue(connector.alterOffsets(props, Map.of(new TopicPartition("t", 0), 5L)));
        connector.stop();
    }

    @Test
    void configDefinitionsHaveApachesKeysTypesAndDefaults() {
        var source = new FileStreamSourceConnector().config().configKeys();
        assertEquals(List.of("file", "topic", "batch.size"), List.copyOf(source.keySet()));
        assertEquals(2000, source.get("batch.size").defaultValue);
        assertEquals(null, source.get("file").defaultValue);
        var sink = new FileStreamSinkConnector().config().configKeys();
        assertEquals(List.of("file"), List.copyOf(sink.keySet()));
    }

    @Test
    void everyPluginReportsTheKafkaVersion() {
        String version = AppInfoParser.getVersion();
        assertEquals("4.3.1", version, "the Kafka version this build is compatible with");
        assertEquals(version, new FileStreamSourceConnector().version());
        assertEquals(version, new FileStreamSourceTask().version());
        assertEquals(version, new FileStreamSinkConnector().version());
        assertEquals(version, new FileStreamSinkTask().version());
    }

    @Test
    void serviceManifestsListBothConnectors() {
        assertEquals(List.of(FileStreamSourceConnector.class), ServiceLoader.load(SourceConnector.class).stream()
            .map(ServiceLoader.Provider::type).filter(t -> t.getPackageName().equals("org.apache.kafka.connect.file"))
            .toList());
        assertEquals(List.of(FileStreamSinkConnector.class), ServiceLoader.load(SinkConnector.class).stream()
            .map(ServiceLoader.Provider::type).filter(t -> t.getPackageName().equals("org.apache.kafka.connect.file"))
            .toList());
    }

    private static void assertAlterRejected(Map<String, ?> partition, Map<String, ?> offset) {
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        offsets.put(partition, offset);
        assertThrows(ConnectException.class, () -> new FileStreamSourceConnector().alterOffsets(SOURCE, offsets),
            "partition " + partition + " with offset " + offset + " must be rejected");
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, List<String>> errors(List<ConfigValue> values) {
        Map<String, List<String>> errors = new HashMap<>();
        for (ConfigValue value : values) {
            if (!value.errorMessages().isEmpty()) {
                errors.put(value.name(), value.errorMessages());
            }
        }
        return errors;
    }
}
