package org.apache.kafka.connect.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.DataException;

/**
 * Builds a Connect schema from its JSON form. Nested schemas are read before the outer schema's
 * {@code optional}, {@code name}, {@code version}, {@code doc}, {@code parameters} and {@code default}, and the
 * default is converted against the schema built so far, so errors surface in the same order as Apache's.
 */
final class JsonSchemaReader {

    private final ConnectValueReader values;

    JsonSchemaReader(ConnectValueReader values) {
        this.values = values;
    }

    /** The schema described by {@code json}; null for a JSON null. */
    Schema read(JsonNode json) throws IOException {
        if (json.isNull()) {
            return null;
        }
        JsonNode typeNode = json.get(JsonSchema.SCHEMA_TYPE_FIELD_NAME);
        if (typeNode == null || !typeNode.isTextual()) {
            throw new DataException("Schema must contain 'type' field");
        }
        SchemaBuilder builder = builderFor(typeNode.textValue(), json);

        JsonNode optional = json.get(JsonSchema.SCHEMA_OPTIONAL_FIELD_NAME);
        if (optional != null && optional.isBoolean() && optional.booleanValue()) {
            builder.optional();
        } else {
            builder.required();
        }
        JsonNode name = json.get(JsonSchema.SCHEMA_NAME_FIELD_NAME);
        if (name != null && name.isTextual()) {
            builder.name(name.textValue());
        }
        JsonNode version = json.get(JsonSchema.SCHEMA_VERSION_FIELD_NAME);
        if (version != null && version.isIntegralNumber()) {
            builder.version(version.intValue());
        }
        JsonNode doc = json.get(JsonSchema.SCHEMA_DOC_FIELD_NAME);
        if (doc != null && doc.isTextual()) {
            builder.doc(doc.textValue());
        }
        JsonNode parameters = json.get(JsonSchema.SCHEMA_PARAMETERS_FIELD_NAME);
        if (parameters != null && parameters.isObject()) {
            for (Map.Entry<String, JsonNode> parameter : parameters.properties()) {
                if (!parameter.getValue().isTextual()) {
                    throw new DataException("Schema parameters must have string values.");
                }
                builder.parameter(parameter.getKey(), parameter.getValue().textValue());
            }
        }
        JsonNode defaultValue = json.get(JsonSchema.SCHEMA_DEFAULT_FIELD_NAME);
        if (defaultValue != null) {
            builder.defaultValue(values.read(builder, defaultValue));
        }
        return builder.build();
    }

    private SchemaBuilder builderFor(String typeName, JsonNode json) throws IOException {
        switch (typeName) {
            case JsonSchema.BOOLEAN_TYPE_NAME:
                return SchemaBuilder.bool();
            case JsonSchema.INT8_TYPE_NAME:
                return SchemaBuilder.int8();
            case JsonSchema.INT16_TYPE_NAME:
                return SchemaBuilder.int16();
            case JsonSchema.INT32_TYPE_NAME:
                return SchemaBuilder.int32();
            case JsonSchema.INT64_TYPE_NAME:
                return SchemaBuilder.int64();
            case JsonSchema.FLOAT_TYPE_NAME:
                return SchemaBuilder.float32();
            case JsonSchema.DOUBLE_TYPE_NAME:
                return SchemaBuilder.float64();
            case JsonSchema.BYTES_TYPE_NAME:
                return SchemaBuilder.bytes();
            case JsonSchema.STRING_TYPE_NAME:
                return SchemaBuilder.string();
            case JsonSchema.ARRAY_TYPE_NAME:
                JsonNode items = json.get(JsonSchema.ARRAY_ITEMS_FIELD_NAME);
                if (items == null || items.isNull()) {
                    throw new DataException("Array schema did not specify the element type");
                }
                return SchemaBuilder.array(read(items));
            case JsonSchema.MAP_TYPE_NAME:
                JsonNode keys = json.get(JsonSchema.MAP_KEY_FIELD_NAME);
                if (keys == null) {
                    throw new DataException("Map schema did not specify the key type");
                }
                JsonNode mapValues = json.get(JsonSchema.MAP_VALUE_FIELD_NAME);
                if (mapValues == null) {
                    throw new DataException("Map schema did not specify the value type");
                }
                return SchemaBuilder.map(read(keys), read(mapValues));
            case JsonSchema.STRUCT_TYPE_NAME:
                return structBuilder(json);
            default:
                throw new DataException("Unknown schema type: " + typeName);
        }
    }

    private SchemaBuilder structBuilder(JsonNode json) throws IOException {
        SchemaBuilder builder = SchemaBuilder.struct();
        JsonNode fields = json.get(JsonSchema.STRUCT_FIELDS_FIELD_NAME);
        if (fields == null || !fields.isArray()) {
            throw new DataException("Struct schema's \"fields\" argument is not an array.");
        }
        for (JsonNode field : fields) {
            JsonNode fieldName = field.get(JsonSchema.STRUCT_FIELD_NAME_FIELD_NAME);
            if (fieldName == null || !fieldName.isTextual()) {
                throw new DataException("Struct schema's field name not specified properly");
            }
            builder.field(fieldName.asText(), read(field));
        }
        return builder;
    }
}
