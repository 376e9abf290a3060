package org.apache.kafka.connect.converters;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.BooleanDeserializer;
import org.apache.kafka.common.serialization.BooleanSerializer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;

/**
 * Converts booleans to one byte (1 for true, 0 for false) and back, with schema
 * {@code OPTIONAL_BOOLEAN}. Usable as a key, value or header converter; null converts to null.
 */
public class BooleanConverter implements Converter, HeaderConverter {

    private final BooleanSerializer serializer = new BooleanSerializer();
    private final BooleanDeserializer deserializer = new BooleanDeserializer();

    public BooleanConverter() {
    }

    @Override
    public ConfigDef config() {
        return BooleanConverterConfig.configDef();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // Validates converter.type; the boolean serde has no settings of its own.
        new BooleanConverterConfig(configs);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        configure(ConverterTypes.withType(configs, isKey));
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        if (schema != null && schema.type() != Schema.Type.BOOLEAN) {
            throw new DataException("Invalid schema type for BooleanConverter: " + schema.type()
                + "; it converts only BOOLEAN values");
        }
        if (value != null && !(value instanceof Boolean)) {
            throw new DataException("BooleanConverter is not compatible with objects of type " + value.getClass());
        }
        return serializer.serialize(topic, (Boolean) value);
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        try {
            return new SchemaAndValue(Schema.OPTIONAL_BOOLEAN_SCHEMA, deserializer.deserialize(topic, value));
        } catch (SerializationException e) {
            throw new DataException("Failed to deserialize boolean: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        return fromConnectData(topic, schema, value);
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        return toConnectData(topic, value);
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }
}
