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
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.util.Requirements;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * Replaces the record key with a struct (with a schema) or map (without one) made of the configured
 * fields of the record value, in the configured order. The value itself is left as it is.
 *
 * @param <R> the record type
 */
public class ValueToKey<R extends ConnectRecord<R>> implements Transformation<R> {

    public static final String OVERVIEW_DOC =
        "Replace the record key with a new key formed from a subset of fields in the record value.";

    public static final String FIELDS_CONFIG = "fields";
    public static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
        .define(FIELDS_CONFIG, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE,
            ConfigDef.ValidList.anyNonDuplicateValues(false, false), ConfigDef.Importance.HIGH,
            "The fields of the record value that make up the new key, in order.")
        .define(REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
            StructFields.REPLACE_NULL_WITH_DEFAULT_DOC);

    private static final String PURPOSE = "copying fields from value to key";

    private List<String> fields;
    private boolean replaceNullWithDefault;
    private final UpdatedSchemaCache keySchemaCache = new UpdatedSchemaCache(this::keySchemaFor);

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        fields = config.getList(FIELDS_CONFIG);
        replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
        keySchemaCache.clear();
    }

    @Override
    public R apply(R record) {
        return record.valueSchema() == null ? keyFromMap(record) : keyFromStruct(record);
    }

    private R keyFromMap(R record) {
        Map<String, Object> value = Requirements.requireMap(record.value(), PURPOSE);
        Map<String, Object> key = new HashMap<>(fields.size() * 2);
        for (String field : fields) {
            key.put(field, value.get(field));
        }
        return record.newRecord(record.topic(), record.kafkaPartition(), null, key,
            record.valueSchema(), record.value(), record.timestamp());
    }

    private R keyFromStruct(R record) {
        Struct value = Requirements.requireStruct(record.value(), PURPOSE);
        Schema keySchema = keySchemaCache.get(value.schema());
        Struct key = new Struct(keySchema);
        for (Field keyField : keySchema.fields()) {
            key.put(keyField, StructFields.read(value, value.schema().field(keyField.name()), replaceNullWithDefault));
        }
        return record.newRecord(record.topic(), record.kafkaPartition(), keySchema, key,
            value.schema(), value, record.timestamp());
    }

    private Schema keySchemaFor(Schema valueSchema) {
        SchemaBuilder builder = SchemaBuilder.struct();
        for (String name : fields) {
            Field field = valueSchema.field(name);
            if (field == null) {
                throw new DataException("Field does not exist: " + name);
            }
            builder.field(name, field.schema());
        }
        return builder.build();
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
        keySchemaCache.clear();
    }
}
