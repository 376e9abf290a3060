package org.apache.kafka.connect.transforms;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.util.Requirements;
import org.apache.kafka.connect.transforms.util.SchemaUtil;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * Flattens nested structs (with a schema) or nested maps (without one) of the record's key
 * ({@link Key}) or value ({@link Value}) into one level, naming each leaf by joining the names on its
 * path with the configured delimiter. Arrays are kept as they are; a field under an optional parent
 * becomes optional. A nested struct's schema default supplies defaults for the leaf schemas beneath it (a null
 * nested struct still gives null leaves). Maps inside schema'd data are not supported.
 *
 * @param <R> the record type
 */
public abstract class Flatten<R extends ConnectRecord<R>> implements Transformation<R> {

    public static final String OVERVIEW_DOC = "Flatten a nested data structure, generating names for each field by"
        + " concatenating the field names at each level with a configurable delimiter character. Applies to Struct"
        + " when schema present, or a Map in the case of schemaless data. Array fields and their contents are not"
        + " modified. The default delimiter is '.'."
        + "<p/>Use the concrete transformation type designed for the record key (<code>" + Key.class.getName()
        + "</code>) or value (<code>" + Value.class.getName() + "</code>).";

    private static final String DELIMITER_CONFIG = "delimiter";
    private static final String DELIMITER_DEFAULT = ".";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
        .define(DELIMITER_CONFIG, ConfigDef.Type.STRING, DELIMITER_DEFAULT, ConfigDef.Importance.MEDIUM,
            "Text placed between the names of nested fields to form the name of a flattened field.");

    private static final String PURPOSE = "flattening";

    private String delimiter;
    private final UpdatedSchemaCache schemaCache = new UpdatedSchemaCache(this::flatSchema);

    @Override
    public void configure(Map<String, ?> props) {
        delimiter = new SimpleConfig(CONFIG_DEF, props).getString(DELIMITER_CONFIG);
        schemaCache.clear();
    }

    @Override
    public R apply(R record) {
        Object data = operatingValue(record);
        Schema schema = operatingSchema(record);
        if (schema == null) {
            Map<String, Object> map = Requirements.requireMapOrNull(data, PURPOSE);
            if (map == null) {
                return record;
            }
            Map<String, Object> flat = new LinkedHashMap<>();
            flattenMap(map, "", flat);
            return newRecord(record, null, flat);
        }
        Struct struct = Requirements.requireStructOrNull(data, PURPOSE);
        if (struct == null) {
            return record;
        }
        Schema flatSchema = schemaCache.get(schema);
        Struct flat = new Struct(flatSchema);
        flattenStruct(struct, schema, flat, 0);
        return newRecord(record, flatSchema, flat);
    }

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public void close() {
        schemaCache.clear();
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    protected abstract Schema operatingSchema(R record);

    protected abstract Object operatingValue(R record);

    protected abstract R newRecord(R record, Schema updatedSchema, Object updatedValue);

    private void flattenMap(Map<String, Object> map, String prefix, Map<String, Object> flat) {
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String name = joined(prefix, entry.getKey());
            Object value = entry.getValue();
            if (value == null) {
                flat.put(name, null);
                continue;
            }
            Schema.Type type = ConnectSchema.schemaType(value.getClass());
            if (type == null) {
                throw new DataException("Flatten transformation was passed a value of type " + value.getClass()
                    + " which is not supported by Connect's data API");
            }
            if (type == Schema.Type.MAP) {
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) value;
                flattenMap(nested, name, flat);
            } else if (type == Schema.Type.STRUCT) {
                throw new DataException("Flatten transformation does not support " + value.getClass()
                    + " for record without schemas (for field " + name + ").");
            } else {
                flat.put(name, value);
            }
        }
    }

    /**
     * Copies the leaves under {@code struct} (null when an optional parent is null) into {@code flat}.
     * Leaves appear in the flat schema in the order of this depth-first walk, so the output field is
     * found by position rather than by building its name again for every record.
     *
     * @return the position of the next leaf
     */
    private static int flattenStruct(Struct struct, Schema schema, Struct flat, int position) {
        int next = position;
        for (Field field : schema.fields()) {
            if (field.schema().type() == Schema.Type.STRUCT) {
                // A null nested struct leaves its leaves null: its default lives on in the flat schema instead.
                Struct nested = struct == null ? null : (Struct) struct.getWithoutDefault(field.name());
                next = flattenStruct(nested, field.schema(), flat, next);
            } else {
                if (struct != null) {
                    // Put even a null: a required field left null in the input fails here, as upstream.
                    flat.put(flat.schema().fields().get(next), struct.get(field));
                }
                next++;
            }
        }
        return next;
    }

    private Schema flatSchema(Schema schema) {
        SchemaBuilder builder = SchemaUtil.copySchemaBasics(schema, SchemaBuilder.struct());
        // The top-level schema's own default does not reach the leaves, as upstream.
        addLeaves(schema, "", schema.isOptional(), null, builder);
        return builder.build();
    }

    /**
     * Adds the flat fields for the leaves under {@code struct}. A leaf's default is its own schema's default
     * or, failing that, its value in the nearest enclosing struct default ({@code parentDefault}, null if none).
     */
    private void addLeaves(Schema struct, String prefix, boolean underOptional, Struct parentDefault,
                           SchemaBuilder builder) {
        for (Field field : struct.fields()) {
            String name = joined(prefix, field.name());
            Schema fieldSchema = field.schema();
            Object fieldDefault = fieldSchema.defaultValue();
            if (fieldDefault == null && parentDefault != null) {
                fieldDefault = parentDefault.get(field.name());
            }
            switch (fieldSchema.type()) {
                case STRUCT:
                    addLeaves(fieldSchema, name, underOptional || fieldSchema.isOptional(), (Struct) fieldDefault,
                        builder);
                    break;
                case MAP:
                    throw new DataException("Flatten transformation does not support " + fieldSchema.type()
                        + " for record with schemas (for field " + name + ").");
                default:
                    builder.field(name, leafSchema(fieldSchema, underOptional, fieldDefault));
                    break;
            }
        }
    }

    private static Schema leafSchema(Schema original, boolean underOptional, Object defaultValue) {
        SchemaBuilder leaf = SchemaUtil.copySchemaBasics(original);
        if (underOptional || original.isOptional()) {
            leaf.optional();
        }
        if (defaultValue != null) {
            leaf.defaultValue(defaultValue);
        }
        return leaf.build();
    }

    private String joined(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + delimiter + name;
    }

    /** Flattens the record key. */
    public static class Key<R extends ConnectRecord<R>> extends Flatten<R> {
        @Override
        protected Schema operatingSchema(R record) {
            return RecordSide.KEY.schema(record);
        }

        @Override
        protected Object operatingValue(R record) {
            return RecordSide.KEY.data(record);
        }

        @Override
        protected R newRecord(R record, Schema updatedSchema, Object updatedValue) {
            return RecordSide.KEY.replace(record, updatedSchema, updatedValue);
        }
    }

    /** Flattens the record value. */
    public static class Value<R extends ConnectRecord<R>> extends Flatten<R> {
        @Override
        protected Schema operatingSchema(R record) {
            return RecordSide.VALUE.schema(record);
        }

        @Override
        protected Object operatingValue(R record) {
            return RecordSide.VALUE.data(record);
        }

        @Override
        protected R newRecord(R record, Schema updatedSchema, Object updatedValue) {
            return RecordSide.VALUE.replace(record, updatedSchema, updatedValue);
        }
    }
}
