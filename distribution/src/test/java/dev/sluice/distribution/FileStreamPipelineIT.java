package dev.sluice.distribution;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testkit.KafkaCluster;
import dev.sluice.testkit.KafkaClusterExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FileStream tutorial through the distribution's real launch script: a file source connector writes a file's
 * lines to a topic, a file sink connector writes the topic's values to another file, with the JSON converter with
 * and without schemas, and with transforms on the source. Every line is checked in the topic and in the sink file,
 * in order, including lines that need JSON escapes and characters outside ASCII.
 */
class FileStreamPipelineIT {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration DELIVERY = Duration.ofSeconds(45);
    private static final Duration SHUTDOWN = Duration.ofSeconds(30);
    /** The exit code of a JVM that ran its shutdown hooks after SIGTERM (128 + 15). */
    private static final int EXIT_AFTER_SIGTERM = 143;

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void copiesEveryLineInOrderThroughTheTopicWithJsonSchemasEnabled() {
        KafkaCluster cluster = kafka.cluster();
        String topic = "pipeline-schemas-on";
        cluster.createTopic(topic, 1);
        List<String> lines = sampleLines("schemas-on");
        Path source = dir.resolve("source.txt");
        Path sink = dir.resolve("sink.txt");
        TextLines.append(source, lines);

        runUntilSinkHas(lines.size(), sink, TutorialConfigs.standaloneWorker(cluster.bootstrapServers(), dir.resolve("connect.offsets"), true),
                TutorialConfigs.fileSource("file-source-schemas-on", source, topic),
                TutorialConfigs.fileSink("file-sink-schemas-on", sink, topic));

        assertEquals(lines, TextLines.completeLines(sink), "The sink file must hold the source file's lines in order");
        String connectLog = readLogFile(dir.resolve("logs").resolve("connect.log"));
        assertTrue(connectLog.contains("] INFO [file-source-schemas-on|task-0] "),
                "The default logging config must write $LOG_DIR/connect.log with the task's connector.context:\n" + connectLog);
        List<ConsumerRecord<String, String>> records = exactlyAllRecords(topic, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            assertNull(record.key(), "FileStreamSource records have no key, but record " + i + " has one");
            JsonNode value = parse(record.value());
            assertEquals(json.createObjectNode().put("type", "string").put("optional", false), value.get("schema"),
                    "Record " + i + " must carry the string schema in its JSON envelope: " + record.value());
            assertEquals(lines.get(i), value.get("payload").asText(), "Payload of record " + i + " in topic " + topic);
        }
    }

    @Test
    void copiesEveryLineInOrderThroughTheTopicWithJsonSchemasDisabled() {
        KafkaCluster cluster = kafka.cluster();
        String topic = "pipeline-schemas-off";
        cluster.createTopic(topic, 1);
        List<String> lines = sampleLines("schemas-off");
        Path source = dir.resolve("source.txt");
        Path sink = dir.resolve("sink.txt");
        TextLines.append(source, lines);

        runUntilSinkHas(lines.size(), sink, TutorialConfigs.standaloneWorker(cluster.bootstrapServers(), dir.resolve("connect.offsets"), false),
                TutorialConfigs.fileSource("file-source-schemas-off", source, topic),
                TutorialConfigs.fileSink("file-sink-schemas-off", sink, topic));

        assertEquals(lines, TextLines.completeLines(sink), "The sink file must hold the source file's lines in order");
        List<ConsumerRecord<String, String>> records = exactlyAllRecords(topic, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode value = parse(records.get(i).value());
            assertEquals(json.getNodeFactory().textNode(lines.get(i)), value,
                    "Record " + i + " must be the bare JSON string of line " + i + " (no envelope): " + records.get(i).value());
        }
    }

    @Test
    void sourceTransformsRouteRecordsToARenamedTopicAndFormatTheirTimestamp() {
        KafkaCluster cluster = kafka.cluster();
        String original = "pipeline-raw-lines";
        String routed = "pipeline-routed-lines";
        cluster.createTopic(original, 1);
        cluster.createTopic(routed, 1);
        List<String> lines = sampleLines("transformed");
        Path source = dir.resolve("source.txt");
        Path sink = dir.resolve("sink.txt");
        TextLines.append(source, lines);

        Map<String, String> sourceConnector = TutorialConfigs.fileSource("file-source-transformed", source, original);
        // line -> Struct{line} -> Struct{line, ts: the record's timestamp} -> ts as text -> topic renamed
        sourceConnector.put("transforms", "hoist,stamp,format,route");
        sourceConnector.put("transforms.hoist.type", "org.apache.kafka.connect.transforms.HoistField$Value");
        sourceConnector.put("transforms.hoist.field", "line");
        sourceConnector.put("transforms.stamp.type", "org.apache.kafka.connect.transforms.InsertField$Value");
        sourceConnector.put("transforms.stamp.timestamp.field", "ts");
        sourceConnector.put("transforms.format.type", "org.apache.kafka.connect.transforms.TimestampConverter$Value");
        sourceConnector.put("transforms.format.field", "ts");
        sourceConnector.put("transforms.format.target.type", "string");
        sourceConnector.put("transforms.format.format", "yyyy-MM-dd'T'HH:mm:ss.SSS");
        sourceConnector.put("transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter");
        sourceConnector.put("transforms.route.regex", "pipeline-raw-(.*)");
        sourceConnector.put("transforms.route.replacement", "pipeline-routed-$1");

        runUntilSinkHas(lines.size(), sink, TutorialConfigs.standaloneWorker(cluster.bootstrapServers(), dir.resolve("connect.offsets"), true),
                sourceConnector, TutorialConfigs.fileSink("file-sink-transformed", sink, routed));

        assertEquals(0L, cluster.endOffsets(original).get(new TopicPartition(original, 0)),
                "RegexRouter must send every record to '" + routed + "', none to the original topic '" + original + "'");
        List<ConsumerRecord<String, String>> records = exactlyAllRecords(routed, lines.size());
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS");
        format.setTimeZone(TimeZone.getTimeZone("UTC")); // TimestampConverter formats in UTC
        List<String> expectedSinkLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            String ts = format.format(new Date(record.timestamp()));
            JsonNode payload = parse(record.value()).get("payload");
            assertEquals(json.createObjectNode().put("line", lines.get(i)).put("ts", ts), payload,
                    "Record " + i + " must be the hoisted line with the record's timestamp formatted in UTC: " + record.value());
            expectedSinkLines.add("Struct{line=" + lines.get(i) + ",ts=" + ts + "}");
        }
        assertEquals(expectedSinkLines, TextLines.completeLines(sink),
                "The sink file must hold the transformed records (Struct.toString of each value) in order");
    }

    /**
     * Starts a worker with the two connectors, waits until the sink file has {@code expectedLines} lines, and stops
     * the worker with SIGTERM, checking that it stops cleanly.
     */
    private void runUntilSinkHas(int expectedLines, Path sink, Map<String, String> worker,
                                 Map<String, String> sourceConnector, Map<String, String> sinkConnector) {
        Path workerProps = ConfigFiles.write(dir.resolve("worker.properties"), worker);
        Path sourceProps = ConfigFiles.write(dir.resolve("source.properties"), sourceConnector);
        Path sinkProps = ConfigFiles.write(dir.resolve("sink.properties"), sinkConnector);
        try (WorkerProcess process = WorkerProcess.startStandalone(dir, workerProps, List.of(sourceProps, sinkProps), Map.of())) {
            process.awaitLog("Kafka Connect started", STARTUP);
            await("the sink file " + sink + " to have " + expectedLines + " lines")
                    .atMost(DELIVERY).pollInterval(Duration.ofMillis(200))
                    .until(() -> TextLines.completeLines(sink).size() >= expectedLines);
            int exitCode = process.terminate(SHUTDOWN);
            assertEquals(EXIT_AFTER_SIGTERM, exitCode, "A worker stopped by SIGTERM exits like a JVM after its shutdown hooks\n" + process.log());
            process.awaitLog("Kafka Connect stopped", Duration.ZERO);
        }
    }

    /** Reads the topic from the start and checks it holds exactly {@code count} records. */
    private List<ConsumerRecord<String, String>> exactlyAllRecords(String topic, int count) {
        KafkaCluster cluster = kafka.cluster();
        assertEquals((long) count, cluster.endOffsets(topic).get(new TopicPartition(topic, 0)),
                "Topic '" + topic + "' must hold exactly one record per source line");
        return cluster.consume(topic, count, DELIVERY);
    }

    private static String readLogFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("The worker's log file " + file + " cannot be read: " + e, e);
        }
    }

    private JsonNode parse(String value) {
        try {
            return json.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Record value is not JSON: " + value, e);
        }
    }

    /** Lines a text pipeline must carry unchanged: plain, JSON-escaped, non-ASCII, and enough of them for several batches. */
    private static List<String> sampleLines(String prefix) {
        List<String> lines = new ArrayList<>(List.of(
                "first line of " + prefix,
                "Grüße aus Köln – naïve café",
                "日本語のテキスト、中文文本",
                "emoji outside the BMP: 🚀🌊 and 𝄞",
                "Здравствуй, мир; مرحبا بالعالم; שלום",
                "JSON needs escapes: \"quoted\", back\\slash, tab\there, {braces} [brackets]",
                "   leading and trailing spaces   "));
        for (int i = 0; i < 2500; i++) {
            lines.add(prefix + " line " + i + " ✓");
        }
        lines.add("last line of " + prefix);
        return lines;
    }
}
