package org.apache.kafka.connect.file;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The parsed configuration of {@link FileStreamSinkConnector} and its task: the file to append to. */
final class FileSinkConfig {

    private final String filename;

    private FileSinkConfig(String filename) {
        this.filename = filename;
    }

    /** A fresh definition of the sink keys; the description is the one users see through the REST API. */
    static ConfigDef definition() {
        return new ConfigDef()
            .define(FileStreamSinkConnector.FILE_CONFIG, Type.STRING, null, Importance.HIGH,
                "Destination filename. If not specified, the standard output will be used");
    }

    /** Parses the properties; an absent or blank file means standard output. */
    static FileSinkConfig parse(Map<String, String> props) {
        String file = new AbstractConfig(definition(), props).getString(FileStreamSinkConnector.FILE_CONFIG);
        return new FileSinkConfig(file == null || file.isEmpty() ? null : file);
    }

    /** The file to append to, or {@code null} for standard output. */
    String filename() {
        return filename;
    }
}
