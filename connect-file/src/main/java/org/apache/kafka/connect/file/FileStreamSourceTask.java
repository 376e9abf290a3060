package org.apache.kafka.connect.file;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a file (or standard input) line by line as it grows and turns each line into a record with
 * a string value.
 *
 * <p>The source partition of every record is {@code {"filename": <file>}} and its source offset is
 * {@code {"position": <byte position just after the line>}}. On its first poll the task opens the file,
 * looks up the last committed offset and continues exactly there, so a restart neither repeats nor
 * skips a line. A line counts only once its terminator ({@code \n}, {@code \r\n} or {@code \r}) has
 * been written. While the file does not exist yet, or has no new complete line, a poll waits up to a
 * second and returns {@code null}; {@link #stop()} ends such a wait at once.
 */
public class FileStreamSourceTask extends SourceTask {

    /** Key of the source partition that holds the file name. */
    public static final String FILENAME_FIELD = "filename";
    /** Key of the source offset that holds the byte position after the last line emitted. */
    public static final String POSITION_FIELD = "position";

    private static final Duration DEFAULT_IDLE_WAIT = Duration.ofSeconds(1);

    private final long idleWaitNanos;
    /** Guards the input and the stop flag; a waiting poll releases it so that stop() can proceed. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopRequested = lock.newCondition();

    // The worker puts the connector and task into every line (MDC connector.context), so no prefix of our own.
    private static final Logger log = LoggerFactory.getLogger(FileStreamSourceTask.class);
    private FileSourceConfig config;
    private Map<String, Object> sourcePartition;
    private SourceInput input;
    /** The file while it is open but not yet at the committed position. */
    private SourceInput.FileInput unpositioned;
    private LineBuffer lines;
    private boolean stopped;
    private boolean reportedMissingFile;
    private boolean reportedShortFile;
    private long resumePosition = -1;

    /** Creates a task; the worker configures it through {@link #start(Map)}. */
    public FileStreamSourceTask() {
        this(DEFAULT_IDLE_WAIT);
    }

    /** Creates a task that waits at most {@code idleWait} in a poll that finds no new line. */
    FileStreamSourceTask(Duration idleWait) {
        this.idleWaitNanos = idleWait.toNanos();
    }

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public void start(Map<String, String> props) {
        FileSourceConfig parsed = FileSourceConfig.parse(props);
        lock.lock();
        try {
            config = parsed;
            sourcePartition = SourceOffsetFormat.partition(parsed.filename());
            stopped = false;
            reportedMissingFile = false;
            reportedShortFile = false;
            resumePosition = -1;
            closeInput();
            if (parsed.readsStandardInput()) {
                input = SourceInput.standardInput(System.in);
                lines = new LineBuffer(0);
            }
        } finally {
            lock.unlock();
        }
        log.info("Reading lines from {} into topic '{}', at most {} records per poll",
            parsed.inputName(), parsed.topic(), parsed.batchSize());
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        lock.lock();
        try {
            if (stopped || config == null) {
                return null;
            }
            List<SourceRecord> records = lines == null && !openInput() ? null : readBatch();
            if (records == null) {
                awaitNewData();
            }
            return records;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void stop() {
        lock.lock();
        try {
            stopped = true;
            stopRequested.signalAll();
            closeInput();
        } finally {
            lock.unlock();
        }
        log.info("Stopped reading {}", config == null ? "(never started)" : config.inputName());
    }

    /**
     * Opens the file and moves to the committed position. Returns false, to be retried on the next
     * poll, while the file does not exist or is still shorter than that position.
     */
    private boolean openInput() {
        String filename = config.filename();
        try {
            if (unpositioned == null) {
                unpositioned = openFile(filename);
                if (unpositioned == null) {
                    return false;
                }
            }
            if (resumePosition < 0) {
                Map<String, Object> stored = context.offsetStorageReader().offset(sourcePartition);
                resumePosition = SourceOffsetFormat.resumePosition(stored, filename);
            }
            if (!unpositioned.seek(resumePosition)) {
                if (!reportedShortFile) {
                    log.warn("File {} is shorter than the committed position {}; waiting for it to grow",
                        filename, resumePosition);
                    reportedShortFile = true;
                }
                return false;
            }
        } catch (IOException e) {
            throw new ConnectException("Cannot read source file '" + filename + "': " + e, e);
        }
        input = unpositioned;
        unpositioned = null;
        lines = new LineBuffer(resumePosition);
        log.info("Opened {}, reading from byte position {}", filename, resumePosition);
        return true;
    }

    private SourceInput.FileInput openFile(String filename) throws IOException {
        Path path = Paths.get(filename);
        if (Files.isDirectory(path)) {
            throw new ConnectException("Cannot read source file '" + filename
                + "': it is a directory; set '" + FileStreamSourceConnector.FILE_CONFIG + "' to a regular file");
        }
        try {
            SourceInput.FileInput opened = SourceInput.openFile(path);
            reportedMissingFile = false;
            return opened;
        } catch (NoSuchFileException e) {
            if (!reportedMissingFile) {
                log.warn("File {} does not exist; waiting for it to be created", filename);
                reportedMissingFile = true;
            }
            return null;
        } catch (AccessDeniedException e) {
            throw new ConnectException("Cannot read source file '" + filename
                + "': permission denied for the worker's user", e);
        }
    }

    /** The complete lines available now, at most a batch of them, or {@code null} if there are none. */
    private List<SourceRecord> readBatch() {
        int batchSize = config.batchSize();
        List<SourceRecord> records = null;
        try {
            while (records == null || records.size() < batchSize) {
                LineBuffer.Line line = lines.nextLine();
                if (line == null) {
                    if (lines.readFrom(input) == 0) {
                        break;
                    }
                    continue;
                }
                if (records == null) {
                    records = new ArrayList<>();
                }
                records.add(toRecord(line));
            }
        } catch (IOException e) {
            throw new ConnectException("Failed to read from " + config.inputName() + ": " + e, e);
        }
        if (records != null) {
            log.trace("Read {} lines from {}", records.size(), config.inputName());
        }
        return records;
    }

    private SourceRecord toRecord(LineBuffer.Line line) {
        Long position = config.readsStandardInput() ? null : line.endPosition();
        return new SourceRecord(sourcePartition, SourceOffsetFormat.offset(position), config.topic(), null,
            null, null, Schema.STRING_SCHEMA, line.text(), System.currentTimeMillis());
    }

    /** Waits (releasing the lock) until the idle wait has passed or stop() is called. */
    private void awaitNewData() throws InterruptedException {
        long remaining = idleWaitNanos;
        while (!stopped && remaining > 0) {
            remaining = stopRequested.awaitNanos(remaining);
        }
    }

    private void closeInput() {
        close(unpositioned);
        close(input);
        unpositioned = null;
        input = null;
        lines = null;
    }

    private void close(SourceInput toClose) {
        if (toClose == null) {
            return;
        }
        try {
            toClose.close();
        } catch (IOException e) {
            log.warn("Failed to close the source input", e);
        }
    }
}
