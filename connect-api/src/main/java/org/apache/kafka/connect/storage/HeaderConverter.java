package org.apache.kafka.connect.storage;

import java.io.Closeable;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.connect.components.ConnectPlugin;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;

/**
 * Converts header values between Connect's data model and the bytes of Kafka record headers.
 */
public interface HeaderConverter extends Configurable, Closeable, ConnectPlugin {

    /**
     * Deserializes one header value.
     *
     * @param topic the topic of the record
     * @param headerKey the header's key
     * @param value the header's bytes, possibly null
     * @return the schema and value
     */
    SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value);

    /**
     * Serializes one header value.
     *
     * @param topic the topic of the record
     * @param headerKey the header's key
     * @param schema the value's schema, or null
     * @param value the value
     * @return the bytes, or null for a null value
     */
    byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value);

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
