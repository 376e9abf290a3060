package dev.sluice.distribution.interop;

import dev.sluice.distribution.ConfigFiles;
import dev.sluice.distribution.WorkerProcess;
import dev.sluice.testkit.ApacheConnectWorker;
import dev.sluice.testkit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A standalone offsets file ({@code offset.storage.file.filename}) written by Apache Kafka Connect 4.3.1's own
 * standalone worker is picked up by ours, and the other way round: a FileStreamSource connector of the same name,
 * run by one worker until a clean stop (SIGTERM) and then by the other with the same worker properties file,
 * sends every line of its file to the topic exactly once and in order.
 *
 * <p>Each hand-over appends lines in three parts: the first worker sends part one; part two is appended just
 * before its SIGTERM, so it stops at whatever point of the file it reached; part three is appended while no worker
 * runs. The second worker must resume at the position the first one stored. The lines are ASCII, where Apache's
 * character count and our byte position are the same number (docs/compatibility.md). What a worker reads in one
 * go stays below the default {@code batch.size} (2000): Apache's task keeps the lines left over after a full batch
 * until the file grows again, which would stall the last phase.
 */
class ApacheOffsetsPickupIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(30);
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final int PART_ONE = 300;
    private static final int PART_TWO = 200;
    private static final int PART_THREE = 500;
    private static final int TOTAL = PART_ONE + PART_TWO + PART_THREE;

    @RegisterExtension
    static KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

    @TempDir
    Path dir;

    @Test
    void oursResumesFromTheOffsetApachesStandaloneWorkerStoredOnSigterm() throws IOException {
        HandOver handOver = new HandOver("apache-to-ours");
        handOver.appendLines(1, PART_ONE);
        try (ApacheConnectWorker apache = ApacheConnectWorker.startStandalone(
                handOver.home.resolve("apache"), handOver.workerProps, List.of(handOver.connectorProps))) {
            apache.awaitLog("Kafka Connect started", STARTUP);
            handOver.awaitRecords(PART_ONE, "Apache's worker");
            handOver.appendLines(PART_ONE + 1, PART_ONE + PART_TWO);
            apache.terminate(STOP);
            assertTrue(apache.hasLogged("Kafka Connect stopped"),
                    "Apache's worker stops cleanly on SIGTERM\n" + apache.outputTail(40));
        }
        long sentByApache = handOver.recordCount();
        handOver.appendLines(PART_ONE + PART_TWO + 1, TOTAL);

        try (WorkerProcess ours = WorkerProcess.startStandalone(
                handOver.home.resolve("ours"), handOver.workerProps, List.of(handOver.connectorProps), Map.of())) {
            ours.awaitLog("Kafka Connect started", STARTUP);
            handOver.awaitRecords(TOTAL, "our worker");
            ours.terminate(STOP);
        }

        handOver.assertEveryLineExactlyOnceInOrder("Apache's worker sent " + sentByApache + " lines, then ours took over");
    }

    @Test
    void apachesStandaloneWorkerResumesFromTheOffsetOursStoredOnSigterm() throws IOException {
        HandOver handOver = new HandOver("ours-to-apache");
        handOver.appendLines(1, PART_ONE);
        try (WorkerProcess ours = WorkerProcess.startStandalone(
                handOver.home.resolve("ours"), handOver.workerProps, List.of(handOver.connectorProps), Map.of())) {
            ours.awaitLog("Kafka Connect started", STARTUP);
            handOver.awaitRecords(PART_ONE, "our worker");
            handOver.appendLines(PART_ONE + 1, PART_ONE + PART_TWO);
            ours.terminate(STOP);
            assertTrue(ours.log().contains("Kafka Connect stopped"), "our worker stops cleanly on SIGTERM\n" + ours.log());
        }
        long sentByOurs = handOver.recordCount();
        handOver.appendLines(PART_ONE + PART_TWO + 1, TOTAL);

        try (ApacheConnectWorker apache = ApacheConnectWorker.startStandalone(
                handOver.home.resolve("apache"), handOver.workerProps, List.of(handOver.connectorProps))) {
            apache.awaitLog("Kafka Connect started", STARTUP);
            handOver.awaitRecords(TOTAL, "Apache's worker");
            apache.terminate(STOP);
        }

        handOver.assertEveryLineExactlyOnceInOrder("our worker sent " + sentByOurs + " lines, then Apache's took over");
    }

    /** One connector's source file, topic, offsets file and the property files both workers are started with. */
    private final class HandOver {

        private final String topic;
        private final Path home;
        private final Path sourceFile;
        private final Path offsetsFile;
        private final Path workerProps;
        private final Path connectorProps;

        HandOver(String name) throws IOException {
            this.topic = name + "-lines";
            this.home = Files.createDirectories(dir.resolve(name));
            this.sourceFile = Files.createFile(home.resolve("source.txt"));
            this.offsetsFile = home.resolve("connect.offsets");
            kafka.cluster().createTopic(topic, 1);

            Map<String, String> worker = new LinkedHashMap<>();
            worker.put("bootstrap.servers", kafka.cluster().bootstrapServers());
            worker.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
            worker.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
            worker.put("offset.storage.file.filename", offsetsFile.toString());
            worker.put("offset.flush.interval.ms", "500");
            // Apache's worker always runs its REST server: any free port, so that parallel builds do not clash.
            worker.put("listeners", "http://localhost:0");
            this.workerProps = ConfigFiles.write(home.resolve("worker.properties"), worker);

            Map<String, String> connector = new LinkedHashMap<>();
            connector.put("name", name + "-source");
            connector.put("connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector");
            connector.put("tasks.max", "1");
            connector.put("file", sourceFile.toString());
            connector.put("topic", topic);
            this.connectorProps = ConfigFiles.write(home.resolve("file-source.properties"), connector);
        }

        /** Appends lines {@code from..to} (inclusive) in one write, as the worker may be reading the file. */
        void appendLines(int from, int to) throws IOException {
            String text = IntStream.rangeClosed(from, to).mapToObj(ApacheOffsetsPickupIT::line).collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(sourceFile, text, StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
        }

        void awaitRecords(int count, String worker) {
            await(worker + " sends at least " + count + " lines to " + topic).atMost(DELIVERY)
                    .pollInterval(Duration.ofMillis(200))
                    .until(this::recordCount, sent -> sent >= count);
        }

        long recordCount() {
            return kafka.cluster().endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
        }

        /** Called once both workers are stopped, so that no record is still on its way. */
        void assertEveryLineExactlyOnceInOrder(String story) {
            List<String> expected = IntStream.rangeClosed(1, TOTAL).mapToObj(ApacheOffsetsPickupIT::line).collect(Collectors.toList());
            long count = recordCount();
            List<String> actual = kafka.cluster().consume(topic, (int) Math.min(count, Integer.MAX_VALUE), DELIVERY).stream()
                    .map(ConsumerRecord::value).collect(Collectors.toList());
            assertEquals(expected, actual, () -> story + ": every line of the file is in " + topic
                    + " exactly once and in order, but " + difference(expected, actual));
        }
    }

    private static String line(int number) {
        return String.format("line-%05d", number);
    }

    private static String difference(List<String> expected, List<String> actual) {
        int first = 0;
        while (first < expected.size() && first < actual.size() && expected.get(first).equals(actual.get(first))) {
            first++;
        }
        List<String> duplicated = new ArrayList<>(actual);
        expected.forEach(duplicated::remove);
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        return "the topic has " + actual.size() + " records instead of " + expected.size() + "; the first difference is at"
                + " index " + first + " (expected " + (first < expected.size() ? expected.get(first) : "nothing")
                + ", got " + (first < actual.size() ? actual.get(first) : "nothing") + "); duplicated: "
                + abbreviate(duplicated) + "; missing: " + abbreviate(missing);
    }

    private static String abbreviate(List<String> lines) {
        return lines.size() <= 10 ? lines.toString()
                : lines.subList(0, 5) + " ... " + lines.subList(lines.size() - 5, lines.size()) + " (" + lines.size() + " in all)";
    }
}
