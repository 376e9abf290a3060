package org.apache.kafka.connect.transforms;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.field.FieldSyntaxVersion;
import org.apache.kafka.connect.transforms.field.SingleFieldPath;
import org.apache.kafka.connect.transforms.util.Requirements;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * Replaces the record's key ({@link Key}) or value ({@link Value}) with one of its fields: a struct
 * field when there is a schema, a map entry when there is none. With {@code field.syntax.version=V2}
 * the field may be a dotted path into nested structs or maps. A null key or value stays null.
 *
 * @param <R> the record type
 */
public abstract class ExtractField<R extends ConnectRecord<R>> implements Transformation<R> {

    public static final String OVERVIEW_DOC = "Extract the specified field from a Struct when schema present, or a Map"
        + " in the case of schemaless data. Any null values are passed through unmodified."
        + "<p/>Use the concrete transformation type designed for the record key (<code>" + Key.class.getName()
        + "</code>) or value (<code>" + Value.class.getName() + "</code>).";

    private static final String FIELD_CONFIG = "field";
    private static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";

    public static final ConfigDef CONFIG_DEF = FieldSyntaxVersion.appendConfigTo(new ConfigDef()
        .define(FIELD_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Importance.MEDIUM,
            "The field whose content becomes the new key or value.")
        .define(REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
            StructFields.REPLACE_NULL_WITH_DEFAULT_DOC));

    private static final String PURPOSE = "field extraction";

    private SingleFieldPath fieldPath;
    private String configuredField;
    private boolean replaceNullWithDefault;

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        configuredField = config.getString(FIELD_CONFIG);
        fieldPath = new SingleFieldPath(configuredField, FieldSyntaxVersion.fromConfig(config));
        replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
    }

    @Override
    public R apply(R record) {
        Schema schema = operatingSchema(record);
        if (schema == null) {
            Map<String, Object> map = Requirements.requireMapOrNull(operatingValue(record), PURPOSE);
            return newRecord(record, null, map == null ? null : fieldPath.valueFrom(map));
        }
        Struct struct = Requirements.requireStructOrNull(operatingValue(record), PURPOSE);
        Field field = fieldPath.fieldFrom(schema);
        if (field == null) {
            throw new IllegalArgumentException("Unknown field: " + configuredField);
        }
        return newRecord(record, field.schema(),
            struct == null ? null : fieldPath.valueFrom(struct, replaceNullWithDefault));
    }

    @Override
    public void close() {
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    protected abstract Schema operatingSchema(R record);

    protected abstract Object operatingValue(R record);

    protected abstract R newRecord(R record, Schema updatedSchema, Object updatedValue);

    /** Extracts the field from the record key. */
    public static class Key<R extends ConnectRecord<R>> extends ExtractField<R> {
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

    /** Extracts the field from the record value. */
    public static class Value<R extends ConnectRecord<R>> extends ExtractField<R> {
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
