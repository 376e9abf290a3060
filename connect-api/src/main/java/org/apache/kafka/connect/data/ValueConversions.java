package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a value to the Java representation of another schema; the logic behind the {@code Values.convertTo*}
 * methods. Numbers convert to any numeric type by Java's narrowing rules, strings are parsed, dates follow their
 * logical types, and anything else fails with a {@link DataException} naming the value and the target.
 */
final class ValueConversions {

    /** Target schemas for conversions to a container when the element schemas do not matter. */
    static final Schema ARRAY_SELECTOR_SCHEMA = new ConnectSchema(Schema.Type.ARRAY);
    static final Schema MAP_SELECTOR_SCHEMA = new ConnectSchema(Schema.Type.MAP);
    static final Schema STRUCT_SELECTOR_SCHEMA = new ConnectSchema(Schema.Type.STRUCT);

    private ValueConversions() {
    }

    static Object convertTo(Schema toSchema, Schema fromSchema, Object value) {
        if (value == null) {
            if (toSchema.isOptional()) {
                return null;
            }
            throw new DataException("Unable to convert a null value to a schema that requires a value");
        }
        String logicalName = toSchema.name();
        switch (toSchema.type()) {
            case BYTES:
                return Decimal.LOGICAL_NAME.equals(logicalName) ? toDecimal(toSchema, value) : toBytes(toSchema, value);
            case STRING:
                return ValueStringifier.stringify(value);
            case BOOLEAN:
                return toBoolean(fromSchema, value);
            case INT8:
                return value instanceof Byte ? value : (byte) asLong(value, fromSchema, null);
            case INT16:
                return value instanceof Short ? value : (short) asLong(value, fromSchema, null);
            case INT32:
                if (Date.LOGICAL_NAME.equals(logicalName)) {
                    return toDate(toSchema, fromSchema, value);
                }
                if (Time.LOGICAL_NAME.equals(logicalName)) {
                    return toTime(toSchema, fromSchema, value);
                }
                return value instanceof Integer ? value : (int) asLong(value, fromSchema, null);
            case INT64:
                if (Timestamp.LOGICAL_NAME.equals(logicalName)) {
                    return toTimestamp(toSchema, fromSchema, value);
                }
                return value instanceof Long ? value : asLong(value, fromSchema, null);
            case FLOAT32:
                return value instanceof Float ? value : (float) asDouble(value, fromSchema, null);
            case FLOAT64:
                return value instanceof Double ? value : asDouble(value, fromSchema, null);
            case ARRAY:
                Object list = value instanceof String ? parsedValue((String) value) : value;
                if (list instanceof List) {
                    return list;
                }
                throw unableToConvert(list, toSchema);
            case MAP:
                Object map = value instanceof String ? parsedValue((String) value) : value;
                if (map instanceof Map) {
                    return map;
                }
                throw unableToConvert(map, toSchema);
            case STRUCT:
                if (value instanceof Struct) {
                    return value;
                }
                throw unableToConvert(value, toSchema);
            default:
                throw unableToConvert(value, toSchema);
        }
    }

    static long asLong(Object value, Schema fromSchema, Throwable error) {
        Throwable cause = error;
        try {
            if (value instanceof Number) {
                return ((Number) value).longValue();
            }
            if (value instanceof String) {
                return new BigDecimal((String) value).longValue();
            }
        } catch (NumberFormatException e) {
            cause = e;
        }
        if (fromSchema != null) {
            if (value instanceof java.util.Date) {
                java.util.Date date = (java.util.Date) value;
                String name = fromSchema.name();
                if (Date.LOGICAL_NAME.equals(name)) {
                    return Date.fromLogical(fromSchema, date);
                }
                if (Time.LOGICAL_NAME.equals(name)) {
                    return Time.fromLogical(fromSchema, date);
                }
                if (Timestamp.LOGICAL_NAME.equals(name)) {
                    return Timestamp.fromLogical(fromSchema, date);
                }
            }
            throw new DataException("Unable to convert " + value + " (" + value.getClass() + ") to " + fromSchema, cause);
        }
        throw new DataException("Unable to convert " + value + " (" + value.getClass() + ") to a number", cause);
    }

    static double asDouble(Object value, Schema fromSchema, Throwable error) {
        Throwable cause = error;
        try {
            if (value instanceof Number) {
                return ((Number) value).doubleValue();
            }
            if (value instanceof String) {
                return new BigDecimal((String) value).doubleValue();
            }
        } catch (NumberFormatException e) {
            cause = e;
        }
        // Not a plain number: dates with a logical schema still have a numeric form.
        return asLong(value, fromSchema, cause);
    }

    static List<Object> alignListEntriesWithSchema(Schema arraySchema, List<Object> input) {
        Schema valueSchema = arraySchema.valueSchema();
        List<Object> aligned = new ArrayList<>(input.size());
        for (Object element : input) {
            aligned.add(convertTo(valueSchema, null, element));
        }
        return aligned;
    }

    static Map<Object, Object> alignMapKeysAndValuesWithSchema(Schema mapSchema, Map<Object, Object> input) {
        Schema keySchema = mapSchema.keySchema();
        Schema valueSchema = mapSchema.valueSchema();
        Map<Object, Object> aligned = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> entry : input.entrySet()) {
            aligned.put(convertTo(keySchema, null, entry.getKey()), convertTo(valueSchema, null, entry.getValue()));
        }
        return aligned;
    }

    static Map<Object, Object> alignMapKeysWithSchema(Schema mapSchema, Map<Object, Object> input) {
        Schema keySchema = mapSchema.keySchema();
        Map<Object, Object> aligned = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> entry : input.entrySet()) {
            aligned.put(convertTo(keySchema, null, entry.getKey()), entry.getValue());
        }
        return aligned;
    }

    private static Boolean toBoolean(Schema fromSchema, Object value) {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof String) {
            Object parsed = parsedValue((String) value);
            if (parsed instanceof Boolean) {
                return (Boolean) parsed;
            }
        }
        return asLong(value, fromSchema, null) != 0L;
    }

    private static Object toDecimal(Schema toSchema, Object value) {
        if (value instanceof ByteBuffer) {
            return Decimal.toLogical(toSchema, ((ByteBuffer) value).array());
        }
        if (value instanceof byte[]) {
            return Decimal.toLogical(toSchema, (byte[]) value);
        }
        if (value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Number) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof String) {
            // A malformed string fails with the NumberFormatException itself, as in Apache Kafka Connect.
            return new BigDecimal((String) value);
        }
        throw unableToConvert(value, toSchema);
    }

    private static Object toBytes(Schema toSchema, Object value) {
        if (value instanceof byte[]) {
            return value;
        }
        if (value instanceof ByteBuffer) {
            return ((ByteBuffer) value).array();
        }
        throw unableToConvert(value, toSchema);
    }

    private static Object toDate(Schema toSchema, Schema fromSchema, Object value) {
        Object candidate = value instanceof String ? parsedValue((String) value) : value;
        if (candidate instanceof java.util.Date) {
            if (fromSchema == null || Date.LOGICAL_NAME.equals(fromSchema.name())) {
                return candidate;
            }
            if (Timestamp.LOGICAL_NAME.equals(fromSchema.name())) {
                // Keep only the day; division truncates towards the epoch like Apache Kafka Connect's.
                long millis = ((java.util.Date) candidate).getTime();
                return Date.toLogical(toSchema, (int) (millis / Date.MILLIS_PER_DAY));
            }
        }
        return Date.toLogical(toSchema, (int) asLong(candidate, fromSchema, null));
    }

    private static Object toTime(Schema toSchema, Schema fromSchema, Object value) {
        Object candidate = value instanceof String ? parsedValue((String) value) : value;
        if (candidate instanceof java.util.Date) {
            if (fromSchema == null || Time.LOGICAL_NAME.equals(fromSchema.name())) {
                return candidate;
            }
            if (Timestamp.LOGICAL_NAME.equals(fromSchema.name())) {
                // Keep only the time of day (UTC).
                long millis = ((java.util.Date) candidate).getTime();
                return Time.toLogical(toSchema, (int) Math.floorMod(millis, Date.MILLIS_PER_DAY));
            }
        }
        return Time.toLogical(toSchema, (int) asLong(candidate, fromSchema, null));
    }

    private static Object toTimestamp(Schema toSchema, Schema fromSchema, Object value) {
        Object candidate = value instanceof String ? parsedValue((String) value) : value;
        if (candidate instanceof java.util.Date) {
            java.util.Date date = (java.util.Date) candidate;
            if (fromSchema == null || Timestamp.LOGICAL_NAME.equals(fromSchema.name())) {
                return candidate;
            }
            if (Date.LOGICAL_NAME.equals(fromSchema.name())) {
                // Date.fromLogical rejects a date that is not at midnight before it is widened to an instant.
                return Timestamp.toLogical(toSchema, Date.fromLogical(fromSchema, date) * Date.MILLIS_PER_DAY);
            }
            if (Time.LOGICAL_NAME.equals(fromSchema.name())) {
                return Timestamp.toLogical(toSchema, Time.fromLogical(fromSchema, date));
            }
        }
        return Timestamp.toLogical(toSchema, asLong(candidate, fromSchema, null));
    }

    /**
     * The value a string parses to. Like Apache Kafka Connect, a string that parses to nothing (the literal
     * {@code null}) makes the conversion fail with a NullPointerException.
     */
    private static Object parsedValue(String text) {
        return Values.parseString(text).value();
    }

    private static DataException unableToConvert(Object value, Schema toSchema) {
        return new DataException("Unable to convert " + value + " (" + value.getClass() + ") to " + toSchema);
    }
}
