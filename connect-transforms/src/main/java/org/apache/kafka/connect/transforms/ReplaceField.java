package org.apache.kafka.connect.transforms;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Drops, keeps and renames top-level fields of the record's key ({@link Key}) or value
 * ({@link Value}), a struct with a schema or a map without one. {@code exclude} wins over
 * {@code include}; both name fields by their original names. A null key or value is left alone.
 *
 * @param <R> the record type
 */
public abstract class ReplaceField<R extends ConnectRecord<R>> implements Transformation<R> {

    public static final String OVERVIEW_DOC = "Filter or rename fields."
        + "<p/>Use the concrete transformation type designed for the record key (<code>" + Key.class.getName()
        + "</code>) or value (<code>" + Value.class.getName() + "</code>).";

    /** Configuration keys. */
    interface ConfigName {
        String EXCLUDE = "exclude";
        String INCLUDE = "include";
        String RENAMES = "renames";
        String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";
    }

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
        .define(ConfigName.EXCLUDE, ConfigDef.Type.LIST, List.of(),
            ConfigDef.ValidList.anyNonDuplicateValues(true, false), ConfigDef.Importance.MEDIUM,
            "Fields to drop. A field listed here is dropped even if it is also listed under include.")
        .define(ConfigName.INCLUDE, ConfigDef.Type.LIST, List.of(),
            ConfigDef.ValidList.anyNonDuplicateValues(true, false), ConfigDef.Importance.MEDIUM,
            "Fields to keep; when set, every field not listed is dropped. When empty, all fields are kept.")
        .define(ConfigName.RENAMES, ConfigDef.Type.LIST, List.of(), ColonPairs.validator(ColonPairs::parseRenames),
            ConfigDef.Importance.MEDIUM, "Renames as <code>old:new</code> pairs.")
        .define(ConfigName.REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
            StructFields.REPLACE_NULL_WITH_DEFAULT_DOC);

    private static final String PURPOSE = "field replacement";

    private Set<String> exclude;
    private Set<String> include;
    private Map<String, String> renames;
    private Map<String, String> originalNames;
    private boolean replaceNullWithDefault;
    private final UpdatedSchemaCache schemaCache = new UpdatedSchemaCache(this::replacedSchema);

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, configs);
        exclude = new HashSet<>(config.getList(ConfigName.EXCLUDE));
        include = new HashSet<>(config.getList(ConfigName.INCLUDE));
        renames = ColonPairs.parseRenames(config.getList(ConfigName.RENAMES));
        originalNames = new HashMap<>(renames.size() * 2);
        renames.forEach((original, renamed) -> originalNames.put(renamed, original));
        replaceNullWithDefault = config.getBoolean(ConfigName.REPLACE_NULL_WITH_DEFAULT_CONFIG);
        schemaCache.clear();
    }

    @Override
    public R apply(R record) {
        Object data = operatingValue(record);
        if (data == null) {
            return record;
        }
        return operatingSchema(record) == null ? replaceInMap(record, data) : replaceInStruct(record, data);
    }

    private R replaceInMap(R record, Object data) {
        Map<String, Object> map = Requirements.requireMap(data, PURPOSE);
        Map<String, Object> replaced = new HashMap<>(map.size() * 2);
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String name = entry.getKey();
            if (keeps(name)) {
                replaced.put(renamed(name), entry.getValue());
            }
        }
        return newRecord(record, null, replaced);
    }

    private R replaceInStruct(R record, Object data) {
        Struct struct = Requirements.requireStruct(data, PURPOSE);
        Schema replacedSchema = schemaCache.get(struct.schema());
        Struct replaced = new Struct(replacedSchema);
        for (Field field : replacedSchema.fields()) {
            // By name: a rename whose source is absent maps a kept field to a missing one and fails, as upstream.
            String originalName = originalNames.getOrDefault(field.name(), field.name());
            replaced.put(field, StructFields.read(struct, originalName, replaceNullWithDefault));
        }
        return newRecord(record, replacedSchema, replaced);
    }

    private Schema replacedSchema(Schema schema) {
        SchemaBuilder builder = SchemaUtil.copySchemaBasics(schema, SchemaBuilder.struct());
        for (Field field : schema.fields()) {
            if (keeps(field.name())) {
                builder.field(renamed(field.name()), field.schema());
            }
        }
        return builder.build();
    }

    private boolean keeps(String originalName) {
        return !exclude.contains(originalName) && (include.isEmpty() || include.contains(originalName));
    }

    private String renamed(String originalName) {
        return renames.getOrDefault(originalName, originalName);
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

    /** Replaces fields of the record key. */
    public static class Key<R extends ConnectRecord<R>> extends ReplaceField<R> {
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

    /** Replaces fields of the record value. */
    public static class Value<R extends ConnectRecord<R>> extends ReplaceField<R> {
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
