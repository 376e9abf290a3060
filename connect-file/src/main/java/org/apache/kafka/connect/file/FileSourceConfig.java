package org.apache.kafka.connect.file;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The parsed configuration of {@link FileStreamSourceConnector} and its task: which file to read
 * ({@code null} for standard input), which topic to write to and how many records one poll may return.
 */
final class FileSourceConfig {

    private final String filename;
    private final String topic;
    private final int batchSize;

    private FileSourceConfig(String filename, String topic, int batchSize) {
        this.filename = filename;
        this.topic = topic;
        this.batchSize = batchSize;
    }

    /** A fresh definition of the source keys; the descriptions are those users see through the REST API. */
    static ConfigDef definition() {
        return new ConfigDef()
            .define(FileStreamSourceConnector.FILE_CONFIG, Type.STRING, null, Importance.HIGH,
                "Source filename. If not specified, the standard input will be used")
            .define(FileStreamSourceConnector.TOPIC_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                new ConfigDef.NonEmptyString(), Importance.HIGH, "The topic to publish data to")
            .define(FileStreamSourceConnector.TASK_BATCH_SIZE_CONFIG, Type.INT,
                FileStreamSourceConnector.DEFAULT_TASK_BATCH_SIZE, Importance.LOW,
                "The maximum number of records the source task can read from the file each time it is polled");
    }

    /**
     * Parses and validates the properties.
     *
     * @throws org.apache.kafka.common.config.ConfigException if the topic is missing or empty or
     *     {@code batch.size} is not an integer
     */
    static FileSourceConfig parse(Map<String, String> props) {
        AbstractConfig parsed = new AbstractConfig(definition(), props);
        String file = parsed.getString(FileStreamSourceConnector.FILE_CONFIG);
        return new FileSourceConfig(file == null || file.isEmpty() ? null : file,
            parsed.getString(FileStreamSourceConnector.TOPIC_CONFIG),
            parsed.getInt(FileStreamSourceConnector.TASK_BATCH_SIZE_CONFIG));
    }

    /** The file to read, or {@code null} when the source is standard input. */
    String filename() {
        return filename;
    }

    boolean readsStandardInput() {
        return filename == null;
    }

    String topic() {
        return topic;
    }

    /** The configured batch size; a value below one still lets each poll return one record. */
    int batchSize() {
        return Math.max(1, batchSize);
    }

    /** How log lines and errors name the input. */
    String inputName() {
        return filename == null ? "standard input" : filename;
    }
}
