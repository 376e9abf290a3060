package org.apache.kafka.connect.file;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source connector that publishes the lines of a file (or of standard input) to one topic, one
 * record per line, through a single {@link FileStreamSourceTask}.
 *
 * <p>Configuration: {@value #FILE_CONFIG} (the file; standard input when unset), {@value #TOPIC_CONFIG}
 * (required) and {@value #TASK_BATCH_SIZE_CONFIG} (records per poll, default
 * {@value #DEFAULT_TASK_BATCH_SIZE}). Reading a file supports exactly-once delivery, since its offsets
 * are byte positions; standard input does not.
 */
public class FileStreamSourceConnector extends SourceConnector {

    /** The topic the records are written to. */
    public static final String TOPIC_CONFIG = "topic";
    /** The file to read; standard input when unset or empty. */
    public static final String FILE_CONFIG = "file";
    /** The largest number of records one poll of the task returns. */
    public static final String TASK_BATCH_SIZE_CONFIG = "batch.size";
    /** Default of {@link #TASK_BATCH_SIZE_CONFIG}. */
    public static final int DEFAULT_TASK_BATCH_SIZE = 2000;

    // The worker puts the connector and task into every line (MDC connector.context), so no prefix of our own.
    private static final Logger log = LoggerFactory.getLogger(FileStreamSourceConnector.class);
    private Map<String, String> props;

    /** Creates the connector; the worker configures it through {@link #start(Map)}. */
    public FileStreamSourceConnector() {
    }

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public void start(Map<String, String> props) {
        FileSourceConfig config = FileSourceConfig.parse(props);
        this.props = new HashMap<>(props);
        log.info("Starting: reading {} into topic '{}'", config.inputName(), config.topic());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return FileStreamSourceTask.class;
    }

    /** One task, whatever {@code maxTasks} allows: a file is read by one reader. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(1);
        configs.add(new HashMap<>(props));
        return configs;
    }

    @Override
    public void stop() {
        log.info("Stopped");
    }

    @Override
    public ConfigDef config() {
        return FileSourceConfig.definition();
    }

    /** Supported when a file is configured: its byte positions make replays exact. Not for standard input. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return FileSourceConfig.parse(connectorConfig).readsStandardInput()
            ? ExactlyOnceSupport.UNSUPPORTED
            : ExactlyOnceSupport.SUPPORTED;
    }

    /**
     * Accepts offsets of the shape the task writes ({@code {"filename": ...}} to {@code {"position": <long>}})
     * and tombstones; whether a position fits the file is found out when the task resumes there.
     *
     * @throws ConnectException if the connector reads standard input, which has no offsets, or an
     *     offset has the wrong shape
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        Objects.requireNonNull(offsets, "offsets");
        if (FileSourceConfig.parse(connectorConfig).readsStandardInput()) {
            throw new ConnectException("Offsets cannot be altered while '" + FILE_CONFIG
                + "' is unset: the connector then reads standard input, whose offsets are not tracked");
        }
        SourceOffsetFormat.validateAlteredOffsets(offsets);
        return true;
    }
}
