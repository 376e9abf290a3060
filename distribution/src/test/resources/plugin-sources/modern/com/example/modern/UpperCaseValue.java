package com.example.modern;

import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

/** Test SMT compiled with {@code --release 17} against Apache's connect-api 4.3.1: upper-cases the value's text. */
public class UpperCaseValue<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    @Override
    public R apply(R record) {
        if (record.value() == null) {
            return record;
        }
        String upper = record.value().toString().toUpperCase(Locale.ROOT);
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
            record.valueSchema(), upper, record.timestamp());
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void close() {
    }

    @Override
    public String version() {
        return "1.0-modern";
    }
}
