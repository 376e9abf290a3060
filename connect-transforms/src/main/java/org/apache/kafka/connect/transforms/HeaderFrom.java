package org.apache.kafka.connect.transforms;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.transforms.util.NonEmptyListValidator;
import org.apache.kafka.connect.transforms.util.Requirements;
import org.apache.kafka.connect.transforms.util.SchemaUtil;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * Copies or moves top-level fields of the record's key ({@link Key}) or value ({@link Value}) into
 * headers: the n-th entry of {@code fields} goes to a header named by the n-th entry of
 * {@code headers}. With a schema the header takes the field's schema; without one it has none.
 * Moving also removes the fields from the struct (and its schema) or map.
 *
 * @param <R> the record type
 */
public abstract class HeaderFrom<R extends ConnectRecord<R>> implements Transformation<R> {

    public static final String FIELDS_FIELD = "fields";
    public static final String HEADERS_FIELD = "headers";
    public static final String OPERATION_FIELD = "operation";
    public static final String REPLACE_NULL_WITH_DEFAULT_FIELD = "replace.null.with.default";

    public static final String OVERVIEW_DOC = "Moves or copies fields in the key/value of a record into that record's headers. "
        + "Corresponding elements of <code>" + FIELDS_FIELD + "</code> and <code>" + HEADERS_FIELD + "</code> together identify "
        + "a field and the header it should be moved or copied to. "
        + "Use the concrete transformation type designed for the record key (<code>" + Key.class.getName() + "</code>) "
        + "or value (<code>" + Value.class.getName() + "</code>).";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
        .define(FIELDS_FIELD, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyListValidator(),
            ConfigDef.Importance.HIGH, "Top-level fields of the key or value to copy or move into headers.")
        .define(HEADERS_FIELD, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyListValidator(),
            ConfigDef.Importance.HIGH, "Header names, one per entry of <code>fields</code> and in the same order.")
        .define(OPERATION_FIELD, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
            ConfigDef.ValidString.in(Operation.MOVE.configValue, Operation.COPY.configValue), ConfigDef.Importance.HIGH,
            "<code>copy</code> leaves the fields in the key or value; <code>move</code> removes them from it.")
        .define(REPLACE_NULL_WITH_DEFAULT_FIELD, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
            "Whether a null struct field that declares a default value is read as that default (true) or as null (false).");

    private List<String> fields;
    private List<String> headers;
    private Operation operation;
    private boolean replaceNullWithDefault;
    private final UpdatedSchemaCache moveSchemaCache = new UpdatedSchemaCache(this::withoutMovedFields);

    @Override
    public R apply(R record) {
        Object target = operatingValue(record);
        Schema schema = operatingSchema(record);
        return schema == null ? applySchemaless(record, target) : applyWithSchema(record, target, schema);
    }

    private R applyWithSchema(R record, Object target, Schema schema) {
        Struct struct = Requirements.requireStruct(target, operation.purpose);
        // For a move the remaining struct is built first, so its validation errors take precedence, as in Apache.
        Schema updatedSchema = schema;
        Struct updated = struct;
        if (operation == Operation.MOVE) {
            updatedSchema = moveSchemaCache.get(schema);
            updated = structWithoutMovedFields(struct, updatedSchema);
        }
        Headers updatedHeaders = record.headers().duplicate();
        Schema structSchema = struct.schema();
        for (int i = 0; i < fields.size(); i++) {
            String fieldName = fields.get(i);
            Field field = Objects.requireNonNull(structSchema.field(fieldName),
                () -> "Field '" + fieldName + "' does not exist in the schema " + structSchema);
            updatedHeaders.add(headers.get(i), fieldValue(struct, field), field.schema());
        }
        return newRecord(record, updatedSchema, updated, updatedHeaders);
    }

    private Struct structWithoutMovedFields(Struct struct, Schema updatedSchema) {
        Schema structSchema = struct.schema();
        Struct updated = new Struct(updatedSchema);
        for (Field field : updatedSchema.fields()) {
            updated.put(field, fieldValue(struct, structSchema.field(field.name())));
        }
        return updated;
    }

    private R applySchemaless(R record, Object target) {
        Map<String, Object> map = Requirements.requireMap(target, operation.purpose);
        Headers updatedHeaders = record.headers().duplicate();
        for (int i = 0; i < fields.size(); i++) {
            updatedHeaders.add(headers.get(i), map.get(fields.get(i)), null);
        }
        // Both operations hand on a copy of the map, as Apache does.
        Map<String, Object> updated = new HashMap<>(map);
        if (operation == Operation.MOVE) {
            for (String field : fields) {
                updated.remove(field);
            }
        }
        return newRecord(record, null, updated, updatedHeaders);
    }

    private Object fieldValue(Struct struct, Field field) {
        return replaceNullWithDefault ? struct.get(field) : struct.getWithoutDefault(field.name());
    }

    /** The struct schema without the moved fields; optionality of the struct itself is not kept. */
    private Schema withoutMovedFields(Schema schema) {
        Set<String> moved = new HashSet<>(fields);
        SchemaBuilder builder = SchemaUtil.copySchemaBasics(schema, SchemaBuilder.struct());
        for (Field field : schema.fields()) {
            if (!moved.contains(field.name())) {
                builder.field(field.name(), field.schema());
            }
        }
        return builder.build();
    }

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    protected abstract Object operatingValue(R record);

    protected abstract Schema operatingSchema(R record);

    protected abstract R newRecord(R record, Schema updatedSchema, Object updatedValue, Iterable<Header> updatedHeaders);

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
        moveSchemaCache.clear();
    }

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        fields = config.getList(FIELDS_FIELD);
        headers = config.getList(HEADERS_FIELD);
        if (headers.size() != fields.size()) {
            throw new ConfigException("'" + FIELDS_FIELD + "' config must have the same number of elements as '"
                + HEADERS_FIELD + "' config.");
        }
        operation = Operation.fromConfigValue(config.getString(OPERATION_FIELD));
        replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_FIELD);
        moveSchemaCache.clear();
    }

    /** Whether fields stay in the key or value after being written to headers. */
    enum Operation {
        MOVE("move"),
        COPY("copy");

        final String configValue;
        final String purpose;

        Operation(String configValue) {
            this.configValue = configValue;
            this.purpose = "header " + configValue;
        }

        static Operation fromConfigValue(String value) {
            for (Operation operation : values()) {
                if (operation.configValue.equals(value)) {
                    return operation;
                }
            }
            throw new ConfigException(OPERATION_FIELD, value, "must be one of: move, copy");
        }

        @Override
        public String toString() {
            return configValue;
        }
    }

    /**
     * Copies or moves fields of the record key.
     *
     * @param <R> the record type
     */
    public static class Key<R extends ConnectRecord<R>> extends HeaderFrom<R> {

        @Override
        public Object operatingValue(R record) {
            return record.key();
        }

        @Override
        protected Schema operatingSchema(R record) {
            return RecordSide.KEY.schema(record);
        }

        @Override
        protected R newRecord(R record, Schema updatedSchema, Object updatedValue, Iterable<Header> updatedHeaders) {
            return record.newRecord(record.topic(), record.kafkaPartition(), updatedSchema, updatedValue,
                record.valueSchema(), record.value(), record.timestamp(), updatedHeaders);
        }
    }

    /**
     * Copies or moves fields of the record value.
     *
     * @param <R> the record type
     */
    public static class Value<R extends ConnectRecord<R>> extends HeaderFrom<R> {

        @Override
        public Object operatingValue(R record) {
            return record.value();
        }

        @Override
        protected Schema operatingSchema(R record) {
            return RecordSide.VALUE.schema(record);
        }

        @Override
        protected R newRecord(R record, Schema updatedSchema, Object updatedValue, Iterable<Header> updatedHeaders) {
            return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                updatedSchema, updatedValue, record.timestamp(), updatedHeaders);
        }
    }
}
