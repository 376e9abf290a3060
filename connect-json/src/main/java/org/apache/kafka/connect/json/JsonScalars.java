package org.apache.kafka.connect.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads the current token of a parser with the semantics of Jackson's tree accessors ({@code intValue()},
 * {@code doubleValue()}, {@code decimalValue()}, ...) that Apache's converter applies to a parsed tree, so a
 * streaming read gives the same numbers: truncation of wide integers, 0 for non-numbers, and fractional numbers
 * read as {@link BigDecimal} (the converter's deserializer enables {@code USE_BIG_DECIMAL_FOR_FLOATS}).
 *
 * <p>A parser over JSON text ("text source") reports fractional numbers as doubles although the tree would hold
 * decimals; a parser over a tree reports each number node's own type. Number syntax errors surface as
 * {@link IOException}s, never as the NumberFormatException Jackson throws for an unparseable exponent.
 */
final class JsonScalars {

    private JsonScalars() {
    }

    /** The Jackson node type name that a tree would have for the current token ({@code MISSING} when none). */
    static String nodeType(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return JsonNodeType.MISSING.toString();
        }
        switch (token) {
            case START_OBJECT:
                return JsonNodeType.OBJECT.toString();
            case START_ARRAY:
                return JsonNodeType.ARRAY.toString();
            case VALUE_STRING:
                return JsonNodeType.STRING.toString();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return JsonNodeType.NUMBER.toString();
            case VALUE_TRUE:
            case VALUE_FALSE:
                return JsonNodeType.BOOLEAN.toString();
            case VALUE_NULL:
                return JsonNodeType.NULL.toString();
            case VALUE_EMBEDDED_OBJECT:
                return parser.getEmbeddedObject() instanceof byte[]
                    ? JsonNodeType.BINARY.toString() : JsonNodeType.POJO.toString();
            default:
                return token.toString();
        }
    }

    static boolean isNumber(JsonToken token) {
        return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
    }

    /** True for an integer that fits an int and is held as one (Jackson's {@code isInt()}). */
    static boolean isInt(JsonParser parser) throws IOException {
        return parser.currentToken() == JsonToken.VALUE_NUMBER_INT
            && parser.getNumberType() == JsonParser.NumberType.INT
            && parser.getNumberValue() instanceof Integer;
    }

    static int intValue(JsonParser parser, boolean textSource) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            switch (parser.getNumberType()) {
                case INT:
                    return parser.getIntValue();
                case LONG:
                    return (int) parser.getLongValue();
                default:
                    return bigInteger(parser).intValue();
            }
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            JsonParser.NumberType type = floatType(parser, textSource);
            if (type == JsonParser.NumberType.BIG_DECIMAL) {
                return decimal(parser).intValue();
            }
            return type == JsonParser.NumberType.FLOAT ? (int) parser.getFloatValue() : (int) parser.getDoubleValue();
        }
        return 0;
    }

    static long longValue(JsonParser parser, boolean textSource) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            switch (parser.getNumberType()) {
                case INT:
                case LONG:
                    return parser.getLongValue();
                default:
                    return bigInteger(parser).longValue();
            }
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            JsonParser.NumberType type = floatType(parser, textSource);
            if (type == JsonParser.NumberType.BIG_DECIMAL) {
                return decimal(parser).longValue();
            }
            return type == JsonParser.NumberType.FLOAT ? (long) parser.getFloatValue() : (long) parser.getDoubleValue();
        }
        return 0L;
    }

    static float floatValue(JsonParser parser, boolean textSource) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            switch (parser.getNumberType()) {
                case INT:
                    return (float) parser.getIntValue();
                case LONG:
                    return (float) parser.getLongValue();
                default:
                    return bigInteger(parser).floatValue();
            }
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            JsonParser.NumberType type = floatType(parser, textSource);
            if (type == JsonParser.NumberType.BIG_DECIMAL) {
                return decimal(parser).floatValue();
            }
            return type == JsonParser.NumberType.FLOAT ? parser.getFloatValue() : (float) parser.getDoubleValue();
        }
        return 0.0f;
    }

    static double doubleValue(JsonParser parser, boolean textSource) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            switch (parser.getNumberType()) {
                case INT:
                    return parser.getIntValue();
                case LONG:
                    return (double) parser.getLongValue();
                default:
                    return bigInteger(parser).doubleValue();
            }
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            JsonParser.NumberType type = floatType(parser, textSource);
            if (type == JsonParser.NumberType.BIG_DECIMAL) {
                return decimal(parser).doubleValue();
            }
            return type == JsonParser.NumberType.FLOAT ? parser.getFloatValue() : parser.getDoubleValue();
        }
        return 0.0d;
    }

    /** The current number token as a decimal (Jackson's {@code decimalValue()} of the number node). */
    static BigDecimal decimalValue(JsonParser parser, boolean textSource) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            switch (parser.getNumberType()) {
                case INT:
                    return BigDecimal.valueOf(parser.getIntValue());
                case LONG:
                    return BigDecimal.valueOf(parser.getLongValue());
                default:
                    return new BigDecimal(bigInteger(parser));
            }
        }
        JsonParser.NumberType type = floatType(parser, textSource);
        if (type == JsonParser.NumberType.BIG_DECIMAL) {
            return decimal(parser);
        }
        double value = type == JsonParser.NumberType.FLOAT ? parser.getFloatValue() : parser.getDoubleValue();
        return BigDecimal.valueOf(value);
    }

    /** Forces the number to be parsed, so malformed numbers fail as they would when building a tree. */
    static void parseNumber(JsonParser parser, boolean textSource) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT && textSource) {
            decimal(parser);
        } else {
            parser.getNumberValue();
        }
    }

    private static JsonParser.NumberType floatType(JsonParser parser, boolean textSource) throws IOException {
        return textSource ? JsonParser.NumberType.BIG_DECIMAL : parser.getNumberType();
    }

    private static BigDecimal decimal(JsonParser parser) throws IOException {
        try {
            return parser.getDecimalValue();
        } catch (NumberFormatException e) {
            throw new JsonParseException(parser, "Malformed number: " + e.getMessage(), e);
        }
    }

    private static BigInteger bigInteger(JsonParser parser) throws IOException {
        try {
            return parser.getBigIntegerValue();
        } catch (NumberFormatException e) {
            throw new JsonParseException(parser, "Malformed number: " + e.getMessage(), e);
        }
    }
}
