package dev.sluice.runtime.worker.pipeline;

import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.storage.Converter;

/** A converter whose output is the Kafka header 'origin' it is given; proves the header-aware calls are used. */
public class HeaderEchoConverter implements Converter {

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        throw new UnsupportedOperationException("the pipeline must call the header-aware method");
    }

    @Override
    public byte[] fromConnectData(String topic, Headers headers, Schema schema, Object value) {
        Header origin = headers.lastHeader("origin");
        return origin == null ? null : origin.value();
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        throw new UnsupportedOperationException("the pipeline must call the header-aware method");
    }

    @Override
    public SchemaAndValue toConnectData(String topic, Headers headers, byte[] value) {
        Header origin = headers.lastHeader("origin");
        return new SchemaAndValue(Schema.OPTIONAL_BYTES_SCHEMA, origin == null ? null : origin.value());
    }
}
