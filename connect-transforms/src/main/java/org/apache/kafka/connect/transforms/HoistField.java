package org.apache.kafka.connect.transforms;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * Wraps the record's key ({@link Key}) or value ({@link Value}) in a one-field struct (with a schema)
 * or a one-entry map (without one), under the configured field name.
 *
 * @param <R> the record type
 */
public abstract class HoistField<R extends ConnectRecord<R>> implements Transformation<R> {

    public static final String OVERVIEW_DOC = "Wrap data using the specified field name in a Struct when schema"
        + " present, or a Map in the case of schemaless data."
        + "<p/>Use the concrete transformation type designed for the record key (<code>" + Key.class.getName()
        + "</code>) or value (<code>" + Value.class.getName() + "</code>).";

    private static final String FIELD_CONFIG = "field";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
        .define(FIELD_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.Importance.MEDIUM,
            "Name of the single field of the struct or map that wraps the original data.");

    private String fieldName;
    private final UpdatedSchemaCache schemaCache = new UpdatedSchemaCache(this::wrapperSchema);

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public void configure(Map<String, ?> props) {
        fieldName = new SimpleConfig(CONFIG_DEF, props).getString(FIELD_CONFIG);
        schemaCache.clear();
    }

    @Override
    public R apply(R record) {
        Schema schema = operatingSchema(record);
        Object data = operatingValue(record);
        if (schema == null) {
            Map<String, Object> wrapper = new HashMap<>(2);
            wrapper.put(fieldName, data);
            return newRecord(record, null, wrapper);
        }
        Schema wrapperSchema = schemaCache.get(schema);
        return newRecord(record, wrapperSchema, new Struct(wrapperSchema).put(fieldName, data));
    }

    private Schema wrapperSchema(Schema wrapped) {
        return SchemaBuilder.struct().field(fieldName, wrapped).build();
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

    /** Wraps the record key. */
    public static class Key<R extends ConnectRecord<R>> extends HoistField<R> {
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

    /** Wraps the record value. */
    public static class Value<R extends ConnectRecord<R>> extends HoistField<R> {
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
