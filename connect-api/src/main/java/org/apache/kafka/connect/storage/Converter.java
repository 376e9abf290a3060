package org.apache.kafka.connect.storage;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.connect.components.ConnectPlugin;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;

/**
 * Converts record keys or values between Connect's data model and the bytes stored in Kafka. The
 * worker creates one converter for keys and one for values per connector.
 */
public interface Converter extends Closeable, ConnectPlugin {

    /**
     * Configures the converter.
     *
     * @param configs the converter's properties, without the {@code key.converter.} or
     *     {@code value.converter.} prefix
     * @param isKey whether the converter converts keys (true) or values (false)
     */
    void configure(Map<String, ?> configs, boolean isKey);

    /**
     * Serializes a Connect value.
     *
     * @param topic the topic the data goes to
     * @param schema the value's schema, or null
     * @param value the value
     * @return the serialized bytes
     */
    byte[] fromConnectData(String topic, Schema schema, Object value);

    /**
     * Serializes a Connect value, with access to the Kafka record headers (for instance to write a
     * schema id there). The default ignores the headers.
     *
     * @param topic the topic the data goes to
     * @param headers the Kafka headers of the record being produced
     * @param schema the value's schema, or null
     * @param value the value
     * @return the serialized bytes
     */
    default byte[] fromConnectData(String topic, Headers headers, Schema schema, Object value) {
        return fromConnectData(topic, schema, value);
    }

    /**
     * Deserializes bytes read from Kafka.
     *
     * @param topic the topic the data came from
     * @param value the bytes, possibly null
     * @return the schema and value
     */
    SchemaAndValue toConnectData(String topic, byte[] value);

    /**
     * Deserializes bytes read from Kafka, with access to the Kafka record headers. The default
     * ignores the headers.
     *
     * @param topic the topic the data came from
     * @param headers the Kafka headers of the consumed record
     * @param value the bytes, possibly null
     * @return the schema and value
     */
    default SchemaAndValue toConnectData(String topic, Headers headers, byte[] value) {
        return toConnectData(topic, value);
    }

    /**
     * Returns the configuration the converter accepts; none by default.
     *
     * @return an empty configuration definition unless overridden
     */
    @Override
    default ConfigDef config() {
        return new ConfigDef();
    }

    /**
     * Releases resources. The default has none to release.
     *
     * @throws IOException if releasing fails
     */
    @Override
    default void close() throws IOException {
    }

    /**
     * Returns the converter's version; converters that do not say report {@code "undefined"}, as Apache does.
     *
     * @return the version
     */
    @Override
    default String version() {
        return "undefined";
    }
}
