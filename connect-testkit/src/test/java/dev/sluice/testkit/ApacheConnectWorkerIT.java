package dev.sluice.testkit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApacheConnectWorkerIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

    @TempDir
    Path dir;

    @Test
    void apacheStandaloneWorkerStreamsAFileAndResumesFromItsStoredOffsetAfterSigterm() throws IOException {
        List<String> lines = IntStream.rangeClosed(1, 100).mapToObj(i -> "apache-line-" + i).collect(Collectors.toList());
        Path source = Files.write(dir.resolve("source.txt"), lines.subList(0, 50));
        Path offsets = dir.resolve("connect.offsets");
        Path worker = writeProperties(dir.resolve("worker.properties"), workerProperties(offsets));
        Path connector = writeProperties(dir.resolve("file-source.properties"), properties(
                "name", "apache-file-source",
                "connector.class", "FileStreamSource",
                "tasks.max", "1",
                "file", source.toString(),
                "topic", "apache-worker-lines"));
        kafka.cluster().createTopic("apache-worker-lines", 1);

        try (ApacheConnectWorker apache = ApacheConnectWorker.startStandalone(dir.resolve("first"), worker, List.of(connector))) {
            apache.awaitLog("Kafka Connect started", STARTUP);
            kafka.cluster().consume("apache-worker-lines", 50, TIMEOUT);

            apache.terminate(TIMEOUT);
            assertFalse(apache.isRunning(), "the worker exits on SIGTERM");
            assertTrue(apache.hasLogged("Kafka Connect stopped"), "Apache stops cleanly on SIGTERM\n" + apache.outputTail(30));
            assertTrue(Files.size(offsets) > 0, "Apache's worker wrote its source offsets to " + offsets);
        }
        Files.write(source, lines.subList(50, 100), StandardOpenOption.APPEND);
        try (ApacheConnectWorker apache = ApacheConnectWorker.startStandalone(dir.resolve("second"), worker, List.of(connector))) {
            apache.awaitLog("Kafka Connect started", STARTUP);
            kafka.cluster().consume("apache-worker-lines", 100, TIMEOUT);
            apache.terminate(TIMEOUT);
        }

        assertEquals(100L, kafka.cluster().endOffsets("apache-worker-lines").values().stream().mapToLong(Long::longValue).sum(),
                "the topic holds each of the 100 lines once");
        List<String> sent = kafka.cluster().consume("apache-worker-lines", 100, TIMEOUT).stream()
                .map(ConsumerRecord::value).collect(Collectors.toList());
        assertEquals(lines, sent, "after a clean stop Apache's FileStreamSource resumes at its stored offset: every line"
                + " exactly once, in order");
    }

    @Test
    void awaitLogFailsAtOnceWithTheOutputWhenTheWorkerExits() throws IOException {
        Properties withoutOffsetsFile = workerProperties(dir.resolve("unused.offsets"));
        withoutOffsetsFile.remove("offset.storage.file.filename");
        Path worker = writeProperties(dir.resolve("broken-worker.properties"), withoutOffsetsFile);

        try (ApacheConnectWorker apache = ApacheConnectWorker.startStandalone(dir.resolve("broken"), worker, List.of())) {
            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> apache.awaitLog("Kafka Connect started", STARTUP),
                    "a worker that cannot start never logs that it started");

            assertTrue(failure.getMessage().contains("exited"), "the failure says the worker exited: " + failure.getMessage());
            assertTrue(failure.getMessage().contains("offset.storage.file.filename"),
                    "the failure carries Apache's own error naming the missing key: " + failure.getMessage());
        }
    }

    private Properties workerProperties(Path offsets) {
        return properties(
                "bootstrap.servers", kafka.cluster().bootstrapServers(),
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", "org.apache.kafka.connect.storage.StringConverter",
                "offset.storage.file.filename", offsets.toString(),
                "offset.flush.interval.ms", "500",
                "listeners", "http://localhost:0");
    }

    private static Path writeProperties(Path file, Properties properties) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, null);
        }
        return file;
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
