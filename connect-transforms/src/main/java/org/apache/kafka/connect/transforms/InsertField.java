package org.apache.kafka.connect.transforms;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.transforms.util.Requirements;
import org.apache.kafka.connect.transforms.util.SchemaUtil;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * Adds fields taken from the record's metadata (topic, partition, Kafka offset of sink records,
 * timestamp) or a configured constant to the record's key ({@link Key}) or value ({@link Value}).
 * Works on structs with a schema and on maps without one; tombstones pass through unchanged.
 *
 * @param <R> the record type
 */
public abstract class InsertField<R extends ConnectRecord<R>> implements Transformation<R> {

    public static final String OVERVIEW_DOC = "Insert field(s) using attributes from the record metadata or a configured static value."
        + "<p/>Use the concrete transformation type designed for the record key (<code>" + Key.class.getName() + "</code>) "
        + "or value (<code>" + Value.class.getName() + "</code>).";

    private static final String SUFFIX_NOTE = " Append <code>!</code> to make the field required, or <code>?</code> to make it optional (the default).";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
        .define(ConfigName.TOPIC_FIELD, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
            "Name of the field that receives the record's topic." + SUFFIX_NOTE)
        .define(ConfigName.PARTITION_FIELD, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
            "Name of the field that receives the record's Kafka partition." + SUFFIX_NOTE)
        .define(ConfigName.OFFSET_FIELD, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
            "Name of the field that receives the record's Kafka offset; sink connectors only.<br/>" + SUFFIX_NOTE)
        .define(ConfigName.TIMESTAMP_FIELD, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
            "Name of the field that receives the record's timestamp." + SUFFIX_NOTE)
        .define(ConfigName.STATIC_FIELD, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
            "Name of the field that receives the constant <code>static.value</code>." + SUFFIX_NOTE)
        .define(ConfigName.STATIC_VALUE, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
            "Constant string written to <code>static.field</code>.")
        .define(ConfigName.REPLACE_NULL_WITH_DEFAULT, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
            "When copying the existing fields of a struct, whether a null field that declares a default value "
                + "is copied as that default (true) or as null (false).");

    private static final String PURPOSE = "field insertion";

    private static final Schema OPTIONAL_TIMESTAMP_SCHEMA = Timestamp.builder().optional().build();

    /** Configuration keys. */
    interface ConfigName {
        String TOPIC_FIELD = "topic.field";
        String PARTITION_FIELD = "partition.field";
        String OFFSET_FIELD = "offset.field";
        String TIMESTAMP_FIELD = "timestamp.field";
        String STATIC_FIELD = "static.field";
        String STATIC_VALUE = "static.value";
        String REPLACE_NULL_WITH_DEFAULT = "replace.null.with.default";
    }

    private InsertedField topicField;
    private InsertedField partitionField;
    private InsertedField offsetField;
    private InsertedField timestampField;
    private InsertedField staticField;
    private String staticValue;
    private boolean replaceNullWithDefault;
    private final UpdatedSchemaCache schemaCache = new UpdatedSchemaCache(this::withInsertedFields);

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        topicField = InsertedField.parse(config.getString(ConfigName.TOPIC_FIELD));
        partitionField = InsertedField.parse(config.getString(ConfigName.PARTITION_FIELD));
        offsetField = InsertedField.parse(config.getString(ConfigName.OFFSET_FIELD));
        timestampField = InsertedField.parse(config.getString(ConfigName.TIMESTAMP_FIELD));
        staticField = InsertedField.parse(config.getString(ConfigName.STATIC_FIELD));
        staticValue = config.getString(ConfigName.STATIC_VALUE);
        replaceNullWithDefault = config.getBoolean(ConfigName.REPLACE_NULL_WITH_DEFAULT);

        if (topicField == null && partitionField == null && offsetField == null && timestampField == null && staticField == null) {
            throw new ConfigException("No field insertion configured");
        }
        if (staticField != null && staticValue == null) {
            throw new ConfigException(ConfigName.STATIC_VALUE, null,
                "No value specified for static field '" + staticField.name + "'");
        }
        schemaCache.clear();
    }

    @Override
    public R apply(R record) {
        Object target = operatingValue(record);
        if (target == null) {
            return record;
        }
        return operatingSchema(record) == null ? applySchemaless(record, target) : applyWithSchema(record, target);
    }

    private R applySchemaless(R record, Object target) {
        Map<String, Object> original = Requirements.requireMap(target, PURPOSE);
        Map<String, Object> updated = new HashMap<>(original);
        if (topicField != null) {
            updated.put(topicField.name, record.topic());
        }
        if (partitionField != null && record.kafkaPartition() != null) {
            updated.put(partitionField.name, record.kafkaPartition());
        }
        if (offsetField != null) {
            updated.put(offsetField.name, Requirements.requireSinkRecord(record, PURPOSE).kafkaOffset());
        }
        if (timestampField != null && record.timestamp() != null) {
            updated.put(timestampField.name, record.timestamp());
        }
        if (staticField != null) {
            updated.put(staticField.name, staticValue);
        }
        return newRecord(record, null, updated);
    }

    private R applyWithSchema(R record, Object target) {
        Struct original = Requirements.requireStruct(target, PURPOSE);
        Schema updatedSchema = schemaCache.get(original.schema());
        Struct updated = new Struct(updatedSchema);
        List<Field> updatedFields = updatedSchema.fields();
        for (Field field : original.schema().fields()) {
            updated.put(updatedFields.get(field.index()), fieldValue(original, field));
        }
        if (topicField != null) {
            updated.put(topicField.name, record.topic());
        }
        if (partitionField != null && record.kafkaPartition() != null) {
            updated.put(partitionField.name, record.kafkaPartition());
        }
        if (offsetField != null) {
            updated.put(offsetField.name, Requirements.requireSinkRecord(record, PURPOSE).kafkaOffset());
        }
        if (timestampField != null && record.timestamp() != null) {
            updated.put(timestampField.name, new Date(record.timestamp()));
        }
        if (staticField != null) {
            updated.put(staticField.name, staticValue);
        }
        return newRecord(record, updatedSchema, updated);
    }

    private Object fieldValue(Struct struct, Field field) {
        return replaceNullWithDefault ? struct.get(field) : struct.getWithoutDefault(field.name());
    }

    /** The struct schema with the configured fields appended; optionality of the struct itself is not kept. */
    private Schema withInsertedFields(Schema schema) {
        SchemaBuilder builder = SchemaUtil.copySchemaBasics(schema, SchemaBuilder.struct());
        for (Field field : schema.fields()) {
            builder.field(field.name(), field.schema());
        }
        if (topicField != null) {
            builder.field(topicField.name, topicField.optional ? Schema.OPTIONAL_STRING_SCHEMA : Schema.STRING_SCHEMA);
        }
        if (partitionField != null) {
            builder.field(partitionField.name, partitionField.optional ? Schema.OPTIONAL_INT32_SCHEMA : Schema.INT32_SCHEMA);
        }
        if (offsetField != null) {
            builder.field(offsetField.name, offsetField.optional ? Schema.OPTIONAL_INT64_SCHEMA : Schema.INT64_SCHEMA);
        }
        if (timestampField != null) {
            builder.field(timestampField.name, timestampField.optional ? OPTIONAL_TIMESTAMP_SCHEMA : Timestamp.SCHEMA);
        }
        if (staticField != null) {
            builder.field(staticField.name, staticField.optional ? Schema.OPTIONAL_STRING_SCHEMA : Schema.STRING_SCHEMA);
        }
        return builder.build();
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

    /** A field to insert: its name and whether its schema is optional ({@code name?}, the default) or required ({@code name!}). */
    private static final class InsertedField {
        final String name;
        final boolean optional;

        private InsertedField(String name, boolean optional) {
            this.name = name;
            this.optional = optional;
        }

        /** Null for an unset option; the text is trimmed before its suffix is read. */
        static InsertedField parse(String spec) {
            if (spec == null) {
                return null;
            }
            String trimmed = spec.trim();
            if (trimmed.endsWith("!")) {
                return new InsertedField(trimmed.substring(0, trimmed.length() - 1), false);
            }
            if (trimmed.endsWith("?")) {
                return new InsertedField(trimmed.substring(0, trimmed.length() - 1), true);
            }
            return new InsertedField(trimmed, true);
        }
    }

    /**
     * Inserts the fields into the record key.
     *
     * @param <R> the record type
     */
    public static class Key<R extends ConnectRecord<R>> extends InsertField<R> {

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

    /**
     * Inserts the fields into the record value.
     *
     * @param <R> the record type
     */
    public static class Value<R extends ConnectRecord<R>> extends InsertField<R> {

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
