package dev.sluice.runtime.storage;

import java.util.Map;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

/**
 * The shape every source partition and source offset must have to be stored: a map with String keys whose
 * values are null or primitive Connect values (integers, floating point numbers, booleans, strings, bytes).
 * Nested maps, lists and structs are not allowed, because offsets are looked up by their exact serialized
 * bytes and must read back equal to what was written.
 */
public final class OffsetFormat {

    private OffsetFormat() {
    }

    /**
     * Checks a source partition or source offset.
     *
     * @param what how to name the value in the error, e.g. {@code "Source offset"}
     * @param value the value to check; null is allowed
     * @throws DataException naming the offending key or field if the value has the wrong shape
     */
    public static void validate(String what, Object value) {
        if (value == null) {
            return;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new DataException(what + " must be a Map with String keys, got " + value.getClass().getName());
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            validateEntry(what, entry.getKey(), entry.getValue());
        }
    }

    private static void validateEntry(String what, Object key, Object value) {
        if (!(key instanceof String field)) {
            throw new DataException(what + " may only use String keys, got key '" + key + "' of type "
                + (key == null ? "null" : key.getClass().getName()));
        }
        if (value == null) {
            return;
        }
        Schema.Type type = ConnectSchema.schemaType(value.getClass());
        if (type == null || !type.isPrimitive()) {
            throw new DataException(what + " field '" + field + "' must be null or a primitive value (integer, "
                + "floating point, boolean, string or bytes), got " + (type == null ? value.getClass().getName() : type
                + " (" + value.getClass().getName() + ")"));
        }
    }
}
