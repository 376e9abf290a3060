package com.example.legacy;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * Test plugin compiled with {@code --release 8} against Apache's connect-api 3.0.0: one task that sends the
 * records {@code <prefix>-0} .. {@code <prefix>-<count-1>} to {@code topic}.
 */
public class CountingSourceConnector extends SourceConnector {

    static final ConfigDef CONFIG = new ConfigDef()
        .define("topic", Type.STRING, Importance.HIGH, "Topic the records go to")
        .define("count", Type.INT, 10, Importance.HIGH, "How many records to send")
        .define("prefix", Type.STRING, "legacy", Importance.LOW, "Text before each record's number");

    private Map<String, String> settings;

    @Override
    public String version() {
        return "1.0-legacy";
    }

    @Override
    public void start(Map<String, String> props) {
        CONFIG.parse(props); // fails the connector on a bad config, as a real plugin would
        settings = new HashMap<String, String>(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return CountingSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.singletonList(settings);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }
}
