package org.apache.kafka.connect.transforms;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.connect.data.Values;
import org.apache.kafka.connect.errors.DataException;

/**
 * What MaskField puts in place of a value. Types are matched by exact class: the numeric wrappers,
 * {@link BigInteger}, {@link BigDecimal}, {@link String}, {@link Boolean} and {@link Date}, plus any
 * {@link List} or {@link Map}. A configured replacement is converted once per value class and reused.
 */
final class Masker {

    /** Parsers of the replacement text for the classes that accept one. */
    private static final Map<Class<?>, Function<String, Object>> REPLACEMENT_PARSERS = Map.of(
        Byte.class, text -> Values.convertToByte(null, text),
        Short.class, text -> Values.convertToShort(null, text),
        Integer.class, text -> Values.convertToInteger(null, text),
        Long.class, text -> Values.convertToLong(null, text),
        Float.class, text -> Values.convertToFloat(null, text),
        Double.class, text -> Values.convertToDouble(null, text),
        BigInteger.class, BigInteger::new,
        BigDecimal.class, BigDecimal::new,
        String.class, text -> text);

    /** Empty values of the immutable types; Date, List and Map get a fresh instance each time. */
    private static final Map<Class<?>, Object> IMMUTABLE_EMPTY_VALUES = Map.of(
        Boolean.class, Boolean.FALSE,
        Byte.class, (byte) 0,
        Short.class, (short) 0,
        Integer.class, 0,
        Long.class, 0L,
        Float.class, 0f,
        Double.class, 0d,
        BigInteger.class, BigInteger.ZERO,
        BigDecimal.class, BigDecimal.ZERO,
        String.class, "");

    private final String replacement;
    /** The replacement converted per value class; filled on first use (one task thread per instance). */
    private final Map<Class<?>, Object> convertedReplacements = new HashMap<>();

    /** @param replacement the configured replacement text, or null to mask with empty values */
    Masker(String replacement) {
        this.replacement = replacement;
    }

    /** The masked form of {@code value}; null stays null. */
    Object mask(Object value) {
        if (value == null) {
            return null;
        }
        return replacement == null ? emptyValueLike(value) : replacementLike(value);
    }

    private static Object emptyValueLike(Object value) {
        Object empty = IMMUTABLE_EMPTY_VALUES.get(value.getClass());
        if (empty != null) {
            return empty;
        }
        if (value.getClass() == Date.class) {
            return new Date(0);
        }
        if (value instanceof List) {
            return new ArrayList<>();
        }
        if (value instanceof Map) {
            return new HashMap<>();
        }
        throw new DataException("Cannot mask value of type: " + value.getClass());
    }

    private Object replacementLike(Object value) {
        Class<?> type = value.getClass();
        Object converted = convertedReplacements.get(type);
        if (converted != null) {
            return converted;
        }
        Function<String, Object> parser = REPLACEMENT_PARSERS.get(type);
        if (parser == null) {
            throw new DataException("Cannot mask value of type " + type + " with custom replacement.");
        }
        try {
            converted = parser.apply(replacement);
        } catch (NumberFormatException e) {
            throw new DataException("Unable to convert " + replacement + " (" + replacement.getClass()
                + ") to number", e);
        }
        convertedReplacements.put(type, converted);
        return converted;
    }
}
