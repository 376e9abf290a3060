package dev.sluice.runtime.worker.pipeline;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.Transformation;

/** A transformation that fails on every record. */
public class Failing<R extends ConnectRecord<R>> implements Transformation<R> {

    @Override
    public R apply(R record) {
        throw new DataException("failing on purpose for topic " + record.topic());
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
}
