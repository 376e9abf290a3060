package org.apache.kafka.connect.converters;

import org.apache.kafka.common.serialization.ShortDeserializer;
import org.apache.kafka.common.serialization.ShortSerializer;
import org.apache.kafka.connect.data.Schema;

/**
 * Converts short values (schema {@code OPTIONAL_INT16}) to and from the bytes of kafka-clients'
 * {@code ShortSerializer}. Usable as a key, value or header converter.
 */
public class ShortConverter extends NumberConverter<Short> {

    public ShortConverter() {
        super("short", Schema.OPTIONAL_INT16_SCHEMA, new ShortSerializer(), new ShortDeserializer());
    }
}
