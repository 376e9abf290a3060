package org.apache.kafka.connect.converters;

import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.connect.data.Schema;

/**
 * Converts integer values (schema {@code OPTIONAL_INT32}) to and from the bytes of kafka-clients'
 * {@code IntegerSerializer}. Usable as a key, value or header converter.
 */
public class IntegerConverter extends NumberConverter<Integer> {

    public IntegerConverter() {
        super("integer", Schema.OPTIONAL_INT32_SCHEMA, new IntegerSerializer(), new IntegerDeserializer());
    }
}
