package org.apache.kafka.connect.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStreamSourceTaskTest {

    private static final Duration SHORT_IDLE_WAIT = Duration.ofMillis(20);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final List<FileStreamSourceTask> started = new ArrayList<>();

    @AfterEach
    void stopTasks() {
        started.forEach(FileStreamSourceTask::stop);
    }

    @Test
    void linesAppendedWhileTheTaskRunsAreReadInOrderWithBytePositions() throws Exception {
        Path file = dir.resolve("growing.txt");
        Files.writeString(file, "first\n");
        FileStreamSourceTask task = start(file, new FakeSourceTaskContext());

        assertLines(List.of("first"), List.of(6L), task.poll());
        assertNull(task.poll(), "no new complete line yet");

        append(file, "second\r\nthird");
        assertLines(List.of("second"), List.of(14L), task.poll());
        assertNull(task.poll(), "'third' has no line terminator yet");

        append(file, "\r");
        assertNull(task.poll(), "a trailing \\r may still become \\r\\n, so the line waits for the next byte");

        append(file, "\n\rfourth\n");
        assertLines(List.of("third", "", "fourth"), List.of(21L, 22L, 29L), task.poll());
    }

    @Test
    void positionsCountBytesOfMultiByteCharacters() throws Exception {
        Path file = dir.resolve("unicode.txt");
        Files.write(file, "é€😀\nx\n".getBytes(StandardCharsets.UTF_8));
        FileStreamSourceTask task = start(file, new FakeSourceTaskContext());

        assertLines(List.of("é€😀", "x"), List.of(10L, 12L), task.poll());
    }

    @Test
    void recordsCarryTheTopicAStringSchemaNoKeyAndTheFileAsPartition() throws Exception {
        Path file = dir.resolve("shape.txt");
        Files.writeString(file, "value\n");
        FileStreamSourceTask task = start(file, new FakeSourceTaskContext());

        SourceRecord record = task.poll().get(0);

        assertEquals("events", record.topic());
        assertNull(record.kafkaPartition(), "the producer chooses the partition");
        assertNull(record.key());
        assertNull(record.keySchema());
        assertEquals(Schema.STRING_SCHEMA, record.valueSchema());
        assertEquals("value", record.value());
        assertEquals(Map.of(FileStreamSourceTask.FILENAME_FIELD, file.toString()), record.sourcePartition());
        assertEquals(Map.of(FileStreamSourceTask.POSITION_FIELD, 6L), record.sourceOffset());
        assertTrue(record.timestamp() != null && record.timestamp() > 0, "records carry the time they were read");
    }

    @Test
    void restartResumesAtTheStoredPositionWithoutLossOrDuplicates() throws Exception {
        Path file = dir.resolve("restart.txt");
        Files.writeString(file, "one\ntwo\nthr");
        FileStreamSourceTask first = start(file, new FakeSourceTaskContext());
        List<SourceRecord> before = first.poll();
        assertLines(List.of("one", "two"), List.of(4L, 8L), before);
        first.stop();

        append(file, "ee\nfour\n");
        FakeSourceTaskContext context = new FakeSourceTaskContext()
            .withOffset(before.get(1).sourcePartition(), new HashMap<>(before.get(1).sourceOffset()));
        FileStreamSourceTask second = start(file, context);

        assertLines(List.of("three", "four"), List.of(14L, 19L), second.poll());
        assertEquals(List.of(Map.of(FileStreamSourceTask.FILENAME_FIELD, file.toString())), context.lookups(),
            "the task looks up the committed offset of its file once");
    }

    @Test
    void anOffsetWithoutPositionMeansTheStartOfTheFile() throws Exception {
        Path file = dir.resolve("noposition.txt");
        Files.writeString(file, "a\n");
        FakeSourceTaskContext context = new FakeSourceTaskContext()
            .withOffset(Map.of(FileStreamSourceTask.FILENAME_FIELD, file.toString()), Map.of("other", 3L));

        assertLines(List.of("a"), List.of(2L), start(file, context).poll());
    }

    @Test
    void aStoredPositionThatIsNotALongFailsTheTask() throws Exception {
        Path file = dir.resolve("badoffset.txt");
        Files.writeString(file, "a\n");
        FakeSourceTaskContext context = new FakeSourceTaskContext()
            .withOffset(Map.of(FileStreamSourceTask.FILENAME_FIELD, file.toString()),
                Map.of(FileStreamSourceTask.POSITION_FIELD, 2));
        FileStreamSourceTask task = start(file, context);

        ConnectException e = assertThrows(ConnectException.class, task::poll);
        assertTrue(e.getMessage().contains("Long") && e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aStoredPositionBeyondTheEndWaitsUntilTheFileReachesIt() throws Exception {
        Path file = dir.resolve("short.txt");
        Files.writeString(file, "ab");
        FakeSourceTaskContext context = new FakeSourceTaskContext()
            .withOffset(Map.of(FileStreamSourceTask.FILENAME_FIELD, file.toString()),
                Map.of(FileStreamSourceTask.POSITION_FIELD, 4L));
        FileStreamSourceTask task = start(file, context);
        assertNull(task.poll(), "the file is shorter than the committed position");

        append(file, "c\nnext\n");
        assertLines(List.of("next"), List.of(9L), task.poll());
    }

    @Test
    void batchSizeLimitsEachPollAndTheRestFollowsOnTheNextPolls() throws Exception {
        Path file = dir.resolve("batch.txt");
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            content.append("line").append(i).append('\n');
        }
        Files.writeString(file, content);
        FileStreamSourceTask task = start(file, new FakeSourceTaskContext(), "3");

        assertEquals(List.of("line0", "line1", "line2"), values(task.poll()));
        assertEquals(List.of("line3", "line4", "line5"), values(task.poll()));
        assertLines(List.of("line6"), List.of(42L), task.poll());
        assertNull(task.poll());
    }

    @Test
    void manyLinesAcrossReadChunksKeepExactPositions() throws Exception {
        Path file = dir.resolve("many.txt");
        StringBuilder content = new StringBuilder();
        List<String> expected = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < 5000; i++) {
            String line = "row " + i + " " + "é".repeat(i % 13);
            String terminator = i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r";
            content.append(line).append(terminator);
            expected.add(line);
            bytes += (line + terminator).getBytes(StandardCharsets.UTF_8).length;
            positions.add(bytes);
        }
        content.append("tail");
        Files.writeString(file, content);
        FileStreamSourceTask task = start(file, new FakeSourceTaskContext());

        List<SourceRecord> records = pollUntil(task, expected.size());
        assertLines(expected, positions, records);
        assertNull(task.poll(), "the unterminated tail is not a line yet");
    }

    @Test
    void aLineLongerThanTheReadBufferIsEmittedWhole() throws Exception {
        Path file = dir.resolve("long.txt");
        String longLine = "x".repeat(50_000);
        Files.writeString(file, longLine + "\nshort\n");
        FileStreamSourceTask task = start(file, new FakeSourceTaskContext());

        List<SourceRecord> records = pollUntil(task, 2);
        assertEquals(List.of(longLine, "short"), values(records));
        assertEquals(50_007L, records.get(1).sourceOffset().get(FileStreamSourceTask.POSITION_FIELD));
    }

    @Test
    void aMissingFileIsWaitedForAndReadOnceCreated() throws Exception {
        Path file = dir.resolve("later.txt");
        FakeSourceTaskContext context = new FakeSourceTaskContext();
        FileStreamSourceTask task = start(file, context);

        assertNull(task.poll(), "nothing to read while the file does not exist");
        assertEquals(List.of(), context.lookups(), "offsets are looked up once the file is there");

        Files.writeString(file, "hello\n");
        assertLines(List.of("hello"), List.of(6L), task.poll());
    }

    @Test
    void aDirectoryFailsTheTaskWithAClearError() throws Exception {
        Path notAFile = Files.createDirectory(dir.resolve("folder"));
        FileStreamSourceTask task = start(notAFile, new FakeSourceTaskContext());

        ConnectException e = assertThrows(ConnectException.class, task::poll);
        assertTrue(e.getMessage().contains(notAFile.toString()) && e.getMessage().contains("directory"),
            "the error names the path and the problem: " + e.getMessage());
    }

    @Test
    void stopFromAnotherThreadEndsAPollThatWaitsForData() throws Exception {
        Path file = dir.resolve("idle.txt");
        Files.writeString(file, "");
        assertStopEndsWaitingPoll(file);
    }

    @Test
    void stopFromAnotherThreadEndsAPollThatWaitsForTheFile() throws Exception {
        assertStopEndsWaitingPoll(dir.resolve("never-created.txt"));
    }

    @Test
    void pollAfterStopReturnsNothingAtOnce() throws Exception {
        Path file = dir.resolve("stopped.txt");
        Files.writeString(file, "a\n");
        FileStreamSourceTask task = new FileStreamSourceTask(Duration.ofMinutes(5));
        task.initialize(new FakeSourceTaskContext());
        task.start(props(file, null));
        task.stop();

        assertNull(CompletableFuture.supplyAsync(() -> pollQuietly(task)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void standardInputRecordsHaveNoPositionAndStandardInputStaysOpen() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream stdin = new ByteArrayInputStream("x\ny\nz".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        InputStream original = System.in;
        System.setIn(stdin);
        try {
            FileStreamSourceTask task = new FileStreamSourceTask(SHORT_IDLE_WAIT);
            task.initialize(new FakeSourceTaskContext());
            task.start(Map.of(FileStreamSourceConnector.TOPIC_CONFIG, "events"));
            List<SourceRecord> records = task.poll();
            task.stop();

            assertEquals(List.of("x", "y"), values(records));
            assertEquals(Collections.singletonMap(FileStreamSourceTask.FILENAME_FIELD, null),
                records.get(0).sourcePartition());
            assertEquals(Collections.singletonMap(FileStreamSourceTask.POSITION_FIELD, null),
                records.get(0).sourceOffset());
            assertFalse(closed.get(), "standard input must stay open after stop()");
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void startRejectsAMissingTopicAndANonIntegerBatchSize() {
        Map<String, String> noTopic = Map.of(FileStreamSourceConnector.FILE_CONFIG, "/tmp/x");
        assertThrows(ConfigException.class, () -> new FileStreamSourceTask().start(noTopic));

        Map<String, String> badBatch = Map.of(FileStreamSourceConnector.FILE_CONFIG, "/tmp/x",
            FileStreamSourceConnector.TOPIC_CONFIG, "t", FileStreamSourceConnector.TASK_BATCH_SIZE_CONFIG, "many");
        assertThrows(ConfigException.class, () -> new FileStreamSourceTask().start(badBatch));
    }

    private void assertStopEndsWaitingPoll(Path file) throws Exception {
        FileStreamSourceTask task = new FileStreamSourceTask(Duration.ofMinutes(5));
        task.initialize(new FakeSourceTaskContext());
        task.start(props(file, null));
        AtomicReference<Thread> poller = new AtomicReference<>();
        CompletableFuture<List<SourceRecord>> poll = CompletableFuture.supplyAsync(() -> {
            poller.set(Thread.currentThread());
            return pollQuietly(task);
        });
        awaitCondition(() -> poller.get() != null && poller.get().getState() == Thread.State.TIMED_WAITING,
            "the poll should be waiting for data");

        task.stop();

        assertNull(poll.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "a stopped poll returns no records");
    }

    private FileStreamSourceTask start(Path file, FakeSourceTaskContext context) {
        return start(file, context, null);
    }

    private FileStreamSourceTask start(Path file, FakeSourceTaskContext context, String batchSize) {
        FileStreamSourceTask task = new FileStreamSourceTask(SHORT_IDLE_WAIT);
        task.initialize(context);
        task.start(props(file, batchSize));
        started.add(task);
        return task;
    }

    private static Map<String, String> props(Path file, String batchSize) {
        Map<String, String> props = new HashMap<>();
        props.put(FileStreamSourceConnector.FILE_CONFIG, file.toString());
        props.put(FileStreamSourceConnector.TOPIC_CONFIG, "events");
        props.put("name", "file-source-test");
        if (batchSize != null) {
            props.put(FileStreamSourceConnector.TASK_BATCH_SIZE_CONFIG, batchSize);
        }
        return props;
    }

    private static List<SourceRecord> pollUntil(FileStreamSourceTask task, int count) throws InterruptedException {
        List<SourceRecord> records = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            List<SourceRecord> batch = task.poll();
            if (batch != null) {
                records.addAll(batch);
            }
        }
        return records;
    }

    private static List<SourceRecord> pollQuietly(FileStreamSourceTask task) {
        try {
            return task.poll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitCondition(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out: " + what);
            Thread.sleep(5);
        }
    }

    private static void append(Path file, String text) throws IOException {
        Files.write(file, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    }

    private static List<String> values(List<SourceRecord> records) {
        assertTrue(records != null, "expected records but the poll returned null");
        return records.stream().map(r -> (String) r.value()).toList();
    }

    private static void assertLines(List<String> lines, List<Long> positions, List<SourceRecord> records) {
        assertEquals(lines, values(records), "line values");
        assertEquals(positions, records.stream()
            .map(r -> (Long) r.sourceOffset().get(FileStreamSourceTask.POSITION_FIELD)).toList(),
            "byte positions after each line");
    }
}
