package org.apache.kafka.connect.transforms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.util.Requirements;
import org.apache.kafka.connect.transforms.util.SchemaUtil;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * Casts the record's key ({@link Key}) or value ({@link Value}) as a whole, or some of its top-level
 * fields, to another primitive type: {@code int8} to {@code float64}, {@code boolean} or
 * {@code string}. Works on structs with a schema (the schema is rewritten to match) and on maps
 * without one. A null key or value is left alone.
 *
 * @param <R> the record type
 */
public abstract class Cast<R extends ConnectRecord<R>> implements Transformation<R> {

    public static final String OVERVIEW_DOC = "Cast fields or the entire key or value to a specific type, e.g. to"
        + " force an integer field to a smaller width. Cast from integers, floats, boolean and string to any other"
        + " type, and cast binary to string (base64 encoded)."
        + "<p/>Use the concrete transformation type designed for the record key (<code>" + Key.class.getName()
        + "</code>) or value (<code>" + Value.class.getName() + "</code>).";

    public static final String SPEC_CONFIG = "spec";
    public static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
        .define(SPEC_CONFIG, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, ColonPairs.validator(CastSpec::parse),
            ConfigDef.Importance.HIGH, "Either <code>field:type</code> pairs, one per top-level field of a struct"
                + " or map to cast, or a single type to cast the whole key or value to. Types: int8, int16, int32,"
                + " int64, float32, float64, boolean and string; binary data can only become a string.")
        .define(REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
            StructFields.REPLACE_NULL_WITH_DEFAULT_DOC);

    private static final String PURPOSE = "cast types";

    private CastSpec spec;
    private boolean replaceNullWithDefault;
    private final UpdatedSchemaCache schemaCache = new UpdatedSchemaCache(this::castSchema);

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        List<String> entries = config.getList(SPEC_CONFIG);
        spec = CastSpec.parse(entries);
        replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
        schemaCache.clear();
    }

    @Override
    public R apply(R record) {
        Object data = operatingValue(record);
        if (data == null) {
            return record;
        }
        Schema schema = operatingSchema(record);
        return schema == null ? castSchemaless(record, data) : castWithSchema(record, schema, data);
    }

    private R castSchemaless(R record, Object data) {
        if (spec.wholeValueType != null) {
            return newRecord(record, null, CastValues.cast(null, data, spec.wholeValueType));
        }
        Map<String, Object> map = Requirements.requireMap(data, PURPOSE);
        Map<String, Object> cast = new HashMap<>(map);
        for (Map.Entry<String, Schema.Type> fieldType : spec.fieldTypes.entrySet()) {
            String field = fieldType.getKey();
            cast.put(field, CastValues.cast(null, map.get(field), fieldType.getValue()));
        }
        return newRecord(record, null, cast);
    }

    private R castWithSchema(R record, Schema schema, Object data) {
        Schema castSchema = schemaCache.get(schema);
        if (spec.wholeValueType != null) {
            return newRecord(record, castSchema, CastValues.cast(schema, data, spec.wholeValueType));
        }
        Struct struct = Requirements.requireStruct(data, PURPOSE);
        Struct cast = new Struct(castSchema);
        List<Field> castFields = castSchema.fields();
        for (Field field : schema.fields()) {
            Object value = StructFields.read(struct, field, replaceNullWithDefault);
            Schema.Type target = spec.fieldTypes.get(field.name());
            cast.put(castFields.get(field.index()),
                target == null ? value : CastValues.cast(field.schema(), value, target));
        }
        return newRecord(record, castSchema, cast);
    }

    private Schema castSchema(Schema schema) {
        if (spec.wholeValueType != null) {
            // Metadata first: a logical name makes the builder validate the cast default against it, as upstream.
            SchemaBuilder whole = SchemaUtil.copySchemaBasics(schema, new SchemaBuilder(spec.wholeValueType));
            return withOptionalityAndDefault(whole, schema, spec.wholeValueType).build();
        }
        SchemaBuilder builder = SchemaUtil.copySchemaBasics(schema, SchemaBuilder.struct());
        for (Field field : schema.fields()) {
            Schema.Type target = spec.fieldTypes.get(field.name());
            builder.field(field.name(), target == null ? field.schema()
                : withOptionalityAndDefault(new SchemaBuilder(target), field.schema(), target).build());
        }
        if (schema.isOptional()) {
            builder.optional();
        }
        return builder.build();
    }

    /** Gives {@code builder} the original's optionality and its default value, cast to {@code target}. */
    private static SchemaBuilder withOptionalityAndDefault(SchemaBuilder builder, Schema original,
                                                           Schema.Type target) {
        if (original.isOptional()) {
            builder.optional();
        }
        if (original.defaultValue() != null) {
            builder.defaultValue(CastValues.cast(original, original.defaultValue(), target));
        }
        return builder;
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
        schemaCache.clear();
    }

    protected abstract Schema operatingSchema(R record);

    protected abstract Object operatingValue(R record);

    protected abstract R newRecord(R record, Schema updatedSchema, Object updatedValue);

    /** Casts the record key or its fields. */
    public static final class Key<R extends ConnectRecord<R>> extends Cast<R> {
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

    /** Casts the record value or its fields. */
    public static final class Value<R extends ConnectRecord<R>> extends Cast<R> {
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
