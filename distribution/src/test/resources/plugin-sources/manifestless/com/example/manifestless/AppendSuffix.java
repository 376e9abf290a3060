package com.example.manifestless;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

/** Test SMT without a service manifest (see {@link UnlistedSourceConnector}): appends {@code suffix} to the value's text. */
public class AppendSuffix<R extends ConnectRecord<R>> implements Transformation<R> {

    private static final ConfigDef CONFIG = new ConfigDef()
        .define("suffix", Type.STRING, Importance.HIGH, "Text appended to the value");

    private String suffix;

    @Override
    public void configure(Map<String, ?> configs) {
        suffix = new AbstractConfig(CONFIG, configs).getString("suffix");
    }

    @Override
    public R apply(R record) {
        if (record.value() == null) {
            return record;
        }
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
            record.valueSchema(), record.value() + suffix, record.timestamp());
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void close() {
    }
}
