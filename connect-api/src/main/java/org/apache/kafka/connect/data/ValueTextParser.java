package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent reader of the value text syntax behind {@link Values#parseString(String)}, over the tokens of a
 * {@link Values.Parser}.
 *
 * <p>At the top level the text is lenient: anything that is not a boolean, {@code null}, a well-formed array or
 * map, a number or a date/time is returned as the original string. Inside an array or map the syntax is strict
 * (strings must be quoted) and any error makes the whole container fall back to a string.
 */
final class ValueTextParser {

    private static final String QUOTE = "\"";
    private static final String ARRAY_BEGIN = "[";
    private static final String ARRAY_END = "]";
    private static final String MAP_BEGIN = "{";
    private static final String MAP_END = "}";
    private static final String ENTRY_SEPARATOR = ":";
    private static final String ELEMENT_SEPARATOR = ",";
    private static final String NULL_LITERAL = "null";
    private static final String TRUE_LITERAL = "true";
    private static final String FALSE_LITERAL = "false";

    /** Tokens a time or timestamp spans after its first one, because ':' is a delimiter: ":", mm, ":", ss.SSSZ. */
    private static final int TEMPORAL_TRAILING_TOKENS = 4;

    static final SchemaAndValue TRUE = new SchemaAndValue(Schema.BOOLEAN_SCHEMA, Boolean.TRUE);
    static final SchemaAndValue FALSE = new SchemaAndValue(Schema.BOOLEAN_SCHEMA, Boolean.FALSE);
    private static final SchemaAndValue NO_SCHEMA_NO_VALUE = new SchemaAndValue(null, null);

    private final Values.Parser tokens;

    private ValueTextParser(String text) {
        this.tokens = new Values.Parser(text);
    }

    /**
     * @return the typed value; Java null (not a SchemaAndValue) for the literal {@code null}, as in Apache Kafka
     *         Connect
     */
    static SchemaAndValue parse(String text) {
        if (text == null) {
            return NO_SCHEMA_NO_VALUE;
        }
        if (text.isEmpty()) {
            return new SchemaAndValue(Schema.STRING_SCHEMA, text);
        }
        return new ValueTextParser(text).parseTopLevel();
    }

    private SchemaAndValue parseTopLevel() {
        String original = tokens.original();
        // Literals count only when they are the whole text: "true,false" is a string.
        String trimmed = original.trim();
        if (TRUE_LITERAL.equals(trimmed)) {
            return TRUE;
        }
        if (FALSE_LITERAL.equals(trimmed)) {
            return FALSE;
        }
        if (NULL_LITERAL.equals(trimmed)) {
            return null;
        }
        int start = tokens.mark();
        try {
            if (tokens.canConsume(ARRAY_BEGIN)) {
                return finishArray();
            }
            if (tokens.canConsume(MAP_BEGIN)) {
                return finishMap();
            }
        } catch (DataException e) {
            // Not a well-formed container: read the text as a plain value instead.
            tokens.rewindTo(start);
        }
        String token = tokens.next();
        if (isBlank(token)) {
            return new SchemaAndValue(Schema.STRING_SCHEMA, token);
        }
        SchemaAndValue scalar = scalar(token.trim());
        return scalar != null ? scalar : new SchemaAndValue(Schema.STRING_SCHEMA, original);
    }

    /** Reads one value inside a container; null for the literal {@code null}. */
    private SchemaAndValue parseEmbedded() {
        if (!tokens.hasNext()) {
            throw new DataException("Unexpected end of input");
        }
        if (tokens.canConsume(QUOTE)) {
            return finishQuotedString();
        }
        if (tokens.canConsume(NULL_LITERAL)) {
            return null;
        }
        if (tokens.canConsume(TRUE_LITERAL)) {
            return TRUE;
        }
        if (tokens.canConsume(FALSE_LITERAL)) {
            return FALSE;
        }
        if (tokens.canConsume(ARRAY_BEGIN)) {
            return finishArray();
        }
        if (tokens.canConsume(MAP_BEGIN)) {
            return finishMap();
        }
        String token = tokens.next();
        if (isBlank(token)) {
            return new SchemaAndValue(Schema.STRING_SCHEMA, token);
        }
        SchemaAndValue scalar = scalar(token.trim());
        if (scalar == null) {
            throw new DataException("Unquoted value '" + token.trim() + "' is neither a number nor a date/time");
        }
        return scalar;
    }

    /** Reads the rest of a quoted string; the content is kept as written, escapes included. */
    private SchemaAndValue finishQuotedString() {
        StringBuilder content = new StringBuilder();
        while (tokens.hasNext()) {
            if (tokens.canConsume(QUOTE)) {
                return new SchemaAndValue(Schema.STRING_SCHEMA, content.toString());
            }
            content.append(tokens.next());
        }
        throw new DataException("Quoted string is not terminated: \"" + content);
    }

    private SchemaAndValue finishArray() {
        List<Object> elements = new ArrayList<>();
        ParsedSchemaMerger elementSchemas = new ParsedSchemaMerger();
        if (tokens.canConsume(ARRAY_END)) {
            return new SchemaAndValue(ValueConversions.ARRAY_SELECTOR_SCHEMA, elements);
        }
        while (tokens.hasNext()) {
            // Also accepts a trailing comma before ']'.
            if (tokens.canConsume(ARRAY_END)) {
                return arrayOf(elements, elementSchemas.result());
            }
            SchemaAndValue element = parseEmbedded();
            elementSchemas.add(element);
            elements.add(element == null ? null : element.value());
            if (tokens.canConsume(ELEMENT_SEPARATOR)) {
                continue;
            }
            if (tokens.canConsume(ARRAY_END)) {
                return arrayOf(elements, elementSchemas.result());
            }
            throw new DataException("Array elements must be separated by ','");
        }
        throw new DataException("Array is not terminated by ']'");
    }

    private SchemaAndValue finishMap() {
        Map<Object, Object> entries = new LinkedHashMap<>();
        ParsedSchemaMerger keySchemas = new ParsedSchemaMerger();
        ParsedSchemaMerger valueSchemas = new ParsedSchemaMerger();
        if (tokens.canConsume(MAP_END)) {
            return new SchemaAndValue(ValueConversions.MAP_SELECTOR_SCHEMA, entries);
        }
        while (tokens.hasNext()) {
            if (tokens.canConsume(MAP_END)) {
                return mapOf(entries, keySchemas.result(), valueSchemas.result());
            }
            SchemaAndValue key = parseEmbedded();
            if (key == null) {
                throw new DataException("Map keys may not be null");
            }
            if (!tokens.canConsume(ENTRY_SEPARATOR)) {
                throw new DataException("Map key must be followed by ':'");
            }
            SchemaAndValue value = parseEmbedded();
            keySchemas.add(key);
            valueSchemas.add(value);
            entries.put(key.value(), value == null ? null : value.value());
            // The separator between entries is optional, as in Apache Kafka Connect.
            tokens.canConsume(ELEMENT_SEPARATOR);
        }
        throw new DataException("Map is not terminated by '}'");
    }

    private static SchemaAndValue arrayOf(List<Object> elements, Schema elementSchema) {
        if (elementSchema == null) {
            return new SchemaAndValue(ValueConversions.ARRAY_SELECTOR_SCHEMA, elements);
        }
        Schema arraySchema = SchemaBuilder.array(elementSchema).build();
        return new SchemaAndValue(arraySchema, ValueConversions.alignListEntriesWithSchema(arraySchema, elements));
    }

    private static SchemaAndValue mapOf(Map<Object, Object> entries, Schema keySchema, Schema valueSchema) {
        if (keySchema == null) {
            return new SchemaAndValue(ValueConversions.MAP_SELECTOR_SCHEMA, entries);
        }
        if (valueSchema == null) {
            Schema mapSchema = SchemaBuilder.mapWithUnknownValueSchema(keySchema);
            return new SchemaAndValue(mapSchema, ValueConversions.alignMapKeysWithSchema(mapSchema, entries));
        }
        Schema mapSchema = SchemaBuilder.map(keySchema, valueSchema).build();
        return new SchemaAndValue(mapSchema, ValueConversions.alignMapKeysAndValuesWithSchema(mapSchema, entries));
    }

    /** A number or date/time starting with the given (trimmed) token; null if it is neither. */
    private SchemaAndValue scalar(String token) {
        char first = token.charAt(0);
        boolean startsWithDigit = Character.isDigit(first);
        if (startsWithDigit) {
            SchemaAndValue temporal = temporalStartingWith(token);
            if (temporal != null) {
                return temporal;
            }
        }
        if (startsWithDigit || first == '+' || first == '-') {
            return ScalarLiterals.number(token);
        }
        return null;
    }

    /**
     * Times and timestamps contain unescaped colons, which the tokenizer splits on; try the token joined with the
     * text of the next few tokens before the token alone.
     */
    private SchemaAndValue temporalStartingWith(String token) {
        int afterToken = tokens.mark();
        String following = tokens.next(TEMPORAL_TRAILING_TOKENS);
        if (following != null) {
            SchemaAndValue spanning = ScalarLiterals.temporal(token + following);
            if (spanning != null) {
                return spanning;
            }
            tokens.rewindTo(afterToken);
        }
        return ScalarLiterals.temporal(token);
    }

    private static boolean isBlank(String token) {
        return token.trim().isEmpty();
    }
}
