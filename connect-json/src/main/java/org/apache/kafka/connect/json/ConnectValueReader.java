package org.apache.kafka.connect.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Reads Connect values straight from a JSON parser, with the results (values, Java types and errors) that
 * Apache's converter gets by first building a Jackson tree and then converting it.
 *
 * <p>Contract of every read: it starts on the value's first token (none for missing input) and ends on the
 * value's last token, whether it returns or throws a conversion error ({@link RuntimeException}); malformed JSON
 * ends it at once with an {@link IOException}. Keeping the parser in step after a conversion error lets the
 * caller finish the document, so malformed JSON anywhere is reported ahead of conversion errors, as a tree-first
 * reader reports it. Where a tree would see only the last of duplicate object keys, conversion errors are held
 * back until the object ends.
 */
final class ConnectValueReader {

    /** A struct field that the JSON object did not contain. */
    private static final Object ABSENT = new Object();

    private final boolean replaceNullWithDefault;
    private final ObjectMapper treeMapper;

    /**
     * @param treeMapper reads sub-trees with the converter's deserializer settings (fractions as decimals)
     */
    ConnectValueReader(boolean replaceNullWithDefault, ObjectMapper treeMapper) {
        this.replaceNullWithDefault = replaceNullWithDefault;
        this.treeMapper = treeMapper;
    }

    /**
     * Reads the value at the parser's current token.
     *
     * @param schema the value's schema, or null to infer types from the JSON
     * @param textSource true when the parser reads JSON text, false when it walks a Jackson tree
     */
    Object read(Schema schema, JsonParser parser, boolean textSource) throws IOException {
        if (schema == null) {
            return readSchemaless(parser, textSource);
        }
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return nullValue(schema);
        }
        String logicalName = schema.name();
        if (logicalName != null) {
            switch (logicalName) {
                case Decimal.LOGICAL_NAME:
                    return readDecimal(schema, parser, textSource);
                case Date.LOGICAL_NAME:
                    return Date.toLogical(schema, requireInt("Date", parser, textSource));
                case Time.LOGICAL_NAME:
                    return Time.toLogical(schema, requireInt("Time", parser, textSource));
                case Timestamp.LOGICAL_NAME:
                    return readTimestamp(schema, parser, textSource);
                default:
                    break;
            }
        }
        return readTyped(schema, parser, textSource);
    }

    /** Reads a value held in a Jackson tree (a schema's default, a re-read sub-tree). */
    Object read(Schema schema, JsonNode node) throws IOException {
        try (JsonParser parser = node.traverse(treeMapper)) {
            parser.nextToken();
            return read(schema, parser, false);
        }
    }

    /** The value a JSON null, or a missing struct field, stands for. */
    Object nullValue(Schema schema) {
        if (schema.defaultValue() != null && replaceNullWithDefault) {
            return schema.defaultValue();
        }
        if (schema.isOptional()) {
            return null;
        }
        throw new DataException("Invalid null value for required " + schema.type() + " field");
    }

    /**
     * Moves past the current value, parsing it as fully as a tree would (numbers, string contents) so that
     * skipped content fails exactly when a tree-first reader would fail.
     */
    static void skip(JsonParser parser, boolean textSource) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            checkScalar(parser, token, textSource);
            return;
        }
        int depth = 1;
        while (depth > 0) {
            token = parser.nextToken();
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                depth++;
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                depth--;
            } else if (token != JsonToken.FIELD_NAME) {
                checkScalar(parser, token, textSource);
            }
        }
    }

    private static void checkScalar(JsonParser parser, JsonToken token, boolean textSource) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            parser.finishToken();
        } else if (JsonScalars.isNumber(token)) {
            JsonScalars.parseNumber(parser, textSource);
        }
    }

    private Object readTyped(Schema schema, JsonParser parser, boolean textSource) throws IOException {
        switch (schema.type()) {
            case BOOLEAN:
                return readBoolean(parser, textSource);
            case INT8:
                return (byte) intOf(parser, textSource);
            case INT16:
                return (short) intOf(parser, textSource);
            case INT32:
                return intOf(parser, textSource);
            case INT64:
                return isNumber(parser) ? JsonScalars.longValue(parser, textSource) : skipThen(0L, parser, textSource);
            case FLOAT32:
                return isNumber(parser) ? JsonScalars.floatValue(parser, textSource) : skipThen(0.0f, parser, textSource);
            case FLOAT64:
                return isNumber(parser) ? JsonScalars.doubleValue(parser, textSource) : skipThen(0.0d, parser, textSource);
            case BYTES:
                return readBytes(parser, textSource);
            case STRING:
                return parser.currentToken() == JsonToken.VALUE_STRING
                    ? parser.getText() : skipThen(null, parser, textSource);
            case ARRAY:
                return readArray(schema.valueSchema(), parser, textSource);
            case MAP:
                return schema.keySchema().type() == Schema.Type.STRING
                    ? readObjectAsMap(schema.valueSchema(), parser, textSource)
                    : readPairsAsMap(schema.keySchema(), schema.valueSchema(), parser, textSource);
            case STRUCT:
                return readStruct(schema, parser, textSource);
            default:
                throw new DataException("Unknown schema type: " + schema.type());
        }
    }

    private Object readSchemaless(JsonParser parser, boolean textSource) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return null;
        }
        switch (token) {
            case VALUE_NULL:
                return null;
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NUMBER_INT:
                return JsonScalars.longValue(parser, textSource);
            case VALUE_NUMBER_FLOAT:
                return JsonScalars.doubleValue(parser, textSource);
            case VALUE_STRING:
                return parser.getText();
            case START_ARRAY:
                return readArray(null, parser, textSource);
            case START_OBJECT:
                return readObjectAsMap(null, parser, textSource);
            default:
                throw new DataException("Unknown schema type: null");
        }
    }

    private static boolean isNumber(JsonParser parser) {
        return JsonScalars.isNumber(parser.currentToken());
    }

    private static int intOf(JsonParser parser, boolean textSource) throws IOException {
        return isNumber(parser) ? JsonScalars.intValue(parser, textSource) : skipThen(0, parser, textSource);
    }

    /** Skips a value that converts to a fixed result (a tree's accessors give 0, false or null for it). */
    private static <T> T skipThen(T result, JsonParser parser, boolean textSource) throws IOException {
        skip(parser, textSource);
        return result;
    }

    private static Boolean readBoolean(JsonParser parser, boolean textSource) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE) {
            return Boolean.TRUE;
        }
        skip(parser, textSource);
        return Boolean.FALSE;
    }

    private static byte[] readBytes(JsonParser parser, boolean textSource) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            try {
                return base64(parser.getText());
            } catch (IOException e) {
                throw new DataException("Invalid bytes field", e);
            }
        }
        if (token == JsonToken.VALUE_EMBEDDED_OBJECT) {
            Object embedded = parser.getEmbeddedObject();
            return embedded instanceof byte[] ? (byte[]) embedded : null;
        }
        skip(parser, textSource);
        return null;
    }

    /** Decodes Base64 text exactly as a text node does (same variant, padding and whitespace rules). */
    private static byte[] base64(String text) throws IOException {
        return new TextNode(text).binaryValue();
    }

    private static Object readDecimal(Schema schema, JsonParser parser, boolean textSource) throws IOException {
        JsonToken token = parser.currentToken();
        if (JsonScalars.isNumber(token)) {
            return JsonScalars.decimalValue(parser, textSource);
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getText();
            return decimalFromBytes(schema, () -> base64(text));
        }
        if (token == JsonToken.VALUE_EMBEDDED_OBJECT && parser.getEmbeddedObject() instanceof byte[]) {
            byte[] unscaled = (byte[]) parser.getEmbeddedObject();
            return decimalFromBytes(schema, () -> unscaled);
        }
        String nodeType = JsonScalars.nodeType(parser);
        skip(parser, textSource);
        throw new DataException("Invalid type for Decimal, underlying representation should be numeric or bytes"
            + " but was " + nodeType);
    }

    /** Any failure to decode the bytes or to apply the schema's scale is reported as invalid bytes. */
    private static Object decimalFromBytes(Schema schema, UnscaledBytes unscaled) {
        try {
            return Decimal.toLogical(schema, unscaled.get());
        } catch (Exception e) {
            throw new DataException("Invalid bytes for Decimal field", e);
        }
    }

    /** The unscaled value's bytes, decoded on demand. */
    private interface UnscaledBytes {
        byte[] get() throws IOException;
    }

    private static int requireInt(String logicalType, JsonParser parser, boolean textSource) throws IOException {
        if (!JsonScalars.isInt(parser)) {
            String nodeType = JsonScalars.nodeType(parser);
            skip(parser, textSource);
            throw new DataException("Invalid type for " + logicalType + ", underlying representation should be"
                + " integer but was " + nodeType);
        }
        return parser.getIntValue();
    }

    private static Object readTimestamp(Schema schema, JsonParser parser, boolean textSource) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            String nodeType = JsonScalars.nodeType(parser);
            skip(parser, textSource);
            throw new DataException("Invalid type for Timestamp, underlying representation should be integral but"
                + " was " + nodeType);
        }
        return Timestamp.toLogical(schema, JsonScalars.longValue(parser, textSource));
    }

    private List<Object> readArray(Schema elementSchema, JsonParser parser, boolean textSource) throws IOException {
        JsonToken token = parser.currentToken();
        List<Object> result = new ArrayList<>();
        if (token == JsonToken.START_OBJECT) {
            // A tree iterates an object's values; only a tree knows which of duplicate keys survive.
            JsonNode object = JsonTrees.read(treeMapper, parser);
            for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
                result.add(read(elementSchema, it.next()));
            }
            return result;
        }
        if (token != JsonToken.START_ARRAY) {
            skip(parser, textSource);
            return result;
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            try {
                result.add(read(elementSchema, parser, textSource));
            } catch (RuntimeException e) {
                skipRestOfContainer(parser, textSource);
                throw e;
            }
        }
        return result;
    }

    /** After a failed element, moves to the end of the enclosing array or object. */
    private static void skipRestOfContainer(JsonParser parser, boolean textSource) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != JsonToken.END_OBJECT) {
            if (token == JsonToken.FIELD_NAME) {
                parser.nextToken();
            }
            skip(parser, textSource);
        }
    }

    private Map<Object, Object> readObjectAsMap(Schema valueSchema, JsonParser parser, boolean textSource)
        throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            String nodeType = JsonScalars.nodeType(parser);
            skip(parser, textSource);
            throw new DataException("Maps with string fields should be encoded as JSON objects, but found " + nodeType);
        }
        Map<Object, Object> result = new HashMap<>();
        Map<String, RuntimeException> failures = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            try {
                result.put(key, read(valueSchema, parser, textSource));
                if (failures != null) {
                    failures.remove(key);
                }
            } catch (RuntimeException e) {
                if (failures == null) {
                    failures = new LinkedHashMap<>();
                }
                failures.put(key, e);
            }
        }
        if (failures != null && !failures.isEmpty()) {
            throw failures.values().iterator().next();
        }
        return result;
    }

    private Map<Object, Object> readPairsAsMap(Schema keySchema, Schema valueSchema, JsonParser parser,
                                               boolean textSource) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            String nodeType = JsonScalars.nodeType(parser);
            skip(parser, textSource);
            throw new DataException("Maps with non-string fields should be encoded as JSON array of tuples, but found "
                + nodeType);
        }
        Map<Object, Object> result = new HashMap<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            try {
                readPair(keySchema, valueSchema, parser, textSource, result);
            } catch (RuntimeException e) {
                skipRestOfContainer(parser, textSource);
                throw e;
            }
        }
        return result;
    }

    /** Reads one {@code [key, value]} entry; its shape is checked before its contents, as a tree check would. */
    private void readPair(Schema keySchema, Schema valueSchema, JsonParser parser, boolean textSource,
                          Map<Object, Object> result) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            String nodeType = JsonScalars.nodeType(parser);
            skip(parser, textSource);
            throw new DataException("Found invalid map entry instead of array tuple: " + nodeType);
        }
        Object key = null;
        Object value = null;
        RuntimeException failure = null;
        int size = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (size < 2 && failure == null) {
                try {
                    if (size == 0) {
                        key = read(keySchema, parser, textSource);
                    } else {
                        value = read(valueSchema, parser, textSource);
                    }
                } catch (RuntimeException e) {
                    failure = e;
                }
            } else {
                skip(parser, textSource);
            }
            size++;
        }
        if (size != 2) {
            throw new DataException("Found invalid map entry, expected length 2 but found :" + size);
        }
        if (failure != null) {
            throw failure;
        }
        result.put(key, value);
    }

    private Struct readStruct(Schema schema, JsonParser parser, boolean textSource) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            String nodeType = JsonScalars.nodeType(parser);
            skip(parser, textSource);
            throw new DataException("Structs should be encoded as JSON objects, but found " + nodeType);
        }
        List<Field> fields = schema.fields();
        int count = fields.size();
        Object[] values = new Object[count];
        Arrays.fill(values, ABSENT);
        int expected = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            Field field;
            // Objects we wrote list the fields in schema order; try the next one before a lookup by name.
            if (expected < count && fields.get(expected).name().equals(name)) {
                field = fields.get(expected);
            } else {
                field = schema.field(name);
            }
            if (field == null) {
                skip(parser, textSource);
                continue;
            }
            expected = field.index() + 1;
            try {
                values[field.index()] = read(field.schema(), parser, textSource);
            } catch (RuntimeException e) {
                values[field.index()] = new Failure(e);
            }
        }
        Struct struct = new Struct(schema.schema());
        for (int i = 0; i < count; i++) {
            Field field = fields.get(i);
            Object value = values[i];
            if (value == ABSENT) {
                value = nullValue(field.schema());
            } else if (value instanceof Failure) {
                throw ((Failure) value).cause;
            }
            struct.put(field, value);
        }
        return struct;
    }

    /** A field value whose conversion failed; thrown only if no later duplicate key replaces it. */
    private static final class Failure {
        final RuntimeException cause;

        Failure(RuntimeException cause) {
            this.cause = cause;
        }
    }
}
