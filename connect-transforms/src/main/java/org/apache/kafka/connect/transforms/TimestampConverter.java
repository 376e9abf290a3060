package org.apache.kafka.connect.transforms;

import java.text.SimpleDateFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.transforms.util.Requirements;
import org.apache.kafka.connect.transforms.util.SchemaUtil;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * Converts a timestamp between a formatted string, a Unix epoch number, and the Connect
 * {@code Date}, {@code Time} and {@code Timestamp} logical types, all in UTC. It converts either the
 * whole key ({@link Key}) or value ({@link Value}), or one top-level field of it ({@code field}),
 * with a schema or without one.
 *
 * @param <R> the record type
 */
public abstract class TimestampConverter<R extends ConnectRecord<R>> implements Transformation<R> {

    public static final String OVERVIEW_DOC = "Convert timestamps between different formats such as Unix epoch, strings, and Connect Date/Timestamp types."
        + "Applies to individual fields or to the entire value."
        + "<p/>Use the concrete transformation type designed for the record key (<code>" + Key.class.getName() + "</code>) "
        + "or value (<code>" + Value.class.getName() + "</code>).";

    public static final String FIELD_CONFIG = "field";
    public static final String TARGET_TYPE_CONFIG = "target.type";
    public static final String FORMAT_CONFIG = "format";
    public static final String UNIX_PRECISION_CONFIG = "unix.precision";
    public static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";

    public static final Schema OPTIONAL_DATE_SCHEMA = Date.builder().optional().schema();
    public static final Schema OPTIONAL_TIMESTAMP_SCHEMA = Timestamp.builder().optional().schema();
    public static final Schema OPTIONAL_TIME_SCHEMA = Time.builder().optional().schema();

    private static final String PRECISION_NANOS = "nanoseconds";
    private static final String PRECISION_MICROS = "microseconds";
    private static final String PRECISION_MILLIS = "milliseconds";
    private static final String PRECISION_SECONDS = "seconds";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
        .define(FIELD_CONFIG, ConfigDef.Type.STRING, "", ConfigDef.Importance.HIGH,
            "Top-level field that holds the timestamp; empty converts the whole key or value.")
        .define(TARGET_TYPE_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
            ConfigDef.ValidString.in(TimestampKind.STRING.configName, TimestampKind.UNIX.configName,
                TimestampKind.DATE.configName, TimestampKind.TIME.configName, TimestampKind.TIMESTAMP.configName),
            ConfigDef.Importance.HIGH,
            "Representation to convert to: string, unix, Date, Time or Timestamp.")
        .define(FORMAT_CONFIG, ConfigDef.Type.STRING, "", ConfigDef.Importance.MEDIUM,
            "java.text.SimpleDateFormat pattern (UTC) used to write string timestamps and to parse string input; "
                + "required when target.type is string.")
        .define(UNIX_PRECISION_CONFIG, ConfigDef.Type.STRING, PRECISION_MILLIS,
            ConfigDef.ValidString.in(PRECISION_NANOS, PRECISION_MICROS, PRECISION_MILLIS, PRECISION_SECONDS),
            ConfigDef.Importance.LOW,
            "Unit of Unix timestamps, both those written (target.type=unix) and those read from Long input: "
                + "seconds, milliseconds, microseconds or nanoseconds. Conversions go through milliseconds, "
                + "so finer digits are lost.")
        .define(REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
            "Whether a null struct field that declares a default value is read as that default (true) or as null (false).");

    private static final String PURPOSE = "converting timestamp formats";
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private String field;
    private TimestampKind targetKind;
    private TimestampCodec codec;
    private boolean replaceNullWithDefault;
    private final UpdatedSchemaCache schemaCache = new UpdatedSchemaCache(this::withConvertedField);

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, configs);
        field = config.getString(FIELD_CONFIG);
        targetKind = TimestampKind.forConfigName(config.getString(TARGET_TYPE_CONFIG));
        String pattern = config.getString(FORMAT_CONFIG);
        if (targetKind == TimestampKind.STRING && pattern.trim().isEmpty()) {
            throw new ConfigException("TimestampConverter requires format option to be specified when using string timestamps");
        }
        codec = new TimestampCodec(dateFormat(pattern), unixUnit(config.getString(UNIX_PRECISION_CONFIG)));
        replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
        schemaCache.clear();
    }

    private static SimpleDateFormat dateFormat(String pattern) {
        if (pattern.trim().isEmpty()) {
            return null;
        }
        try {
            SimpleDateFormat format = new SimpleDateFormat(pattern);
            format.setTimeZone(UTC);
            return format;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(FORMAT_CONFIG, pattern,
                "TimestampConverter requires a SimpleDateFormat-compatible pattern for string timestamps: " + e.getMessage());
        }
    }

    private static TimeUnit unixUnit(String precision) {
        switch (precision) {
            case PRECISION_NANOS:
                return TimeUnit.NANOSECONDS;
            case PRECISION_MICROS:
                return TimeUnit.MICROSECONDS;
            case PRECISION_SECONDS:
                return TimeUnit.SECONDS;
            default:
                return TimeUnit.MILLISECONDS;
        }
    }

    @Override
    public R apply(R record) {
        Schema schema = operatingSchema(record);
        return schema == null ? applySchemaless(record) : applyWithSchema(record, schema);
    }

    private R applyWithSchema(R record, Schema schema) {
        if (field.isEmpty()) {
            Object converted = convert(operatingValue(record), TimestampKind.ofSchema(schema));
            return newRecord(record, targetKind.schema(schema.isOptional()), converted);
        }
        Struct struct = Requirements.requireStructOrNull(operatingValue(record), PURPOSE);
        Schema updatedSchema = schemaCache.get(schema);
        return newRecord(record, updatedSchema, convertField(struct, updatedSchema));
    }

    private R applySchemaless(R record) {
        Object value = operatingValue(record);
        if (field.isEmpty()) {
            return newRecord(record, null, value == null ? null : convert(value, TimestampKind.ofValue(value)));
        }
        Map<String, Object> map = Requirements.requireMapOrNull(value, PURPOSE);
        if (map == null) {
            return newRecord(record, null, null);
        }
        Map<String, Object> updated = new HashMap<>(map);
        Object timestamp = map.get(field);
        updated.put(field, timestamp == null ? null : convert(timestamp, TimestampKind.ofValue(timestamp)));
        return newRecord(record, null, updated);
    }

    private Object convert(Object value, TimestampKind from) {
        return value == null ? null : codec.convert(value, from, targetKind);
    }

    /** A copy of {@code struct} against {@code updatedSchema} with the configured field converted; null stays null. */
    private Struct convertField(Struct struct, Schema updatedSchema) {
        if (struct == null) {
            return null;
        }
        Struct updated = new Struct(updatedSchema);
        for (Field original : struct.schema().fields()) {
            Object value = replaceNullWithDefault ? struct.get(original) : struct.getWithoutDefault(original.name());
            if (original.name().equals(field)) {
                value = convert(value, TimestampKind.ofSchema(original.schema()));
            }
            updated.put(original.name(), value);
        }
        return updated;
    }

    /** The struct schema with the configured field's schema replaced by the target kind's. */
    private Schema withConvertedField(Schema schema) {
        SchemaBuilder builder = SchemaUtil.copySchemaBasics(schema, SchemaBuilder.struct());
        for (Field original : schema.fields()) {
            Schema fieldSchema = original.name().equals(field)
                ? targetKind.schema(original.schema().isOptional())
                : original.schema();
            builder.field(original.name(), fieldSchema);
        }
        if (schema.isOptional()) {
            builder.optional();
        }
        if (schema.defaultValue() != null) {
            builder.defaultValue(convertField((Struct) schema.defaultValue(), builder));
        }
        return builder.build();
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

    /**
     * Converts the record key or one of its fields.
     *
     * @param <R> the record type
     */
    public static class Key<R extends ConnectRecord<R>> extends TimestampConverter<R> {

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
     * Converts the record value or one of its fields.
     *
     * @param <R> the record type
     */
    public static class Value<R extends ConnectRecord<R>> extends TimestampConverter<R> {

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
