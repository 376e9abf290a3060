package com.example.legacy;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Test SMT compiled with {@code --release 8} against Apache's connect-api 3.0.0: puts {@code left} before and
 * {@code right} after the value's text.
 */
public class WrapValue<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    private static final ConfigDef CONFIG = new ConfigDef()
        .define("left", Type.STRING, "[", Importance.MEDIUM, "Text put before the value")
        .define("right", Type.STRING, "]", Importance.MEDIUM, "Text put after the value");

    private String left;
    private String right;

    @Override
    public void configure(Map<String, ?> configs) {
        AbstractConfig config = new AbstractConfig(CONFIG, configs);
        left = config.getString("left");
        right = config.getString("right");
    }

    @Override
    public R apply(R record) {
        if (record.value() == null) {
            return record;
        }
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
            record.valueSchema(), left + record.value() + right, record.timestamp());
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void close() {
    }

    @Override
    public String version() {
        return "1.0-legacy";
    }
}
