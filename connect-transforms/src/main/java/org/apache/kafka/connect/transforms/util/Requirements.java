package org.apache.kafka.connect.transforms.util;

import java.util.Map;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Checks that transforms make on a record's key or value before working on it; each failure is a
 * {@link DataException} that names the purpose (usually the transform's name) and what was found.
 */
public class Requirements {

    public Requirements() {
    }

    /** Fails unless a schema is present. */
    public static void requireSchema(Schema schema, String purpose) {
        if (schema == null) {
            throw new DataException("Schema required for [" + purpose + "]");
        }
    }

    /** The value as a map with string keys; fails for anything else, null included. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> requireMap(Object value, String purpose) {
        if (!(value instanceof Map)) {
            throw new DataException("Only Map objects supported in absence of schema for [" + purpose + "], found: "
                + className(value));
        }
        return (Map<String, Object>) value;
    }

    /** Like {@link #requireMap} but lets null through. */
    public static Map<String, Object> requireMapOrNull(Object value, String purpose) {
        return value == null ? null : requireMap(value, purpose);
    }

    /** The value as a struct; fails for anything else, null included. */
    public static Struct requireStruct(Object value, String purpose) {
        if (!(value instanceof Struct)) {
            throw new DataException("Only Struct objects supported for [" + purpose + "], found: " + className(value));
        }
        return (Struct) value;
    }

    /** Like {@link #requireStruct} but lets null through. */
    public static Struct requireStructOrNull(Object value, String purpose) {
        return value == null ? null : requireStruct(value, purpose);
    }

    /** The record as a sink record; transforms that read Kafka offsets need one. */
    public static SinkRecord requireSinkRecord(ConnectRecord<?> record, String purpose) {
        if (!(record instanceof SinkRecord)) {
            throw new DataException("Only SinkRecord supported for [" + purpose + "], found: " + className(record));
        }
        return (SinkRecord) record;
    }

    private static String className(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
