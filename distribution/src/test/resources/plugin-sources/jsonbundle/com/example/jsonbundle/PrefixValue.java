package com.example.jsonbundle;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Test SMT compiled with {@code --release 17} against Apache's connect-api 4.3.1 and shipped beside an old
 * connect-json jar whose {@code JsonConverter} cannot link against a 4.x runtime: it must keep working although
 * its neighbour is skipped. Puts {@code prefix} before the value's text.
 */
public class PrefixValue<R extends ConnectRecord<R>> implements Transformation<R> {

    private static final ConfigDef CONFIG = new ConfigDef()
        .define("prefix", Type.STRING, Importance.HIGH, "Text put before the value");

    private String prefix;

    @Override
    public void configure(Map<String, ?> configs) {
        prefix = new AbstractConfig(CONFIG, configs).getString("prefix");
    }

    @Override
    public R apply(R record) {
        if (record.value() == null) {
            return record;
        }
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
            record.valueSchema(), prefix + record.value(), record.timestamp());
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void close() {
    }
}
