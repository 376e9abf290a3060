package dev.sluice.distribution;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testkit.KafkaCluster;
import dev.sluice.testkit.KafkaClusterExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stopping a standalone worker in the middle of a file and starting it again with the same offsets file and
 * configs, through the distribution's real launch script: after SIGTERM nothing is lost or repeated, after SIGKILL
 * nothing is lost.
 */
class WorkerShutdownIT {

    private static final Logger log = LoggerFactory.getLogger(WorkerShutdownIT.class);

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

    private static final int LINES = 50_000;
    /** Records that must be in the topic before the worker is stopped, so that it stops mid-file. */
    private static final int STOP_AFTER = 2_000;
    /** Lines in the source file when the first worker starts; the rest grow in during its run. */
    private static final int INITIAL_LINES = 4_000;
    private static final int CHUNK_LINES = 500;
    /** 92 chunks at this pace take about 28 s: longer than the first worker runs. */
    private static final long CHUNK_PAUSE_MS = 300;
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN = Duration.ofSeconds(30);
    private static final int EXIT_AFTER_SIGTERM = 143;

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void workerStoppedBySigtermMidFileResumesWithoutLosingOrRepeatingALine() throws Exception {
        Pipeline pipeline = new Pipeline("sigterm");
        long inTopicAtStop;
        try (WorkerProcess first = pipeline.start(); GrowingFile growing = pipeline.grow()) {
            first.awaitLog("Kafka Connect started", STARTUP);
            awaitTopicHolds(pipeline.topic, STOP_AFTER);
            assertEquals(EXIT_AFTER_SIGTERM, first.terminate(SHUTDOWN), "A worker stopped by SIGTERM exits with 143\n" + first.log());
            first.awaitLog("Kafka Connect stopped", Duration.ZERO);
            inTopicAtStop = topicEnd(pipeline.topic);
        }
        pipeline.completeSource();
        log.info("SIGTERM: the worker stopped with {} of {} lines in topic {}", inTopicAtStop, LINES, pipeline.topic);
        assertTrue(inTopicAtStop < LINES, "The worker read the whole file before it was stopped; the test did not stop it mid-file");

        try (WorkerProcess second = pipeline.start()) {
            second.awaitLog("Kafka Connect started", STARTUP);
            awaitSinkHolds(pipeline.sink, LINES);
            assertEquals(EXIT_AFTER_SIGTERM, second.terminate(SHUTDOWN), "A worker stopped by SIGTERM exits with 143\n" + second.log());
        }

        assertEquals(LINES, topicEnd(pipeline.topic), "After a clean stop and restart the topic must hold every line exactly once");
        assertEquals(pipeline.lines, topicLines(pipeline.topic, LINES), "The topic's records must be the file's lines, in order");
        List<String> sinkLines = TextLines.completeLines(pipeline.sink);
        assertEquals(LINES, sinkLines.size(), "After a clean stop and restart the sink file must hold every line exactly once");
        assertEquals(pipeline.lines, sinkLines, "The sink file must hold the file's lines in order");
    }

    @Test
    void workerKilledMidFileResumesWithoutLosingALine() throws Exception {
        Pipeline pipeline = new Pipeline("sigkill");
        try (WorkerProcess first = pipeline.start(); GrowingFile growing = pipeline.grow()) {
            first.awaitLog("Kafka Connect started", STARTUP);
            awaitTopicHolds(pipeline.topic, STOP_AFTER);
            await("a source offset flushed to " + pipeline.offsetsFile).atMost(DELIVERY).pollInterval(Duration.ofMillis(50))
                    .until(() -> Files.isRegularFile(pipeline.offsetsFile) && Files.size(pipeline.offsetsFile) > 0);
            first.kill();
        }
        pipeline.completeSource();
        long inTopicAtKill = topicEnd(pipeline.topic);
        log.info("SIGKILL: the worker died with {} of {} lines in topic {}", inTopicAtKill, LINES, pipeline.topic);
        assertTrue(inTopicAtKill < LINES, "The worker read the whole file before it was killed; the test did not kill it mid-file");

        Set<String> expected = Set.copyOf(pipeline.lines);
        try (WorkerProcess second = pipeline.start()) {
            second.awaitLog("Kafka Connect started", STARTUP);
            await("every line in the sink file " + pipeline.sink).atMost(DELIVERY).pollInterval(Duration.ofMillis(250))
                    .until(() -> new LinkedHashSet<>(TextLines.completeLines(pipeline.sink)).containsAll(expected));
            assertEquals(EXIT_AFTER_SIGTERM, second.terminate(SHUTDOWN), "A worker stopped by SIGTERM exits with 143\n" + second.log());
        }

        long inTopic = topicEnd(pipeline.topic);
        List<String> topicLines = topicLines(pipeline.topic, (int) inTopic);
        List<String> sinkLines = TextLines.completeLines(pipeline.sink);
        log.info("SIGKILL: {} duplicate record(s) in the topic, {} duplicate line(s) in the sink file",
                topicLines.size() - LINES, sinkLines.size() - LINES);
        assertTrue(topicLines.size() - LINES < inTopicAtKill, "The restarted worker must resume from the source offset"
                + " flushed before the kill, not from the start of the file: " + (topicLines.size() - LINES)
                + " duplicates of the " + inTopicAtKill + " records written before the kill");
        assertEquals(pipeline.lines, new ArrayList<>(new LinkedHashSet<>(topicLines)),
                "Every line must be in the topic after a kill and restart, first occurrences in file order");
        assertEquals(pipeline.lines, new ArrayList<>(new LinkedHashSet<>(sinkLines)),
                "Every line must be in the sink file after a kill and restart, first occurrences in file order");
    }

    private void awaitTopicHolds(String topic, long records) {
        await("at least " + records + " records in topic " + topic).atMost(DELIVERY).pollInterval(Duration.ofMillis(50))
                .until(() -> topicEnd(topic) >= records);
    }

    private static void awaitSinkHolds(Path sink, int lines) {
        await(lines + " lines in the sink file " + sink).atMost(DELIVERY).pollInterval(Duration.ofMillis(250))
                .until(() -> TextLines.completeLines(sink).size() >= lines);
    }

    private static long topicEnd(String topic) {
        return kafka.cluster().endOffsets(topic).get(new TopicPartition(topic, 0));
    }

    /** The payloads (JSON with schemas) of the first {@code count} records of the topic. */
    private List<String> topicLines(String topic, int count) {
        List<ConsumerRecord<String, String>> records = kafka.cluster().consume(topic, count, DELIVERY);
        List<String> lines = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                lines.add(json.readTree(record.value()).get("payload").asText());
            } catch (IOException e) {
                throw new UncheckedIOException("Record at offset " + record.offset() + " of " + topic + " is not JSON: " + record.value(), e);
            }
        }
        return lines;
    }

    /** A file source and file sink over one topic, with the files, offsets file and configs of one test. */
    private final class Pipeline {
        final String topic;
        final Path sink;
        final Path offsetsFile = dir.resolve("connect.offsets");
        final List<String> lines = new ArrayList<>(LINES);
        private final Path workerProps;
        private final List<Path> connectorFiles;
        private final Path source;
        private int written;

        Pipeline(String name) {
            KafkaCluster cluster = kafka.cluster();
            topic = "shutdown-" + name;
            cluster.createTopic(topic, 1);
            Path source = dir.resolve("source.txt");
            sink = dir.resolve("sink.txt");
            for (int i = 0; i < LINES; i++) {
                lines.add(String.format("%s line %06d of a long file: äöü €", name, i));
            }
            this.source = source;
            // The rest is appended while the first worker runs, so it is stopped mid-file however fast it reads.
            TextLines.append(source, lines.subList(0, INITIAL_LINES));
            written = INITIAL_LINES;
            workerProps = ConfigFiles.write(dir.resolve("worker.properties"),
                    TutorialConfigs.standaloneWorker(cluster.bootstrapServers(), offsetsFile, true));
            Map<String, String> sourceConnector = TutorialConfigs.fileSource("file-source-" + name, source, topic);
            // Small batches keep the first worker mid-file when it is stopped.
            sourceConnector.put("batch.size", "200");
            connectorFiles = List.of(
                    ConfigFiles.write(dir.resolve("source.properties"), sourceConnector),
                    ConfigFiles.write(dir.resolve("sink.properties"), TutorialConfigs.fileSink("file-sink-" + name, sink, topic)));
        }

        WorkerProcess start() {
            return WorkerProcess.startStandalone(dir, workerProps, connectorFiles, Map.of());
        }

        /** Starts appending the rest of the lines slowly; closing it stops appending. */
        GrowingFile grow() {
            return new GrowingFile(this);
        }

        /** Appends whatever the growing file has not appended yet. */
        synchronized void completeSource() {
            TextLines.append(source, lines.subList(written, LINES));
            written = LINES;
        }

        /** Appends the next chunk; false when every line is written. */
        synchronized boolean appendChunk() {
            if (written == LINES) {
                return false;
            }
            int end = Math.min(LINES, written + CHUNK_LINES);
            TextLines.append(source, lines.subList(written, end));
            written = end;
            return true;
        }
    }

    /** Appends a pipeline's remaining lines a chunk at a time, far slower than a worker reads them. */
    private static final class GrowingFile implements AutoCloseable {
        private final Thread writer;

        GrowingFile(Pipeline pipeline) {
            writer = new Thread(() -> {
                try {
                    while (pipeline.appendChunk()) {
                        Thread.sleep(CHUNK_PAUSE_MS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "growing-source-file");
            writer.setDaemon(true);
            writer.start();
        }

        @Override
        public void close() throws InterruptedException {
            writer.interrupt();
            writer.join();
        }
    }
}
