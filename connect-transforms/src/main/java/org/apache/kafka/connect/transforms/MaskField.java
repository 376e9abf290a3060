package org.apache.kafka.connect.transforms;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.util.Requirements;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * Masks the configured top-level fields of the record's key ({@link Key}) or value ({@link Value}):
 * each non-null value becomes the "empty" value of its type (0, false, "", epoch, empty list or map),
 * or, for numbers and strings, a configured replacement converted to the field's type. The schema is
 * left unchanged.
 *
 * @param <R> the record type
 */
public abstract class MaskField<R extends ConnectRecord<R>> implements Transformation<R> {

    public static final String OVERVIEW_DOC = "Mask specified fields with a valid null value for the field type"
        + " (i.e. 0, false, empty string, and so on).<p/>For numeric and string fields, an optional replacement"
        + " value can be specified that is converted to the correct type."
        + "<p/>Use the concrete transformation type designed for the record key (<code>" + Key.class.getName()
        + "</code>) or value (<code>" + Value.class.getName() + "</code>).";

    private static final String FIELDS_CONFIG = "fields";
    private static final String REPLACEMENT_CONFIG = "replacement";
    private static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
        .define(FIELDS_CONFIG, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE,
            ConfigDef.ValidList.anyNonDuplicateValues(false, false), ConfigDef.Importance.HIGH,
            "The top-level fields whose values are masked.")
        .define(REPLACEMENT_CONFIG, ConfigDef.Type.STRING, null, new ConfigDef.NonEmptyString(),
            ConfigDef.Importance.LOW, "Optional text that replaces masked values instead of the empty value of"
                + " their type; converted to the field's type, so only numeric and string fields accept it.")
        .define(REPLACE_NULL_WITH_DEFAULT_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
            StructFields.REPLACE_NULL_WITH_DEFAULT_DOC);

    private static final String PURPOSE = "mask fields";

    private Set<String> maskedFields;
    private Masker masker;
    private boolean replaceNullWithDefault;

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        maskedFields = new HashSet<>(config.getList(FIELDS_CONFIG));
        masker = new Masker(config.getString(REPLACEMENT_CONFIG));
        replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
    }

    @Override
    public R apply(R record) {
        return operatingSchema(record) == null ? maskMap(record) : maskStruct(record);
    }

    private R maskMap(R record) {
        Map<String, Object> map = Requirements.requireMap(operatingValue(record), PURPOSE);
        Map<String, Object> masked = new HashMap<>(map);
        for (String field : maskedFields) {
            masked.put(field, masker.mask(map.get(field)));
        }
        return newRecord(record, masked);
    }

    private R maskStruct(R record) {
        Struct struct = Requirements.requireStruct(operatingValue(record), PURPOSE);
        Struct masked = new Struct(struct.schema());
        for (Field field : struct.schema().fields()) {
            Object value = StructFields.read(struct, field, replaceNullWithDefault);
            masked.put(field, maskedFields.contains(field.name()) ? masker.mask(value) : value);
        }
        return newRecord(record, masked);
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
    }

    protected abstract Schema operatingSchema(R record);

    protected abstract Object operatingValue(R record);

    protected abstract R newRecord(R record, Object updatedValue);

    /** Masks fields of the record key. */
    public static final class Key<R extends ConnectRecord<R>> extends MaskField<R> {
        @Override
        protected Schema operatingSchema(R record) {
            return RecordSide.KEY.schema(record);
        }

        @Override
        protected Object operatingValue(R record) {
            return RecordSide.KEY.data(record);
        }

        @Override
        protected R newRecord(R record, Object updatedValue) {
            return RecordSide.KEY.replace(record, record.keySchema(), updatedValue);
        }
    }

    /** Masks fields of the record value. */
    public static final class Value<R extends ConnectRecord<R>> extends MaskField<R> {
        @Override
        protected Schema operatingSchema(R record) {
            return RecordSide.VALUE.schema(record);
        }

        @Override
        protected Object operatingValue(R record) {
            return RecordSide.VALUE.data(record);
        }

        @Override
        protected R newRecord(R record, Object updatedValue) {
            return RecordSide.VALUE.replace(record, record.valueSchema(), updatedValue);
        }
    }
}
