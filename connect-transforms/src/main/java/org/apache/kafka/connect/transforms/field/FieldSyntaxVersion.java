package org.apache.kafka.connect.transforms.field;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * How a transform reads the field names in its configuration: {@link #V1} treats each name as one
 * field at the root of the key or value; {@link #V2} reads a dotted path into nested structs and maps,
 * where a name that itself contains dots is wrapped in backticks (see {@link SingleFieldPath}).
 */
public enum FieldSyntaxVersion {
    /** A field name is a single field at the root level. */
    V1,
    /** A field name is a dotted path to a nested field; backticks quote names containing dots. */
    V2;

    public static final String FIELD_SYNTAX_VERSION_CONFIG = "field.syntax.version";

    // Kept byte-for-byte with the upstream constant: plugins compiled against it inline the text.
    public static final String FIELD_SYNTAX_VERSION_DOC =
        "Defines the version of the syntax to access fields. If set to <code>V1</code>, then the field paths are"
            + " limited to access the elements at the root level of the struct or map. If set to <code>V2</code>,"
            + " the syntax will support accessing nested elements. To access nested elements, dotted notation is"
            + " used. If dots are already included in the field name, then backtick pairs can be used to wrap field"
            + " names containing dots. E.g. to access the subfield <code>baz</code> from a field named \"foo.bar\""
            + " in a struct/map the following format can be used to access its elements:"
            + " \"<code>foo.bar</code>.baz\".";

    // Deliberately not a compile-time constant (upstream's is not either), so callers read it at run time.
    public static final String FIELD_SYNTAX_VERSION_DEFAULT_VALUE = V1.name();

    /** Adds the {@value #FIELD_SYNTAX_VERSION_CONFIG} key to the given definition and returns it. */
    public static ConfigDef appendConfigTo(ConfigDef configDef) {
        return configDef.define(
            FIELD_SYNTAX_VERSION_CONFIG,
            ConfigDef.Type.STRING,
            FIELD_SYNTAX_VERSION_DEFAULT_VALUE,
            ConfigDef.CaseInsensitiveValidString.in(V1.name(), V2.name()),
            ConfigDef.Importance.HIGH,
            FIELD_SYNTAX_VERSION_DOC);
    }

    /** The version configured under {@value #FIELD_SYNTAX_VERSION_CONFIG}, in any letter case. */
    public static FieldSyntaxVersion fromConfig(AbstractConfig config) {
        String configured = config.getString(FIELD_SYNTAX_VERSION_CONFIG);
        for (FieldSyntaxVersion version : values()) {
            if (version.name().equalsIgnoreCase(configured)) {
                return version;
            }
        }
        throw new ConfigException(FIELD_SYNTAX_VERSION_CONFIG, configured, "Unrecognized field syntax version");
    }
}
