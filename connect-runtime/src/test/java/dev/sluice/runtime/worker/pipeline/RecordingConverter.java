package dev.sluice.runtime.worker.pipeline;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.storage.Converter;

/** Remembers how it was configured. */
public class RecordingConverter implements Converter {

    Map<String, ?> settings;
    Boolean isKey;
    int closed;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.settings = Map.copyOf(configs);
        this.isKey = isKey;
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        return null;
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        return SchemaAndValue.NULL;
    }

    @Override
    public void close() {
        closed++;
    }
}
