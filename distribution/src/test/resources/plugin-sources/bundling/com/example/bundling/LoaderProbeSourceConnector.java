package com.example.bundling;

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
 * Test plugin compiled with {@code --release 8} against Apache's connect-api 3.0.0 and shipped, as Debezium ships
 * its connectors, beside its own copies of the kafka-clients and connect-api jars. Its task reports in record
 * headers which copy of the Kafka classes it actually linked against.
 */
public class LoaderProbeSourceConnector extends SourceConnector {

    static final ConfigDef CONFIG = new ConfigDef()
        .define("topic", Type.STRING, Importance.HIGH, "Topic the records go to")
        .define("count", Type.INT, 3, Importance.HIGH, "How many records to send");

    private Map<String, String> settings;

    @Override
    public String version() {
        return "1.0-bundling";
    }

    @Override
    public void start(Map<String, String> props) {
        CONFIG.parse(props);
        settings = new HashMap<String, String>(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return LoaderProbeSourceTask.class;
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
