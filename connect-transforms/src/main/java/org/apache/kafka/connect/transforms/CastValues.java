package org.apache.kafka.connect.transforms;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.data.Values;
import org.apache.kafka.connect.errors.DataException;

/**
 * Value conversions of the Cast transform. Numbers narrow and widen as Java casts do, booleans are
 * 1/0 as numbers, strings are parsed by the target type's Java parser, and anything becomes text.
 * Date, Time and Timestamp values are first encoded to their numeric form unless cast to a string.
 */
final class CastValues {

    static final Set<Schema.Type> INPUT_TYPES = Collections.unmodifiableSet(EnumSet.of(
        Schema.Type.INT8, Schema.Type.INT16, Schema.Type.INT32, Schema.Type.INT64,
        Schema.Type.FLOAT32, Schema.Type.FLOAT64, Schema.Type.BOOLEAN, Schema.Type.STRING, Schema.Type.BYTES));

    private CastValues() {
    }

    /**
     * Casts {@code value} to the Java type of {@code target}; null stays null.
     *
     * @param schema the value's schema, or null for schemaless data (the type is then inferred)
     */
    static Object cast(Schema schema, Object value, Schema.Type target) {
        if (value == null) {
            return null;
        }
        Schema.Type source = schema != null ? schema.type() : ConnectSchema.schemaType(value.getClass());
        if (source == null) {
            throw new DataException("Cast transformation was passed a value of type " + value.getClass()
                + " which is not supported by Connect's data API");
        }
        if (!INPUT_TYPES.contains(source)) {
            throw new DataException("Cast transformation does not support casting from " + source
                + "; supported types are " + INPUT_TYPES);
        }
        if (target == Schema.Type.STRING) {
            return toText(value);
        }
        Object plain = withoutLogicalType(schema, value);
        if (target == Schema.Type.BOOLEAN) {
            return toBoolean(plain);
        }
        return plain instanceof Number ? narrowOrWiden((Number) plain, target) : nonNumberToNumber(plain, target);
    }

    private static Object narrowOrWiden(Number number, Schema.Type target) {
        switch (target) {
            case INT8:
                return number.byteValue();
            case INT16:
                return number.shortValue();
            case INT32:
                return number.intValue();
            case INT64:
                return number.longValue();
            case FLOAT32:
                return number.floatValue();
            case FLOAT64:
                return number.doubleValue();
            default:
                throw new DataException("Unexpected type in Cast transformation: " + target);
        }
    }

    /** Booleans become one or zero, strings are parsed by the target type's Java parser. */
    private static Object nonNumberToNumber(Object value, Schema.Type target) {
        if (value instanceof Boolean) {
            return narrowOrWiden((Boolean) value ? 1 : 0, target);
        }
        if (!(value instanceof String)) {
            throw unexpected(value);
        }
        String text = (String) value;
        try {
            switch (target) {
                case INT8:
                    return Byte.parseByte(text);
                case INT16:
                    return Short.parseShort(text);
                case INT32:
                    return Integer.parseInt(text);
                case INT64:
                    return Long.parseLong(text);
                case FLOAT32:
                    return Float.parseFloat(text);
                case FLOAT64:
                    return Double.parseDouble(text);
                default:
                    throw new DataException("Unexpected type in Cast transformation: " + target);
            }
        } catch (NumberFormatException e) {
            throw new DataException("Value (" + text + ") was out of range for requested data type", e);
        }
    }

    /** Logical Date/Time/Timestamp values as their underlying numbers; anything else unchanged. */
    private static Object withoutLogicalType(Schema schema, Object value) {
        if (schema == null || schema.name() == null) {
            return value;
        }
        switch (schema.name()) {
            case Date.LOGICAL_NAME:
                return Date.fromLogical(schema, (java.util.Date) value);
            case Time.LOGICAL_NAME:
                return Time.fromLogical(schema, (java.util.Date) value);
            case Timestamp.LOGICAL_NAME:
                return Timestamp.fromLogical(schema, (java.util.Date) value);
            default:
                return value;
        }
    }

    private static Boolean toBoolean(Object value) {
        if (value instanceof Number) {
            return ((Number) value).longValue() != 0L;
        }
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof String) {
            return Boolean.parseBoolean((String) value);
        }
        throw unexpected(value);
    }

    private static String toText(Object value) {
        if (value instanceof java.util.Date) {
            java.util.Date date = (java.util.Date) value;
            return Values.dateFormatFor(date).format(date);
        }
        if (value instanceof byte[]) {
            return Base64.getEncoder().encodeToString((byte[]) value);
        }
        if (value instanceof ByteBuffer) {
            return Base64.getEncoder().encodeToString(wholeContent((ByteBuffer) value));
        }
        return value.toString();
    }

    /**
     * The buffer's bytes from index 0 up to its limit, whatever its position, as Apache's Cast encodes
     * them; the buffer is not moved. (Apache fails on direct buffers; reading them the same way is an
     * extension.)
     */
    private static byte[] wholeContent(ByteBuffer buffer) {
        ByteBuffer view = buffer.duplicate();
        view.rewind();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }

    private static DataException unexpected(Object value) {
        return new DataException("Unexpected type in Cast transformation: " + value.getClass());
    }
}
