package org.apache.kafka.connect.converters;

import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.connect.data.Schema;

/**
 * Converts long values (schema {@code OPTIONAL_INT64}) to and from the bytes of kafka-clients'
 * {@code LongSerializer}. Usable as a key, value or header converter.
 */
public class LongConverter extends NumberConverter<Long> {

    public LongConverter() {
        super("long", Schema.OPTIONAL_INT64_SCHEMA, new LongSerializer(), new LongDeserializer());
    }
}
