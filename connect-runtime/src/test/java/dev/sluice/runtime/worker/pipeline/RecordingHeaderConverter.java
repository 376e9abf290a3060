package dev.sluice.runtime.worker.pipeline;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.storage.HeaderConverter;

/** Remembers how it was configured. */
public class RecordingHeaderConverter implements HeaderConverter {

    Map<String, ?> settings;
    int closed;

    @Override
    public void configure(Map<String, ?> configs) {
        this.settings = Map.copyOf(configs);
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        return SchemaAndValue.NULL;
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        return null;
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public void close() {
        closed++;
    }
}
