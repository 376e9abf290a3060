package org.apache.kafka.connect.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStreamSinkTaskTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    @Test
    void writesEachValueAsALineIncludingNullAndNonStringValues() throws Exception {
        Path file = dir.resolve("out.txt");
        FileStreamSinkTask task = startedOn(file);

        task.put(List.of(record("one", 0), record(null, 1), record(42, 2), record("é", 3)));
        task.flush(Map.of());

        assertEquals("one" + NL + "null" + NL + "42" + NL + "é" + NL, Files.readString(file, StandardCharsets.UTF_8));
        task.stop();
    }

    @Test
    void appendsToAnExistingFile() throws Exception {
        Path file = dir.resolve("existing.txt");
        Files.writeString(file, "earlier" + NL);
        FileStreamSinkTask task = startedOn(file);

        task.put(List.of(record("later", 0)));
        task.flush(Map.of());
        task.stop();

        assertEquals("earlier" + NL + "later" + NL, Files.readString(file));
    }

    @Test
    void linesAreInTheFileOnceFlushed() throws Exception {
        Path file = dir.resolve("flushed.txt");
        FileStreamSinkTask task = startedOn(file);

        List<SinkRecord> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(record("value-" + i, i));
        }
        task.put(many);
        task.flush(Map.of());

        assertEquals(1000, Files.readAllLines(file).size(), "all lines are in the file after flush");
        task.stop();
    }

    @Test
    void aPrintStreamGivenToTheConstructorReceivesTheLinesAndIsClosedOnStop() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(bytes, false, StandardCharsets.UTF_8);
        FileStreamSinkTask task = new FileStreamSinkTask(stream);

        task.put(List.of(record("a", 0), record("b", 1)));
        task.flush(Map.of());
        assertEquals("a" + NL + "b" + NL, bytes.toString(StandardCharsets.UTF_8));

        task.stop();
        stream.println("after stop");
        assertTrue(stream.checkError(), "stop() closes a stream other than standard output");
    }

    @Test
    void aPathThatCannotBeOpenedFailsStartWithTheFileName() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        FileStreamSinkTask task = new FileStreamSinkTask();

        ConnectException e = assertThrows(ConnectException.class,
            () -> task.start(Map.of(FileStreamSinkConnector.FILE_CONFIG, folder.toString())));
        assertTrue(e.getMessage().contains(folder.toString()), e.getMessage());
    }

    @Test
    void aFailedWriteIsReportedInsteadOfLost() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs /dev/full, a device on which every write fails with ENOSPC");
        FileStreamSinkTask task = startedOn(full);

        ConnectException e = assertThrows(ConnectException.class, () -> task.put(List.of(record("lost?", 0))));
        assertTrue(e.getMessage().contains("/dev/full"), e.getMessage());
        task.stop();
    }

    @Test
    void stopAndFlushBeforeStartDoNothing() {
        FileStreamSinkTask task = new FileStreamSinkTask();
        task.flush(Map.of());
        task.stop();
    }

    private FileStreamSinkTask startedOn(Path file) {
        FileStreamSinkTask task = new FileStreamSinkTask();
        task.start(Map.of(FileStreamSinkConnector.FILE_CONFIG, file.toString(), "name", "file-sink-test"));
        return task;
    }

    private static SinkRecord record(Object value, long offset) {
        Schema schema = value instanceof String ? Schema.STRING_SCHEMA : null;
        return new SinkRecord("topic", 0, null, null, schema, value, offset);
    }
}
