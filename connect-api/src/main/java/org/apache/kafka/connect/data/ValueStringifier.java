package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;

import java.nio.ByteBuffer;
import java.text.DateFormat;
import java.text.SimpleDateFormat;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes Connect values as the text that {@link Values#parseString(String)} reads back: strings quoted and escaped
 * inside containers, lists as {@code [a,b]}, maps and structs as {@code {"k":v}}, bytes as Base64 and dates in the
 * ISO 8601 form that matches what they hold (time of day, day, or instant).
 */
final class ValueStringifier {

    static final String ISO_8601_DATE_FORMAT_PATTERN = "yyyy-MM-dd";
    static final String ISO_8601_TIME_FORMAT_PATTERN = "HH:mm:ss.SSS'Z'";
    static final String ISO_8601_TIMESTAMP_FORMAT_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";

    private ValueStringifier() {
    }

    static String stringify(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value, false);
        return sb.toString();
    }

    /**
     * @param embedded true inside a list, map or struct, where strings must be quoted to be read back as strings
     */
    static void append(StringBuilder sb, Object value, boolean embedded) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String) {
            appendString(sb, (String) value, embedded);
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else if (value instanceof byte[]) {
            appendString(sb, Base64.getEncoder().encodeToString((byte[]) value), embedded);
        } else if (value instanceof ByteBuffer) {
            appendString(sb, Base64.getEncoder().encodeToString(((ByteBuffer) value).array()), embedded);
        } else if (value instanceof List) {
            sb.append('[');
            appendIterable(sb, ((List<?>) value).iterator());
            sb.append(']');
        } else if (value instanceof Map) {
            appendMap(sb, (Map<?, ?>) value);
        } else if (value instanceof Struct) {
            appendStruct(sb, (Struct) value);
        } else if (value instanceof java.util.Date) {
            java.util.Date date = (java.util.Date) value;
            sb.append(dateFormatFor(date).format(date));
        } else {
            throw new DataException("Failed to serialize unexpected value type " + value.getClass().getName()
                    + ": " + value);
        }
    }

    /** Appends the elements, embedded and separated by commas, without enclosing brackets. */
    static void appendIterable(StringBuilder sb, Iterator<?> iter) {
        boolean first = true;
        while (iter.hasNext()) {
            if (!first) {
                sb.append(',');
            }
            append(sb, iter.next(), true);
            first = false;
        }
    }

    /** Escapes the characters that would end or corrupt a quoted string: backslash and double quote. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * Picks the format that shows what a date holds: a time of day if it falls on the epoch day (or before it),
     * a day if it is at midnight, otherwise the full instant. Formats use the JVM's default time zone, as Apache
     * Kafka Connect's do.
     */
    static DateFormat dateFormatFor(java.util.Date value) {
        long millis = value.getTime();
        if (millis < Date.MILLIS_PER_DAY) {
            return new SimpleDateFormat(ISO_8601_TIME_FORMAT_PATTERN);
        }
        if (millis % Date.MILLIS_PER_DAY == 0) {
            return new SimpleDateFormat(ISO_8601_DATE_FORMAT_PATTERN);
        }
        return new SimpleDateFormat(ISO_8601_TIMESTAMP_FORMAT_PATTERN);
    }

    private static void appendString(StringBuilder sb, String value, boolean embedded) {
        if (embedded) {
            sb.append('"').append(escape(value)).append('"');
        } else {
            sb.append(value);
        }
    }

    private static void appendMap(StringBuilder sb, Map<?, ?> map) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            append(sb, entry.getKey(), true);
            sb.append(':');
            append(sb, entry.getValue(), true);
            first = false;
        }
        sb.append('}');
    }

    private static void appendStruct(StringBuilder sb, Struct struct) {
        sb.append('{');
        boolean first = true;
        for (Field field : struct.schema().fields()) {
            if (!first) {
                sb.append(',');
            }
            append(sb, field.name(), true);
            sb.append(':');
            append(sb, struct.get(field), true);
            first = false;
        }
        sb.append('}');
    }
}
