package com.example.modern;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Test plugin compiled with {@code --release 17} against Apache's connect-api 4.3.1: one task that appends the
 * value of every record it receives as one line to {@code file}.
 */
public class LineFileSinkConnector extends SinkConnector {

    static final ConfigDef CONFIG = new ConfigDef()
        .define("file", Type.STRING, Importance.HIGH, "File the values are appended to, one per line");

    private Map<String, String> settings;

    @Override
    public String version() {
        return "1.0-modern";
    }

    @Override
    public void start(Map<String, String> props) {
        CONFIG.parse(props);
        settings = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return LineFileSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(settings);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }
}
