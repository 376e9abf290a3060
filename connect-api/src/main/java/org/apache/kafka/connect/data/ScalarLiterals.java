package org.apache.kafka.connect.data;

import java.math.BigDecimal;
import java.text.ParseException;
import java.text.SimpleDateFormat;

/**
 * Recognizes the scalar literals of the value text syntax: numbers (typed with the smallest schema that holds them)
 * and ISO 8601 dates, times and timestamps.
 */
final class ScalarLiterals {

    private static final int TIME_LENGTH = "HH:mm:ss.SSSZ".length();
    private static final int TIMESTAMP_LENGTH = "yyyy-MM-ddTHH:mm:ss.SSSZ".length();
    private static final int DATE_LENGTH = "yyyy-MM-dd".length();

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private ScalarLiterals() {
    }

    /**
     * Reads a number: a whole number within the range of a long becomes the smallest of INT8..INT64 that holds it;
     * a number written with a fraction or exponent becomes FLOAT32, or FLOAT64 if it overflows a float; anything
     * else (a long-overflowing integer, or a number beyond double range) becomes a Decimal with the literal's scale.
     *
     * @return the typed number, or null if the text is not a number
     */
    static SchemaAndValue number(String text) {
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
        if (isWholeNumberInLongRange(decimal)) {
            return smallestInteger(decimal.longValueExact());
        }
        if (decimal.scale() != 0) {
            float asFloat = decimal.floatValue();
            if (!Float.isInfinite(asFloat)) {
                return new SchemaAndValue(Schema.FLOAT32_SCHEMA, asFloat);
            }
            double asDouble = decimal.doubleValue();
            if (!Double.isInfinite(asDouble)) {
                return new SchemaAndValue(Schema.FLOAT64_SCHEMA, asDouble);
            }
        }
        return new SchemaAndValue(Decimal.schema(decimal.scale()), decimal);
    }

    /**
     * Reads a time ({@code HH:mm:ss.SSSZ}), timestamp ({@code yyyy-MM-ddTHH:mm:ss.SSSZ}) or date
     * ({@code yyyy-MM-dd}), told apart by length. Escaped colons ({@code \:}) are accepted. Parsing is lenient and
     * uses the JVM's default time zone, as Apache Kafka Connect's does.
     *
     * @return the temporal value with its logical schema, or null if the text is none of these
     */
    static SchemaAndValue temporal(String text) {
        String unescaped = text.replace("\\:", ":");
        int length = unescaped.length();
        String pattern;
        Schema schema;
        if (length == TIME_LENGTH) {
            pattern = ValueStringifier.ISO_8601_TIME_FORMAT_PATTERN;
            schema = Time.SCHEMA;
        } else if (length == TIMESTAMP_LENGTH) {
            pattern = ValueStringifier.ISO_8601_TIMESTAMP_FORMAT_PATTERN;
            schema = Timestamp.SCHEMA;
        } else if (length == DATE_LENGTH) {
            pattern = ValueStringifier.ISO_8601_DATE_FORMAT_PATTERN;
            schema = Date.SCHEMA;
        } else {
            return null;
        }
        try {
            return new SchemaAndValue(schema, new SimpleDateFormat(pattern).parse(unescaped));
        } catch (ParseException e) {
            return null;
        }
    }

    private static boolean isWholeNumberInLongRange(BigDecimal decimal) {
        // Range first: stripping zeros of a huge exponent literal is cheap, but expanding it would not be.
        if (decimal.compareTo(LONG_MIN) < 0 || decimal.compareTo(LONG_MAX) > 0) {
            return false;
        }
        return decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
    }

    private static SchemaAndValue smallestInteger(long value) {
        if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            return new SchemaAndValue(Schema.INT8_SCHEMA, (byte) value);
        }
        if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            return new SchemaAndValue(Schema.INT16_SCHEMA, (short) value);
        }
        if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            return new SchemaAndValue(Schema.INT32_SCHEMA, (int) value);
        }
        return new SchemaAndValue(Schema.INT64_SCHEMA, value);
    }
}
