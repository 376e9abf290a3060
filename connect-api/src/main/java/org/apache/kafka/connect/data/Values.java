package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.text.DateFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Utilities to convert Connect values between types and to and from their text form.
 *
 * <p>{@code convertTo*} convert a value (with its schema, if known) to the Java type of another schema; strings are
 * parsed first where that makes sense. {@link #parseString(String)} reads text such as {@code 42},
 * {@code [1,2,3]}, {@code {"a":true}} or {@code 2020-01-31} into a typed value with an inferred schema, and
 * {@link #convertToString(Schema, Object)} writes values in that same syntax.
 */
public class Values {

    /**
     * @throws DataException if the value cannot be converted
     */
    public static Boolean convertToBoolean(Schema schema, Object value) throws DataException {
        return (Boolean) convertTo(Schema.OPTIONAL_BOOLEAN_SCHEMA, schema, value);
    }

    /** Converts to a byte, narrowing wider numbers as a Java cast does. */
    public static Byte convertToByte(Schema schema, Object value) throws DataException {
        return (Byte) convertTo(Schema.OPTIONAL_INT8_SCHEMA, schema, value);
    }

    /** Converts to a short, narrowing wider numbers as a Java cast does. */
    public static Short convertToShort(Schema schema, Object value) throws DataException {
        return (Short) convertTo(Schema.OPTIONAL_INT16_SCHEMA, schema, value);
    }

    /** Converts to an int, narrowing wider numbers as a Java cast does. */
    public static Integer convertToInteger(Schema schema, Object value) throws DataException {
        return (Integer) convertTo(Schema.OPTIONAL_INT32_SCHEMA, schema, value);
    }

    /** Converts to a long; dates with a logical schema convert to their numeric form. */
    public static Long convertToLong(Schema schema, Object value) throws DataException {
        return (Long) convertTo(Schema.OPTIONAL_INT64_SCHEMA, schema, value);
    }

    /** Converts to a float. */
    public static Float convertToFloat(Schema schema, Object value) throws DataException {
        return (Float) convertTo(Schema.OPTIONAL_FLOAT32_SCHEMA, schema, value);
    }

    /** Converts to a double. */
    public static Double convertToDouble(Schema schema, Object value) throws DataException {
        return (Double) convertTo(Schema.OPTIONAL_FLOAT64_SCHEMA, schema, value);
    }

    /** Writes any Connect value as text in the syntax {@link #parseString(String)} reads; null stays null. */
    public static String convertToString(Schema schema, Object value) {
        return (String) convertTo(Schema.OPTIONAL_STRING_SCHEMA, schema, value);
    }

    /** Returns a list as is, or parses a string into one. */
    public static List<?> convertToList(Schema schema, Object value) {
        return (List<?>) convertTo(ValueConversions.ARRAY_SELECTOR_SCHEMA, schema, value);
    }

    /** Returns a map as is, or parses a string into one. */
    public static Map<?, ?> convertToMap(Schema schema, Object value) {
        return (Map<?, ?>) convertTo(ValueConversions.MAP_SELECTOR_SCHEMA, schema, value);
    }

    /** Returns a struct as is; nothing else converts to a struct. */
    public static Struct convertToStruct(Schema schema, Object value) {
        return (Struct) convertTo(ValueConversions.STRUCT_SELECTOR_SCHEMA, schema, value);
    }

    /** Converts to a {@link Time}: from a date, a number of milliseconds since midnight, or an ISO 8601 string. */
    public static java.util.Date convertToTime(Schema schema, Object value) {
        return (java.util.Date) convertTo(Time.SCHEMA, schema, value);
    }

    /** Converts to a {@link Date}: from a date, a number of days since the epoch, or an ISO 8601 string. */
    public static java.util.Date convertToDate(Schema schema, Object value) {
        return (java.util.Date) convertTo(Date.SCHEMA, schema, value);
    }

    /** Converts to a {@link Timestamp}: from a date, a number of milliseconds since the epoch, or an ISO string. */
    public static java.util.Date convertToTimestamp(Schema schema, Object value) {
        return (java.util.Date) convertTo(Timestamp.SCHEMA, schema, value);
    }

    /** Converts to a {@link Decimal} of the given scale: from bytes, a number or a numeric string. */
    public static BigDecimal convertToDecimal(Schema schema, Object value, int scale) {
        return (BigDecimal) convertTo(Decimal.schema(scale), schema, value);
    }

    /**
     * Infers the schema of a Java value: primitives, byte arrays, structs, and non-empty lists and maps whose
     * elements all share a primitive type (nulls make it optional).
     *
     * @return the schema, or null if none can be inferred
     */
    public static Schema inferSchema(Object value) {
        if (value instanceof String) {
            return Schema.STRING_SCHEMA;
        }
        if (value instanceof Boolean) {
            return Schema.BOOLEAN_SCHEMA;
        }
        if (value instanceof Byte) {
            return Schema.INT8_SCHEMA;
        }
        if (value instanceof Short) {
            return Schema.INT16_SCHEMA;
        }
        if (value instanceof Integer) {
            return Schema.INT32_SCHEMA;
        }
        if (value instanceof Long) {
            return Schema.INT64_SCHEMA;
        }
        if (value instanceof Float) {
            return Schema.FLOAT32_SCHEMA;
        }
        if (value instanceof Double) {
            return Schema.FLOAT64_SCHEMA;
        }
        if (value instanceof byte[] || value instanceof ByteBuffer) {
            return Schema.BYTES_SCHEMA;
        }
        if (value instanceof List) {
            return inferArraySchema((List<?>) value);
        }
        if (value instanceof Map) {
            return inferMapSchema((Map<?, ?>) value);
        }
        if (value instanceof Struct) {
            return ((Struct) value).schema();
        }
        return null;
    }

    /**
     * Parses text into a typed value: {@code true}/{@code false}, numbers (smallest fitting integer type, FLOAT32,
     * FLOAT64 or Decimal), ISO 8601 dates, times and timestamps, arrays {@code [..]} and maps {@code {..}} of quoted
     * strings and the above; anything else is returned as the original string.
     *
     * @return the value with its schema; for null input a SchemaAndValue with neither, and for the literal
     *         {@code null} Java null itself
     */
    public static SchemaAndValue parseString(String value) {
        return ValueTextParser.parse(value);
    }

    /**
     * @return a new format (in the JVM's default time zone) for the date: time-only if it is before the end of the
     *         epoch day, date-only if it is at midnight, otherwise a full timestamp
     */
    public static DateFormat dateFormatFor(java.util.Date value) {
        return ValueStringifier.dateFormatFor(value);
    }

    protected static Object convertTo(Schema toSchema, Schema fromSchema, Object value) throws DataException {
        return ValueConversions.convertTo(toSchema, fromSchema, value);
    }

    protected static long asLong(Object value, Schema fromSchema, Throwable error) {
        return ValueConversions.asLong(value, fromSchema, error);
    }

    protected static double asDouble(Object value, Schema fromSchema, Throwable error) {
        return ValueConversions.asDouble(value, fromSchema, error);
    }

    protected static void append(StringBuilder sb, Object value, boolean embedded) {
        ValueStringifier.append(sb, value, embedded);
    }

    protected static void appendIterable(StringBuilder sb, Iterator<?> iter) {
        ValueStringifier.appendIterable(sb, iter);
    }

    protected static String escape(String value) {
        return ValueStringifier.escape(value);
    }

    protected static List<Object> alignListEntriesWithSchema(Schema schema, List<Object> input) {
        return ValueConversions.alignListEntriesWithSchema(schema, input);
    }

    protected static Map<Object, Object> alignMapKeysAndValuesWithSchema(Schema mapSchema, Map<Object, Object> input) {
        return ValueConversions.alignMapKeysAndValuesWithSchema(mapSchema, input);
    }

    protected static Map<Object, Object> alignMapKeysWithSchema(Schema mapSchema, Map<Object, Object> input) {
        return ValueConversions.alignMapKeysWithSchema(mapSchema, input);
    }

    private static Schema inferArraySchema(List<?> list) {
        if (list.isEmpty()) {
            return null;
        }
        SchemaDetector detector = new SchemaDetector();
        for (Object element : list) {
            if (!detector.canDetect(element)) {
                return null;
            }
        }
        return SchemaBuilder.array(detector.schema()).build();
    }

    private static Schema inferMapSchema(Map<?, ?> map) {
        if (map.isEmpty()) {
            return null;
        }
        SchemaDetector keyDetector = new SchemaDetector();
        SchemaDetector valueDetector = new SchemaDetector();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!keyDetector.canDetect(entry.getKey()) || !valueDetector.canDetect(entry.getValue())) {
                return null;
            }
        }
        return SchemaBuilder.map(keyDetector.schema(), valueDetector.schema()).build();
    }

    /**
     * Detects the one type shared by a sequence of values, for {@link #inferSchema(Object)}. Nulls make the
     * schema optional; values of different types, or values without an inferable schema, cannot be detected.
     */
    protected static class SchemaDetector {

        private Schema.Type knownType;
        private boolean optional;

        public SchemaDetector() {
        }

        /**
         * @param value the next value
         * @return true if the value has the type of the values seen so far (or is null)
         */
        public boolean canDetect(Object value) {
            if (value == null) {
                optional = true;
                return true;
            }
            Schema schema = inferSchema(value);
            if (schema == null) {
                return false;
            }
            if (knownType == null) {
                knownType = schema.type();
                return true;
            }
            return knownType == schema.type();
        }

        /**
         * @return a plain schema of the detected type
         * @throws org.apache.kafka.connect.errors.SchemaBuilderException if no non-null value was seen
         */
        public Schema schema() {
            SchemaBuilder builder = SchemaBuilder.type(knownType);
            if (optional) {
                builder.optional();
            }
            return builder.build();
        }
    }

    /**
     * Splits text into tokens for {@link #parseString(String)}: each of the delimiters {@code : , { } [ ] "} is a
     * token of its own, and the text between delimiters is one token (whitespace included). A backslash escapes the
     * next character, so an escaped delimiter does not split. One token can be looked at before it is consumed.
     */
    protected static class Parser {

        private final String original;
        /** Index of the first character not yet read into a token. */
        private int cursor;
        /** A token read by a look-ahead ({@link #isNext}) and not yet consumed, or null. */
        private String lookahead;
        private String previous;

        public Parser(String original) {
            this.original = original;
        }

        /** @return the index just after the last token read (including one only looked at) */
        public int position() {
            return cursor;
        }

        /** @return the index where the next token to be consumed starts, for {@link #rewindTo(int)} */
        public int mark() {
            return lookahead == null ? cursor : cursor - lookahead.length();
        }

        /**
         * Continues from an index returned by {@link #mark()} or {@link #position()}, forgetting looked-at tokens.
         *
         * @throws IllegalArgumentException if the index is outside the text
         */
        public void rewindTo(int position) {
            if (position < 0 || position > original.length()) {
                throw new IllegalArgumentException("Invalid index");
            }
            cursor = position;
            lookahead = null;
            previous = null;
        }

        /** @return the text being tokenized */
        public String original() {
            return original;
        }

        /** @return true if another token can be consumed */
        public boolean hasNext() {
            return lookahead != null || canConsumeNextToken();
        }

        protected boolean canConsumeNextToken() {
            return cursor < original.length();
        }

        /** @return the next token, consuming it; the empty string at the end of the text */
        public String next() {
            String token = lookahead != null ? lookahead : readToken();
            lookahead = null;
            previous = token;
            return token;
        }

        /**
         * Consumes n tokens.
         *
         * @return the text they span, or null (consuming nothing) if fewer than n are left
         */
        public String next(int n) {
            int start = mark();
            for (int i = 0; i < n; i++) {
                if (!hasNext()) {
                    rewindTo(start);
                    return null;
                }
                next();
            }
            return original.substring(start, position());
        }

        /** @return the token last returned by {@link #next()}, or null */
        public String previous() {
            return previous;
        }

        /** Like {@link #canConsume(String, boolean)}, ignoring surrounding whitespace. */
        public boolean canConsume(String expected) {
            return canConsume(expected, true);
        }

        /**
         * Consumes the next token if it is the expected one.
         *
         * @param ignoreLeadingAndTrailingWhitespace compare the trimmed token, skipping whitespace-only tokens
         * @return true if the token was there and has been consumed
         */
        public boolean canConsume(String expected, boolean ignoreLeadingAndTrailingWhitespace) {
            if (isNext(expected, ignoreLeadingAndTrailingWhitespace)) {
                lookahead = null;
                return true;
            }
            return false;
        }

        protected boolean isNext(String expected, boolean ignoreLeadingAndTrailingWhitespace) {
            if (lookahead == null) {
                if (!hasNext()) {
                    return false;
                }
                lookahead = readToken();
            }
            if (!ignoreLeadingAndTrailingWhitespace) {
                return lookahead.equals(expected);
            }
            // Whitespace-only tokens are skipped for good, so that the next look finds the meaningful token.
            while (lookahead.trim().isEmpty() && canConsumeNextToken()) {
                lookahead = readToken();
            }
            return lookahead.trim().equals(expected);
        }

        private String readToken() {
            int start = cursor;
            boolean escaped = false;
            while (cursor < original.length()) {
                char c = original.charAt(cursor);
                if (c == '\\') {
                    escaped = !escaped;
                } else if (!escaped && isDelimiter(c)) {
                    if (cursor == start) {
                        cursor++;
                    }
                    return original.substring(start, cursor);
                } else {
                    escaped = false;
                }
                cursor++;
            }
            return original.substring(start, cursor);
        }

        private static boolean isDelimiter(char c) {
            switch (c) {
                case ':':
                case ',':
                case '{':
                case '}':
                case '[':
                case ']':
                case '"':
                    return true;
                default:
                    return false;
            }
        }
    }
}
