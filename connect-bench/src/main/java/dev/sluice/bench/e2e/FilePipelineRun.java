package dev.sluice.bench.e2e;

import dev.sluice.testkit.KafkaCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of the file pipeline on one worker, each in a fresh topic and with fresh connector names:
 * the source phase (a {@code FileStreamSource} reads the whole input file into the topic) timed from the
 * {@code POST /connectors} until the topic's end offset reaches the number of lines, then the sink phase (a
 * {@code FileStreamSink} writes the topic to a new file) timed from its {@code POST} until the file is as long as
 * the input. Both connectors are deleted and the topic and output file removed afterwards.
 */
final class FilePipelineRun {

    private static final Logger log = LoggerFactory.getLogger(FilePipelineRun.class);

    /** {@code batch.size} of the source task: Apache's default, written out so both workers surely use it. */
    static final String SOURCE_BATCH_SIZE = "2000";

    private static final long ADMIN_TIMEOUT_SECONDS = 60;

    private final KafkaCluster kafka;
    private final ConnectRestClient rest;
    private final LineFile input;
    private final Path outputDir;
    private final Duration timeout;

    FilePipelineRun(KafkaCluster kafka, ConnectRestClient rest, LineFile input, Path outputDir, Duration timeout) {
        this.kafka = kafka;
        this.rest = rest;
        this.input = input;
        this.outputDir = outputDir;
        this.timeout = timeout;
    }

    /** Both phases' throughput on one worker. */
    record Result(Throughput source, Throughput sink) {
    }

    /** Runs both phases of round {@code round} on {@code worker}. */
    Result run(BenchWorker worker, int round) throws Exception {
        String id = worker.name().toLowerCase(Locale.ROOT) + "-" + round;
        String topic = "e2e-lines-" + id;
        String sourceName = "e2e-source-" + id;
        String sinkName = "e2e-sink-" + id;
        Path output = outputDir.resolve("sink-" + id + ".txt");
        Files.createDirectories(outputDir);
        Files.deleteIfExists(output);
        kafka.createTopic(topic, 1, 1);
        TopicPartition partition = new TopicPartition(topic, 0);
        try {
            long sourceStart = System.nanoTime();
            rest.create(worker, sourceName, Map.of(
                "connector.class", "FileStreamSource",
                "tasks.max", "1",
                "file", input.path().toString(),
                "topic", topic,
                "batch.size", SOURCE_BATCH_SIZE));
            Throughput source = ProgressWatch.until(() -> endOffset(partition), input.count(), sourceStart,
                input.count(), timeout, () -> "The " + worker.name() + " worker's FileStreamSource " + sourceName
                    + " did not fill topic " + topic + "\n" + worker.logTail());

            long sinkStart = System.nanoTime();
            rest.create(worker, sinkName, Map.of(
                "connector.class", "FileStreamSink",
                "tasks.max", "1",
                "file", output.toString(),
                "topics", topic));
            long expectedBytes = input.sizeInBytes();
            Throughput sink = ProgressWatch.until(() -> sizeOf(output), expectedBytes, sinkStart, input.count(),
                timeout, () -> "The " + worker.name() + " worker's FileStreamSink " + sinkName + " did not write "
                    + output + " (bytes)\n" + worker.logTail());

            log.info("Round {}, {} worker, source: {}", round, worker.name(), source.describe());
            log.info("Round {}, {} worker, sink: {}", round, worker.name(), sink.describe());
            rest.delete(worker, sinkName);
            rest.delete(worker, sourceName);
            long sourceRecords = endOffset(partition);
            long written = sizeOf(output);
            if (sourceRecords != input.count() || written != expectedBytes) {
                throw new IllegalStateException("The " + worker.name() + " worker wrote " + sourceRecords
                    + " records to topic " + topic + " (expected " + input.count() + ") and " + written
                    + " bytes to " + output + " (expected " + expectedBytes + "): duplicates or losses");
            }
            return new Result(source, sink);
        } finally {
            kafka.admin().deleteTopics(List.of(topic)).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Files.deleteIfExists(output);
        }
    }

    private long endOffset(TopicPartition partition) throws InterruptedException, ExecutionException,
        TimeoutException {
        return kafka.admin().listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
            .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).offset();
    }

    private static long sizeOf(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }
}
