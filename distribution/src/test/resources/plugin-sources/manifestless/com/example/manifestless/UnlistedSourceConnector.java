package com.example.manifestless;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * Test plugin compiled with {@code --release 11} against Apache's connect-api 4.3.1 and packaged without any
 * {@code META-INF/services} manifest, like plugins built before KIP-898: only scanning finds it. Its task sends
 * {@code unlisted-0} .. {@code unlisted-<count-1>}.
 */
public class UnlistedSourceConnector extends SourceConnector {

    static final ConfigDef CONFIG = new ConfigDef()
        .define("topic", Type.STRING, Importance.HIGH, "Topic the records go to")
        .define("count", Type.INT, 3, Importance.HIGH, "How many records to send");

    private Map<String, String> settings;

    @Override
    public String version() {
        return "1.0-manifestless";
    }

    @Override
    public void start(Map<String, String> props) {
        CONFIG.parse(props);
        settings = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return UnlistedSourceTask.class;
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
