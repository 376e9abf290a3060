package org.apache.kafka.connect.file;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sink connector that appends the value of every record it consumes, as text, to a file (or to
 * standard output when {@value #FILE_CONFIG} is unset), one line per record, through
 * {@link FileStreamSinkTask}s.
 */
public class FileStreamSinkConnector extends SinkConnector {

    /** The file to append to; standard output when unset or empty. */
    public static final String FILE_CONFIG = "file";

    // The worker puts the connector and task into every line (MDC connector.context), so no prefix of our own.
    private static final Logger log = LoggerFactory.getLogger(FileStreamSinkConnector.class);
    private Map<String, String> props;

    /** Creates the connector; the worker configures it through {@link #start(Map)}. */
    public FileStreamSinkConnector() {
    }

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public void start(Map<String, String> props) {
        FileSinkConfig config = FileSinkConfig.parse(props);
        this.props = new HashMap<>(props);
        log.info("Starting: appending record values to {}",
            config.filename() == null ? "standard output" : config.filename());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return FileStreamSinkTask.class;
    }

    /** {@code maxTasks} identical task configurations. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(Math.max(0, maxTasks));
        for (int i = 0; i < maxTasks; i++) {
            configs.add(new HashMap<>(props));
        }
        return configs;
    }

    @Override
    public void stop() {
        log.info("Stopped");
    }

    @Override
    public ConfigDef config() {
        return FileSinkConfig.definition();
    }

    /** Any offsets are accepted: the consumer group holds them and the file does not depend on them. */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<TopicPartition, Long> offsets) {
        return true;
    }
}
