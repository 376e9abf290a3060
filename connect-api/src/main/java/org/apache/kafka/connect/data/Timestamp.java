package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;

/**
 * The Timestamp logical type: an instant, carried as an INT64 count of milliseconds since the Unix epoch and
 * represented in Java by a {@link java.util.Date}.
 */
public class Timestamp {

    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Timestamp";

    /** The required Timestamp schema. */
    public static final Schema SCHEMA = builder().schema();

    /**
     * @return a builder of the Timestamp schema, to which optional() or a default may still be added
     */
    public static SchemaBuilder builder() {
        return SchemaBuilder.int64().name(LOGICAL_NAME).version(1);
    }

    /**
     * @param schema a Timestamp schema
     * @param value the instant
     * @return the number of milliseconds since the Unix epoch
     * @throws DataException if the schema is not a Timestamp schema
     */
    public static long fromLogical(Schema schema, java.util.Date value) {
        checkSchema(schema);
        return value.getTime();
    }

    /**
     * @param schema a Timestamp schema
     * @param value the number of milliseconds since the Unix epoch
     * @return the instant
     * @throws DataException if the schema is not a Timestamp schema
     */
    public static java.util.Date toLogical(Schema schema, long value) {
        checkSchema(schema);
        return new java.util.Date(value);
    }

    private static void checkSchema(Schema schema) {
        if (!LOGICAL_NAME.equals(schema.name())) {
            throw new DataException("Requested conversion of Timestamp object but the schema does not match.");
        }
    }
}
