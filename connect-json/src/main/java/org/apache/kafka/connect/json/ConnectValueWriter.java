package org.apache.kafka.connect.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Writes Connect values as JSON: with a schema it follows the schema's type and logical name, without one it
 * infers the type from the Java class. Maps with string keys become JSON objects, other maps arrays of
 * {@code [key, value]} pairs. Nulls become the schema's default when {@code replace.null.with.default} is on.
 */
final class ConnectValueWriter {

    private final DecimalFormat decimalFormat;
    private final boolean replaceNullWithDefault;
    private final JsonNodeFactory nodes;

    ConnectValueWriter(DecimalFormat decimalFormat, boolean replaceNullWithDefault, JsonNodeFactory nodes) {
        this.decimalFormat = decimalFormat;
        this.replaceNullWithDefault = replaceNullWithDefault;
        this.nodes = nodes;
    }

    /** Writes {@code value} described by {@code schema} (null: schemaless) as the next JSON value of {@code out}. */
    void write(Schema schema, Object value, JsonOut out) throws IOException {
        if (value == null) {
            writeNull(schema, out);
            return;
        }
        if (schema != null) {
            String logicalName = schema.name();
            if (logicalName != null && writeLogical(logicalName, schema, value, out)) {
                return;
            }
        }
        Schema.Type type = schema == null ? inferredType(value) : schema.type();
        try {
            writeTyped(type, schema, value, out);
        } catch (ClassCastException e) {
            String expected = schema != null ? schema.type().toString() : "unknown schema";
            throw new DataException("Invalid type for " + expected + ": " + value.getClass());
        }
    }

    /** The value as a Jackson tree, with the node classes Apache's converter would build. */
    JsonNode toTree(Schema schema, Object value) throws IOException {
        TreeJsonOut tree = new TreeJsonOut(nodes);
        write(schema, value, tree);
        return tree.root();
    }

    private void writeNull(Schema schema, JsonOut out) throws IOException {
        if (schema == null) {
            out.nullValue();
        } else if (schema.defaultValue() != null && replaceNullWithDefault) {
            write(schema, schema.defaultValue(), out);
        } else if (schema.isOptional()) {
            out.nullValue();
        } else {
            throw new DataException("Conversion error: null value for field that is required and has no default value");
        }
    }

    /** Writes a value of a known logical type; false when the name is not one this converter knows. */
    private boolean writeLogical(String logicalName, Schema schema, Object value, JsonOut out) throws IOException {
        switch (logicalName) {
            case Decimal.LOGICAL_NAME:
                if (!(value instanceof BigDecimal)) {
                    throw new DataException("Invalid type for Decimal, expected BigDecimal but was " + value.getClass());
                }
                BigDecimal decimal = (BigDecimal) value;
                if (decimalFormat == DecimalFormat.NUMERIC) {
                    out.decimalValue(decimal);
                } else {
                    out.binaryValue(Decimal.fromLogical(schema, decimal));
                }
                return true;
            case Date.LOGICAL_NAME:
                out.intValue(Date.fromLogical(schema, asDate("Date", value)));
                return true;
            case Time.LOGICAL_NAME:
                out.intValue(Time.fromLogical(schema, asDate("Time", value)));
                return true;
            case Timestamp.LOGICAL_NAME:
                out.longValue(Timestamp.fromLogical(schema, asDate("Timestamp", value)));
                return true;
            default:
                return false;
        }
    }

    private static java.util.Date asDate(String logicalType, Object value) {
        if (!(value instanceof java.util.Date)) {
            throw new DataException("Invalid type for " + logicalType + ", expected Date but was " + value.getClass());
        }
        return (java.util.Date) value;
    }

    private void writeTyped(Schema.Type type, Schema schema, Object value, JsonOut out) throws IOException {
        switch (type) {
            case INT8:
                out.intValue((Byte) value);
                break;
            case INT16:
                out.shortValue((Short) value);
                break;
            case INT32:
                out.intValue((Integer) value);
                break;
            case INT64:
                out.longValue((Long) value);
                break;
            case FLOAT32:
                out.floatValue((Float) value);
                break;
            case FLOAT64:
                out.doubleValue((Double) value);
                break;
            case BOOLEAN:
                out.booleanValue((Boolean) value);
                break;
            case STRING:
                out.stringValue(((CharSequence) value).toString());
                break;
            case BYTES:
                writeBytes(value, out);
                break;
            case ARRAY:
                writeArray(schema, (Collection<?>) value, out);
                break;
            case MAP:
                writeMap(schema, (Map<?, ?>) value, out);
                break;
            case STRUCT:
                writeStruct(schema, (Struct) value, out);
                break;
            default:
                throw new DataException("Couldn't convert " + value + " to JSON.");
        }
    }

    private static void writeBytes(Object value, JsonOut out) throws IOException {
        if (value instanceof byte[]) {
            out.binaryValue((byte[]) value);
        } else if (value instanceof ByteBuffer) {
            // The whole backing array, ignoring position and limit, as Apache's converter writes it.
            out.binaryValue(((ByteBuffer) value).array());
        } else {
            throw new DataException("Invalid type for bytes type: " + value.getClass());
        }
    }

    private void writeArray(Schema schema, Collection<?> elements, JsonOut out) throws IOException {
        Schema elementSchema = schema == null ? null : schema.valueSchema();
        out.startArray();
        for (Object element : elements) {
            write(elementSchema, element, out);
        }
        out.endArray();
    }

    private void writeMap(Schema schema, Map<?, ?> map, JsonOut out) throws IOException {
        Schema keySchema = schema == null ? null : schema.keySchema();
        Schema valueSchema = schema == null ? null : schema.valueSchema();
        boolean asObject = schema == null ? allKeysAreStrings(map) : keySchema.type() == Schema.Type.STRING;
        if (!asObject) {
            out.startArray();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.startArray();
                write(keySchema, entry.getKey(), out);
                write(valueSchema, entry.getValue(), out);
                out.endArray();
            }
            out.endArray();
        } else if (keySchema == null || (keySchema.name() == null && allKeysAreStrings(map))) {
            out.startObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.fieldName((String) entry.getKey());
                write(valueSchema, entry.getValue(), out);
            }
            out.endObject();
        } else {
            out.tree(objectWithConvertedKeys(keySchema, valueSchema, map));
        }
    }

    /**
     * A map whose keys are not all plain strings (a null key, another CharSequence, a logical key schema): each
     * key is converted and then rendered as text, and keys whose text collides keep the last value in the first
     * position, exactly as a JSON object node does.
     */
    private ObjectNode objectWithConvertedKeys(Schema keySchema, Schema valueSchema, Map<?, ?> map)
        throws IOException {
        ObjectNode object = nodes.objectNode();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            JsonNode key = toTree(keySchema, entry.getKey());
            JsonNode value = toTree(valueSchema, entry.getValue());
            object.set(key.asText(), value);
        }
        return object;
    }

    private static boolean allKeysAreStrings(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }

    private void writeStruct(Schema schema, Struct struct, JsonOut out) throws IOException {
        if (!struct.schema().equals(schema)) {
            throw new DataException("Mismatching schema.");
        }
        out.startObject();
        List<Field> fields = schema.fields();
        for (int i = 0, n = fields.size(); i < n; i++) {
            Field field = fields.get(i);
            out.fieldName(field.name());
            // With replacement on, a null becomes the default either way; get(Field) avoids a lookup by name.
            Object value = replaceNullWithDefault ? struct.get(field) : struct.getWithoutDefault(field.name());
            write(field.schema(), value, out);
        }
        out.endObject();
    }

    /** The Connect type of a schemaless value, from its Java class. */
    private static Schema.Type inferredType(Object value) {
        // The common classes first, without the lock that ConnectSchema.schemaType takes.
        if (value instanceof String) {
            return Schema.Type.STRING;
        } else if (value instanceof Integer) {
            return Schema.Type.INT32;
        } else if (value instanceof Long) {
            return Schema.Type.INT64;
        } else if (value instanceof Double) {
            return Schema.Type.FLOAT64;
        } else if (value instanceof Boolean) {
            return Schema.Type.BOOLEAN;
        } else if (value instanceof Map) {
            return Schema.Type.MAP;
        } else if (value instanceof List) {
            return Schema.Type.ARRAY;
        } else if (value instanceof Struct) {
            return Schema.Type.STRUCT;
        }
        Schema.Type type = ConnectSchema.schemaType(value.getClass());
        if (type == null) {
            throw new DataException("Java class " + value.getClass() + " does not have corresponding schema type.");
        }
        return type;
    }
}
