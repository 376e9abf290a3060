package dev.sluice.distribution;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The worker and connector settings of the FileStream tutorial (as in the distribution's {@code config/} folder),
 * pointed at a test broker and a test's own files, topics and names.
 */
final class TutorialConfigs {

    private static final String JSON_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";

    private TutorialConfigs() {
    }

    /**
     * A standalone worker with JSON keys and values.
     *
     * @param schemasEnabled the {@code key/value.converter.schemas.enable} setting
     */
    static Map<String, String> standaloneWorker(String bootstrapServers, Path offsetsFile, boolean schemasEnabled) {
        Map<String, String> worker = new LinkedHashMap<>();
        worker.put("bootstrap.servers", bootstrapServers);
        worker.put("key.converter", JSON_CONVERTER);
        worker.put("value.converter", JSON_CONVERTER);
        worker.put("key.converter.schemas.enable", Boolean.toString(schemasEnabled));
        worker.put("value.converter.schemas.enable", Boolean.toString(schemasEnabled));
        worker.put("offset.storage.file.filename", offsetsFile.toString());
        worker.put("offset.flush.interval.ms", "1000");
        // Any free port for the REST server: other builds on the machine may hold 8083.
        worker.put("listeners", "http://localhost:0");
        // A killed worker's sink consumer must leave the group quickly, or its successor waits 45 s to rebalance.
        worker.put("consumer.session.timeout.ms", "6000");
        worker.put("consumer.heartbeat.interval.ms", "1000");
        return worker;
    }

    /** A {@code FileStreamSource} connector reading {@code file} into {@code topic}. */
    static Map<String, String> fileSource(String name, Path file, String topic) {
        Map<String, String> connector = new LinkedHashMap<>();
        connector.put("name", name);
        connector.put("connector.class", "FileStreamSource");
        connector.put("tasks.max", "1");
        connector.put("file", file.toString());
        connector.put("topic", topic);
        return connector;
    }

    /** A {@code FileStreamSink} connector appending the values of {@code topic}'s records to {@code file}. */
    static Map<String, String> fileSink(String name, Path file, String topic) {
        Map<String, String> connector = new LinkedHashMap<>();
        connector.put("name", name);
        connector.put("connector.class", "FileStreamSink");
        connector.put("tasks.max", "1");
        connector.put("file", file.toString());
        connector.put("topics", topic);
        return connector;
    }
}
