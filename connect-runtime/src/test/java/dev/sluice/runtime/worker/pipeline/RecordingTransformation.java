package dev.sluice.runtime.worker.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

/** Appends its 'suffix' setting to the topic and records how it was called. */
public class RecordingTransformation<R extends ConnectRecord<R>> implements Transformation<R> {

    final List<Map<String, ?>> configurations = new ArrayList<>();
    final List<ClassLoader> contextLoadersSeen = new ArrayList<>();
    int closed;
    private String suffix = "";

    @Override
    public void configure(Map<String, ?> configs) {
        configurations.add(Map.copyOf(configs));
        Object configured = configs.get("suffix");
        suffix = configured == null ? "" : configured.toString();
    }

    @Override
    public R apply(R record) {
        contextLoadersSeen.add(Thread.currentThread().getContextClassLoader());
        return record.newRecord(record.topic() + suffix, record.kafkaPartition(), record.keySchema(), record.key(),
            record.valueSchema(), record.value(), record.timestamp());
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef().define("suffix", ConfigDef.Type.STRING, "", ConfigDef.Importance.LOW, "topic suffix");
    }

    @Override
    public void close() {
        closed++;
    }
}
