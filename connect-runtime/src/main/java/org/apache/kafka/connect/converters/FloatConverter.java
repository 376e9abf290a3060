package org.apache.kafka.connect.converters;

import org.apache.kafka.common.serialization.FloatDeserializer;
import org.apache.kafka.common.serialization.FloatSerializer;
import org.apache.kafka.connect.data.Schema;

/**
 * Converts float values (schema {@code OPTIONAL_FLOAT32}) to and from the bytes of kafka-clients'
 * {@code FloatSerializer}. Usable as a key, value or header converter.
 */
public class FloatConverter extends NumberConverter<Float> {

    public FloatConverter() {
        super("float", Schema.OPTIONAL_FLOAT32_SCHEMA, new FloatSerializer(), new FloatDeserializer());
    }
}
