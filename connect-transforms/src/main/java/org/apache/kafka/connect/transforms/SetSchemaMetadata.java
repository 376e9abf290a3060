package org.apache.kafka.connect.transforms;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.util.Requirements;
import org.apache.kafka.connect.transforms.util.SimpleConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the name and/or version of the key ({@link Key}) or value ({@link Value}) schema. A struct
 * value is re-created against the renamed schema; nested schemas are left as they are. As in Apache
 * Kafka 4.3.1 the schema must be a struct schema (any other schema type fails with a
 * {@link org.apache.kafka.connect.errors.DataException}), and a record without schema and without
 * key/value passes through unchanged.
 *
 * @param <R> the record type
 */
public abstract class SetSchemaMetadata<R extends ConnectRecord<R>> implements Transformation<R> {

    private static final Logger log = LoggerFactory.getLogger(SetSchemaMetadata.class);

    public static final String OVERVIEW_DOC = "Set the schema name, version or both on the record's key (<code>"
        + Key.class.getName() + "</code>) or value (<code>" + Value.class.getName() + "</code>) schema.";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
        .define(ConfigName.SCHEMA_NAME, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH,
            "New schema name; unset keeps the current name.")
        .define(ConfigName.SCHEMA_VERSION, ConfigDef.Type.INT, null, ConfigDef.Importance.HIGH,
            "New schema version; unset keeps the current version.")
        .define(ConfigName.REPLACE_NULL_WITH_DEFAULT, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
            "When re-creating a struct, whether a null field that declares a default value is copied as that "
                + "default (true) or as null (false).");

    private static final String PURPOSE = "updating schema metadata";

    /** Configuration keys. */
    interface ConfigName {
        String SCHEMA_NAME = "schema.name";
        String SCHEMA_VERSION = "schema.version";
        String REPLACE_NULL_WITH_DEFAULT = "replace.null.with.default";
    }

    private String schemaName;
    private Integer schemaVersion;
    private boolean replaceNullWithDefault;
    private final UpdatedSchemaCache schemaCache = new UpdatedSchemaCache(this::withMetadata);

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, configs);
        schemaName = config.getString(ConfigName.SCHEMA_NAME);
        schemaVersion = config.getInt(ConfigName.SCHEMA_VERSION);
        replaceNullWithDefault = config.getBoolean(ConfigName.REPLACE_NULL_WITH_DEFAULT);
        if (schemaName == null && schemaVersion == null) {
            throw new ConfigException("Neither schema name nor version configured");
        }
        schemaCache.clear();
    }

    @Override
    public R apply(R record) {
        Schema schema = operatingSchema(record);
        if (schema == null && operatingValue(record) == null) {
            return record;
        }
        Requirements.requireSchema(schema, PURPOSE);
        Schema updatedSchema = schemaCache.get(schema);
        if (log.isTraceEnabled()) {
            log.trace("Schema {} becomes {}", schema, updatedSchema);
        }
        return newRecord(record, updatedSchema);
    }

    private Schema withMetadata(Schema schema) {
        // Reading the field list fails for every non-struct schema, which is Apache's behaviour too.
        List<Field> fields = schema.fields();
        return new ConnectSchema(schema.type(), schema.isOptional(), schema.defaultValue(),
            schemaName != null ? schemaName : schema.name(),
            schemaVersion != null ? schemaVersion : schema.version(),
            schema.doc(), schema.parameters(), fields, null, null);
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

    protected abstract R newRecord(R record, Schema updatedSchema);

    /**
     * Re-creates a struct against the updated schema, copying every field; any other key or value is
     * returned as it is.
     *
     * @param keyOrValue    the record's key or value
     * @param updatedSchema the schema with the new name and version
     * @return the key or value to put in the updated record
     */
    protected Object updateSchemaIn(Object keyOrValue, Schema updatedSchema) {
        if (!(keyOrValue instanceof Struct)) {
            return keyOrValue;
        }
        Struct original = (Struct) keyOrValue;
        Struct updated = new Struct(updatedSchema);
        for (Field field : updatedSchema.fields()) {
            updated.put(field, replaceNullWithDefault ? original.get(field) : original.getWithoutDefault(field.name()));
        }
        return updated;
    }

    /**
     * Sets the metadata on the record key's schema.
     *
     * @param <R> the record type
     */
    public static class Key<R extends ConnectRecord<R>> extends SetSchemaMetadata<R> {

        @Override
        protected Schema operatingSchema(R record) {
            return RecordSide.KEY.schema(record);
        }

        @Override
        protected Object operatingValue(R record) {
            return RecordSide.KEY.data(record);
        }

        @Override
        protected R newRecord(R record, Schema updatedSchema) {
            return record.newRecord(record.topic(), record.kafkaPartition(), updatedSchema,
                updateSchemaIn(record.key(), updatedSchema), record.valueSchema(), record.value(), record.timestamp());
        }
    }

    /**
     * Sets the metadata on the record value's schema.
     *
     * @param <R> the record type
     */
    public static class Value<R extends ConnectRecord<R>> extends SetSchemaMetadata<R> {

        @Override
        protected Schema operatingSchema(R record) {
            return RecordSide.VALUE.schema(record);
        }

        @Override
        protected Object operatingValue(R record) {
            return RecordSide.VALUE.data(record);
        }

        @Override
        protected R newRecord(R record, Schema updatedSchema) {
            return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                updatedSchema, updateSchemaIn(record.value(), updatedSchema), record.timestamp());
        }
    }
}
