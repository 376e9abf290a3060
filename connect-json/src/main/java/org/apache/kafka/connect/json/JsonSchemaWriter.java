package org.apache.kafka.connect.json;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;

/**
 * Writes a Connect schema in the JSON schema format: {@code type}, then the nested {@code items},
 * {@code keys}/{@code values} or {@code fields}, then {@code optional}, {@code name}, {@code version},
 * {@code doc}, {@code parameters} and {@code default}. A struct field is its schema object with a trailing
 * {@code field} member naming it.
 */
final class JsonSchemaWriter {

    private final ConnectValueWriter values;

    JsonSchemaWriter(ConnectValueWriter values) {
        this.values = values;
    }

    /** Writes the schema, or a JSON null for a null schema. */
    void write(Schema schema, JsonOut out) throws IOException {
        if (schema == null) {
            out.nullValue();
            return;
        }
        out.startObject();
        writeMembers(schema, out);
        out.endObject();
    }

    private void writeMembers(Schema schema, JsonOut out) throws IOException {
        out.fieldName(JsonSchema.SCHEMA_TYPE_FIELD_NAME);
        out.stringValue(JsonSchema.typeName(schema.type()));
        switch (schema.type()) {
            case ARRAY:
                out.fieldName(JsonSchema.ARRAY_ITEMS_FIELD_NAME);
                write(schema.valueSchema(), out);
                break;
            case MAP:
                out.fieldName(JsonSchema.MAP_KEY_FIELD_NAME);
                write(schema.keySchema(), out);
                out.fieldName(JsonSchema.MAP_VALUE_FIELD_NAME);
                write(schema.valueSchema(), out);
                break;
            case STRUCT:
                out.fieldName(JsonSchema.STRUCT_FIELDS_FIELD_NAME);
                writeFields(schema.fields(), out);
                break;
            default:
                break;
        }
        out.fieldName(JsonSchema.SCHEMA_OPTIONAL_FIELD_NAME);
        out.booleanValue(schema.isOptional());
        if (schema.name() != null) {
            out.fieldName(JsonSchema.SCHEMA_NAME_FIELD_NAME);
            out.stringValue(schema.name());
        }
        if (schema.version() != null) {
            out.fieldName(JsonSchema.SCHEMA_VERSION_FIELD_NAME);
            out.intValue(schema.version());
        }
        if (schema.doc() != null) {
            out.fieldName(JsonSchema.SCHEMA_DOC_FIELD_NAME);
            out.stringValue(schema.doc());
        }
        Map<String, String> parameters = schema.parameters();
        if (parameters != null) {
            out.fieldName(JsonSchema.SCHEMA_PARAMETERS_FIELD_NAME);
            writeParameters(parameters, out);
        }
        if (schema.defaultValue() != null) {
            out.fieldName(JsonSchema.SCHEMA_DEFAULT_FIELD_NAME);
            values.write(schema, schema.defaultValue(), out);
        }
    }

    private void writeFields(List<Field> fields, JsonOut out) throws IOException {
        out.startArray();
        for (Field field : fields) {
            out.startObject();
            writeMembers(field.schema(), out);
            out.fieldName(JsonSchema.STRUCT_FIELD_NAME_FIELD_NAME);
            out.stringValue(field.name());
            out.endObject();
        }
        out.endArray();
    }

    private static void writeParameters(Map<String, String> parameters, JsonOut out) throws IOException {
        out.startObject();
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            out.fieldName(parameter.getKey());
            if (parameter.getValue() == null) {
                out.nullValue();
            } else {
                out.stringValue(parameter.getValue());
            }
        }
        out.endObject();
    }
}
