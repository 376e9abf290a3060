package org.apache.kafka.connect.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.connect.data.Schema;

/**
 * The vocabulary of the JSON schema format that {@link JsonConverter} writes and reads, and the envelope that
 * pairs a schema with its payload.
 */
public class JsonSchema {

    static final String ENVELOPE_SCHEMA_FIELD_NAME = "schema";
    static final String ENVELOPE_PAYLOAD_FIELD_NAME = "payload";

    static final String SCHEMA_TYPE_FIELD_NAME = "type";
    static final String SCHEMA_OPTIONAL_FIELD_NAME = "optional";
    static final String SCHEMA_NAME_FIELD_NAME = "name";
    static final String SCHEMA_VERSION_FIELD_NAME = "version";
    static final String SCHEMA_DOC_FIELD_NAME = "doc";
    static final String SCHEMA_PARAMETERS_FIELD_NAME = "parameters";
    static final String SCHEMA_DEFAULT_FIELD_NAME = "default";
    static final String ARRAY_ITEMS_FIELD_NAME = "items";
    static final String MAP_KEY_FIELD_NAME = "keys";
    static final String MAP_VALUE_FIELD_NAME = "values";
    static final String STRUCT_FIELDS_FIELD_NAME = "fields";
    static final String STRUCT_FIELD_NAME_FIELD_NAME = "field";

    static final String BOOLEAN_TYPE_NAME = "boolean";
    static final String INT8_TYPE_NAME = "int8";
    static final String INT16_TYPE_NAME = "int16";
    static final String INT32_TYPE_NAME = "int32";
    static final String INT64_TYPE_NAME = "int64";
    static final String FLOAT_TYPE_NAME = "float";
    static final String DOUBLE_TYPE_NAME = "double";
    static final String BYTES_TYPE_NAME = "bytes";
    static final String STRING_TYPE_NAME = "string";
    static final String ARRAY_TYPE_NAME = "array";
    static final String MAP_TYPE_NAME = "map";
    static final String STRUCT_TYPE_NAME = "struct";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** An object node {@code {"schema": schema, "payload": payload}}; a null argument becomes a JSON null. */
    public static ObjectNode envelope(JsonNode schema, JsonNode payload) {
        ObjectNode envelope = NODES.objectNode();
        envelope.set(ENVELOPE_SCHEMA_FIELD_NAME, schema);
        envelope.set(ENVELOPE_PAYLOAD_FIELD_NAME, payload);
        return envelope;
    }

    /** The name of a Connect type in the JSON schema format. */
    static String typeName(Schema.Type type) {
        switch (type) {
            case BOOLEAN:
                return BOOLEAN_TYPE_NAME;
            case INT8:
                return INT8_TYPE_NAME;
            case INT16:
                return INT16_TYPE_NAME;
            case INT32:
                return INT32_TYPE_NAME;
            case INT64:
                return INT64_TYPE_NAME;
            case FLOAT32:
                return FLOAT_TYPE_NAME;
            case FLOAT64:
                return DOUBLE_TYPE_NAME;
            case BYTES:
                return BYTES_TYPE_NAME;
            case STRING:
                return STRING_TYPE_NAME;
            case ARRAY:
                return ARRAY_TYPE_NAME;
            case MAP:
                return MAP_TYPE_NAME;
            case STRUCT:
                return STRUCT_TYPE_NAME;
            default:
                throw new IllegalArgumentException("No JSON schema type name for Connect type " + type);
        }
    }
}
