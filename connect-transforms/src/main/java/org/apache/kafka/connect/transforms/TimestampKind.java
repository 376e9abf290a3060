package org.apache.kafka.connect.transforms;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;

/**
 * The five representations of a point in time that {@link TimestampConverter} reads and writes, with
 * the name used in its {@code target.type} option and the Connect schema of each.
 */
enum TimestampKind {
    STRING("string", Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA),
    UNIX("unix", Schema.INT64_SCHEMA, Schema.OPTIONAL_INT64_SCHEMA),
    DATE("Date", Date.SCHEMA, Date.builder().optional().schema()),
    TIME("Time", Time.SCHEMA, Time.builder().optional().schema()),
    TIMESTAMP("Timestamp", Timestamp.SCHEMA, Timestamp.builder().optional().schema());

    final String configName;
    private final Schema requiredSchema;
    private final Schema optionalSchema;

    TimestampKind(String configName, Schema requiredSchema, Schema optionalSchema) {
        this.configName = configName;
        this.requiredSchema = requiredSchema;
        this.optionalSchema = optionalSchema;
    }

    /** The schema of values of this kind. */
    Schema schema(boolean optional) {
        return optional ? optionalSchema : requiredSchema;
    }

    /** The kind named by a {@code target.type} value (already validated by the config definition). */
    static TimestampKind forConfigName(String name) {
        for (TimestampKind kind : values()) {
            if (kind.configName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown timestamp type: " + name);
    }

    /** The kind that a schema describes: a logical type by name, else a string or a 64-bit integer. */
    static TimestampKind ofSchema(Schema schema) {
        String name = schema.name();
        if (Timestamp.LOGICAL_NAME.equals(name)) {
            return TIMESTAMP;
        }
        if (Date.LOGICAL_NAME.equals(name)) {
            return DATE;
        }
        if (Time.LOGICAL_NAME.equals(name)) {
            return TIME;
        }
        if (schema.type() == Schema.Type.STRING) {
            return STRING;
        }
        if (schema.type() == Schema.Type.INT64) {
            return UNIX;
        }
        throw new ConnectException("Schema " + schema + " does not correspond to a known timestamp type format");
    }

    /** The kind of a value that comes without a schema: any {@link java.util.Date} counts as a timestamp. */
    static TimestampKind ofValue(Object value) {
        if (value instanceof java.util.Date) {
            return TIMESTAMP;
        }
        if (value instanceof Long) {
            return UNIX;
        }
        if (value instanceof String) {
            return STRING;
        }
        throw new DataException("TimestampConverter does not support " + value.getClass() + " objects as timestamps");
    }
}
