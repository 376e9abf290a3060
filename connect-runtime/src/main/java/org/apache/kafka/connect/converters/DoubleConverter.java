package org.apache.kafka.connect.converters;

import org.apache.kafka.common.serialization.DoubleDeserializer;
import org.apache.kafka.common.serialization.DoubleSerializer;
import org.apache.kafka.connect.data.Schema;

/**
 * Converts double values (schema {@code OPTIONAL_FLOAT64}) to and from the bytes of kafka-clients'
 * {@code DoubleSerializer}. Usable as a key, value or header converter.
 */
public class DoubleConverter extends NumberConverter<Double> {

    public DoubleConverter() {
        super("double", Schema.OPTIONAL_FLOAT64_SCHEMA, new DoubleSerializer(), new DoubleDeserializer());
    }
}
