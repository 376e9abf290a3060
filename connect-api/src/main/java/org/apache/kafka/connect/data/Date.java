package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;

import java.util.Objects;

/**
 * The Date logical type: a calendar day without time of day, carried as an INT32 count of days since the Unix epoch
 * and represented in Java by a {@link java.util.Date} at midnight UTC of that day.
 */
public class Date {

    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Date";

    /** The required Date schema. */
    public static final Schema SCHEMA = builder().schema();

    static final long MILLIS_PER_DAY = 24L * 60 * 60 * 1000;

    /**
     * @return a builder of the Date schema, to which optional() or a default may still be added
     */
    public static SchemaBuilder builder() {
        return SchemaBuilder.int32().name(LOGICAL_NAME).version(1);
    }

    /**
     * @param schema a Date schema
     * @param value a date at midnight UTC
     * @return the number of days since the Unix epoch
     * @throws DataException if the schema is not a Date schema or the value is not at midnight UTC
     */
    public static int fromLogical(Schema schema, java.util.Date value) {
        checkSchema(schema);
        Objects.requireNonNull(value, "date must not be null");
        long millis = value.getTime();
        if (millis % MILLIS_PER_DAY != 0) {
            throw new DataException("Kafka Connect Date type should not have any time fields set to non-zero values.");
        }
        return (int) (millis / MILLIS_PER_DAY);
    }

    /**
     * @param schema a Date schema
     * @param value the number of days since the Unix epoch
     * @return the date at midnight UTC of that day
     * @throws DataException if the schema is not a Date schema
     */
    public static java.util.Date toLogical(Schema schema, int value) {
        checkSchema(schema);
        return new java.util.Date(value * MILLIS_PER_DAY);
    }

    private static void checkSchema(Schema schema) {
        if (!LOGICAL_NAME.equals(schema.name())) {
            throw new DataException("Requested conversion of Date object but the schema does not match.");
        }
    }
}
