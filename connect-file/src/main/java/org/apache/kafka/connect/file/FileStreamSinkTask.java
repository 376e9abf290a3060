package org.apache.kafka.connect.file;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends each record's value, as {@link String#valueOf(Object)} (so a null value is written as
 * {@code null}) followed by a line separator, to a file in UTF-8 or to standard output.
 *
 * <p>Lines reach the file at the end of every {@link #put(Collection)} and on {@link #flush(Map)}.
 * An existing file is appended to, a missing one is created. Standard output is never closed.
 */
public class FileStreamSinkTask extends SinkTask {

    // The worker puts the connector and task into every line (MDC connector.context), so no prefix of our own.
    private static final Logger log = LoggerFactory.getLogger(FileStreamSinkTask.class);
    private PrintStream output;
    private String outputName;
    /** Whether the task opened the output itself, and so reports write failures on it. */
    private boolean ownsOutput;

    /** Creates a task; the worker configures it through {@link #start(Map)}. */
    public FileStreamSinkTask() {
        this.outputName = "standard output";
    }

    /**
     * Creates a task that writes to {@code outputStream} until {@link #start(Map)} chooses the output
     * from its configuration; {@link #stop()} closes the stream unless it is standard output.
     */
    public FileStreamSinkTask(PrintStream outputStream) {
        this.output = outputStream;
        this.outputName = "the given print stream";
    }

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public void start(Map<String, String> props) {
        FileSinkConfig config = FileSinkConfig.parse(props);
        String filename = config.filename();
        if (filename == null) {
            output = System.out;
            outputName = "standard output";
            ownsOutput = false;
        } else {
            output = openForAppend(filename);
            outputName = filename;
            ownsOutput = true;
        }
        log.info("Appending record values to {}", outputName);
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        if (output == null) {
            throw new IllegalStateException("put() was called before start() chose an output");
        }
        for (SinkRecord record : records) {
            output.println(record.value());
        }
        log.trace("Wrote {} lines to {}", records.size(), outputName);
        flushOutput();
    }

    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        if (output != null) {
            log.trace("Flushing {}", outputName);
            flushOutput();
        }
    }

    @Override
    public void stop() {
        if (output != null && output != System.out) {
            output.close();
        }
        log.info("Stopped writing to {}", outputName);
    }

    private PrintStream openForAppend(String filename) {
        try {
            return new PrintStream(new BufferedOutputStream(Files.newOutputStream(Paths.get(filename),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)),
                false, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConnectException("Cannot open or create sink file '" + filename + "' for appending: " + e, e);
        }
    }

    /** Pushes buffered lines out; a PrintStream hides write errors, so they are checked here. */
    private void flushOutput() {
        if (!ownsOutput) {
            output.flush();
        } else if (output.checkError()) {
            throw new ConnectException("Failed to write to sink file '" + outputName
                + "' (disk full, file removed or permissions changed?)");
        }
    }
}
