package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;

import java.util.Objects;

/**
 * The Time logical type: a time of day without date, carried as an INT32 count of milliseconds since midnight and
 * represented in Java by a {@link java.util.Date} on the Unix epoch day (1970-01-01, UTC).
 */
public class Time {

    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Time";

    /** The required Time schema. */
    public static final Schema SCHEMA = builder().schema();

    /**
     * @return a builder of the Time schema, to which optional() or a default may still be added
     */
    public static SchemaBuilder builder() {
        return SchemaBuilder.int32().name(LOGICAL_NAME).version(1);
    }

    /**
     * @param schema a Time schema
     * @param value a time on the Unix epoch day
     * @return the number of milliseconds since midnight
     * @throws DataException if the schema is not a Time schema or the value is not within the epoch day
     */
    public static int fromLogical(Schema schema, java.util.Date value) {
        if (!LOGICAL_NAME.equals(schema.name())) {
            throw new DataException("Requested conversion of Time object but the schema does not match.");
        }
        Objects.requireNonNull(value, "date must not be null");
        long millis = value.getTime();
        if (millis < 0 || millis > Date.MILLIS_PER_DAY) {
            throw new DataException("Kafka Connect Time type should not have any date fields set to non-zero values.");
        }
        return (int) millis;
    }

    /**
     * @param schema a Time schema
     * @param value the number of milliseconds since midnight, from 0 to 86400000
     * @return the time on the Unix epoch day
     * @throws DataException if the schema is not a Time schema or the value is out of range
     */
    public static java.util.Date toLogical(Schema schema, int value) {
        if (!LOGICAL_NAME.equals(schema.name())) {
            // Apache's message names "Date" here; kept identical for callers that match on it.
            throw new DataException("Requested conversion of Date object but the schema does not match.");
        }
        if (value < 0 || value > Date.MILLIS_PER_DAY) {
            throw new DataException("Time values must use number of milliseconds greater than 0 and less than 86400000");
        }
        return new java.util.Date(value);
    }
}
