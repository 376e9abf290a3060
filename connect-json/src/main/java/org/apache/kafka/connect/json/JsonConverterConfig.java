package org.apache.kafka.connect.json;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.connect.storage.ConverterConfig;

/**
 * Configuration of {@link JsonConverter}: whether values carry a schema envelope, how many schemas are cached,
 * an optional fixed schema for reading, how decimals are written and whether nulls are replaced by defaults.
 */
public final class JsonConverterConfig extends ConverterConfig {

    public static final String SCHEMAS_ENABLE_CONFIG = "schemas.enable";
    public static final boolean SCHEMAS_ENABLE_DEFAULT = true;
    private static final String SCHEMAS_ENABLE_DOC = "Include schemas within each of the serialized values and keys.";
    private static final String SCHEMAS_ENABLE_DISPLAY = "Enable Schemas";

    public static final String SCHEMA_CONTENT_CONFIG = "schema.content";
    public static final String SCHEMA_CONTENT_DEFAULT = null;
    private static final String SCHEMA_CONTENT_DOC = "When set, this is used as the schema for all messages, and the "
        + "schemas within each of the message will be ignored.Otherwise, the schema will be included in the content of "
        + "each message. This configuration applies only 'schemas.enable' is true, and it exclusively affects the sink "
        + "connector.";
    private static final String SCHEMA_CONTENT_DISPLAY = "Schema Content";

    public static final String SCHEMAS_CACHE_SIZE_CONFIG = "schemas.cache.size";
    public static final int SCHEMAS_CACHE_SIZE_DEFAULT = 1000;
    private static final String SCHEMAS_CACHE_SIZE_DOC =
        "The maximum number of schemas that can be cached in this converter instance.";
    private static final String SCHEMAS_CACHE_SIZE_DISPLAY = "Schema Cache Size";

    public static final String DECIMAL_FORMAT_CONFIG = "decimal.format";
    // Not a compile-time constant, as in Apache, so that callers read it at run time.
    public static final String DECIMAL_FORMAT_DEFAULT = DecimalFormat.BASE64.name();
    private static final String DECIMAL_FORMAT_DOC = "Controls which format this converter will serialize decimals in."
        + " This value is case insensitive and can be either 'BASE64' (default) or 'NUMERIC'";
    private static final String DECIMAL_FORMAT_DISPLAY = "Decimal Format";

    public static final String REPLACE_NULL_WITH_DEFAULT_CONFIG = "replace.null.with.default";
    public static final boolean REPLACE_NULL_WITH_DEFAULT_DEFAULT = true;
    private static final String REPLACE_NULL_WITH_DEFAULT_DOC = "Whether to replace fields that have a default value "
        + "and that are null to the default value. When set to true, the default value is used, otherwise null is used.";
    private static final String REPLACE_NULL_WITH_DEFAULT_DISPLAY = "Replace null with default";

    private static final String SCHEMAS_GROUP = "Schemas";
    private static final String SERIALIZATION_GROUP = "Serialization";

    private static final ConfigDef CONFIG = buildConfigDef();

    private final boolean schemasEnabled;
    private final int schemaCacheSize;
    private final DecimalFormat decimalFormat;
    private final boolean replaceNullWithDefault;
    private final byte[] schemaContent;

    /** Parses and validates the given converter properties. */
    public JsonConverterConfig(Map<String, ?> props) {
        super(CONFIG, props);
        this.schemasEnabled = getBoolean(SCHEMAS_ENABLE_CONFIG);
        this.schemaCacheSize = getInt(SCHEMAS_CACHE_SIZE_CONFIG);
        this.decimalFormat = DecimalFormat.valueOf(getString(DECIMAL_FORMAT_CONFIG).toUpperCase(Locale.ROOT));
        this.replaceNullWithDefault = getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG);
        String content = getString(SCHEMA_CONTENT_CONFIG);
        this.schemaContent = content == null ? null : content.getBytes(StandardCharsets.UTF_8);
    }

    /** The definition of every key this converter accepts, including {@code converter.type}. */
    public static ConfigDef configDef() {
        return CONFIG;
    }

    /** Whether values are written and read inside a {@code {"schema":...,"payload":...}} envelope. */
    public boolean schemasEnabled() {
        return schemasEnabled;
    }

    /** The bound of each schema cache. */
    public int schemaCacheSize() {
        return schemaCacheSize;
    }

    /** How decimals are written. */
    public DecimalFormat decimalFormat() {
        return decimalFormat;
    }

    /** Whether a null value whose schema has a default is written and read as that default. */
    public boolean replaceNullWithDefault() {
        return replaceNullWithDefault;
    }

    /** The UTF-8 bytes of {@code schema.content}, or null when it is not set. */
    public byte[] schemaContent() {
        return schemaContent;
    }

    private static ConfigDef buildConfigDef() {
        ConfigDef def = ConverterConfig.newConfigDef();
        int schemasOrder = 0;
        def.define(SCHEMAS_ENABLE_CONFIG, Type.BOOLEAN, SCHEMAS_ENABLE_DEFAULT, Importance.HIGH, SCHEMAS_ENABLE_DOC,
            SCHEMAS_GROUP, schemasOrder++, Width.MEDIUM, SCHEMAS_ENABLE_DISPLAY);
        def.define(SCHEMAS_CACHE_SIZE_CONFIG, Type.INT, SCHEMAS_CACHE_SIZE_DEFAULT, Importance.HIGH,
            SCHEMAS_CACHE_SIZE_DOC, SCHEMAS_GROUP, schemasOrder++, Width.MEDIUM, SCHEMAS_CACHE_SIZE_DISPLAY);
        def.define(SCHEMA_CONTENT_CONFIG, Type.STRING, SCHEMA_CONTENT_DEFAULT, Importance.HIGH, SCHEMA_CONTENT_DOC,
            SCHEMAS_GROUP, schemasOrder, Width.MEDIUM, SCHEMA_CONTENT_DISPLAY);
        int serializationOrder = 0;
        def.define(DECIMAL_FORMAT_CONFIG, Type.STRING, DECIMAL_FORMAT_DEFAULT,
            ConfigDef.CaseInsensitiveValidString.in(DecimalFormat.BASE64.name(), DecimalFormat.NUMERIC.name()),
            Importance.LOW, DECIMAL_FORMAT_DOC, SERIALIZATION_GROUP, serializationOrder++, Width.MEDIUM,
            DECIMAL_FORMAT_DISPLAY);
        def.define(REPLACE_NULL_WITH_DEFAULT_CONFIG, Type.BOOLEAN, REPLACE_NULL_WITH_DEFAULT_DEFAULT, Importance.LOW,
            REPLACE_NULL_WITH_DEFAULT_DOC, SERIALIZATION_GROUP, serializationOrder, Width.MEDIUM,
            REPLACE_NULL_WITH_DEFAULT_DISPLAY);
        return def;
    }
}
