package org.apache.kafka.connect.transforms;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;

/**
 * A parsed Cast {@code spec}: either one type for the whole key or value, or a target type per
 * top-level field. Entries are {@code field:type} or a lone {@code type}; type names are
 * case-insensitive Connect schema types.
 */
final class CastSpec {

    static final Set<Schema.Type> OUTPUT_TYPES = Collections.unmodifiableSet(EnumSet.of(
        Schema.Type.INT8, Schema.Type.INT16, Schema.Type.INT32, Schema.Type.INT64,
        Schema.Type.FLOAT32, Schema.Type.FLOAT64, Schema.Type.BOOLEAN, Schema.Type.STRING));

    /** The type the whole key or value is cast to, or null when fields are cast. */
    final Schema.Type wholeValueType;
    /** Target type per field name; empty when the whole value is cast. */
    final Map<String, Schema.Type> fieldTypes;

    private CastSpec(Schema.Type wholeValueType, Map<String, Schema.Type> fieldTypes) {
        this.wholeValueType = wholeValueType;
        this.fieldTypes = fieldTypes;
    }

    /** Parses and validates the configured entries; later entries for the same field win. */
    static CastSpec parse(List<String> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new ConfigException("Must specify at least one field to cast.");
        }
        Schema.Type wholeValueType = null;
        Map<String, Schema.Type> fieldTypes = new HashMap<>();
        for (String entry : entries) {
            String[] parts = ColonPairs.split(entries, entry);
            if (parts.length == 1) {
                wholeValueType = targetType(parts[0].trim());
            } else if (parts.length == 2) {
                fieldTypes.put(parts[0].trim(), targetType(parts[1].trim()));
            } else {
                throw new ConfigException(Cast.SPEC_CONFIG, entries,
                    "Invalid cast spec entry '" + entry + "': expected field:type or a single type");
            }
        }
        if (wholeValueType != null && entries.size() > 1) {
            throw new ConfigException("Cast transformations that specify a type to cast the entire value to may only"
                + " specify a single cast in their spec");
        }
        return new CastSpec(wholeValueType, fieldTypes);
    }

    private static Schema.Type targetType(String name) {
        Schema.Type type;
        try {
            type = Schema.Type.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // The (name, value) constructor: yields upstream's exact message, which quotes the enum lookup failure.
            throw new ConfigException("Invalid type found in casting spec: " + name, e);
        }
        if (!OUTPUT_TYPES.contains(type)) {
            throw new ConfigException("Cast transformation does not support casting to " + type
                + "; supported types are " + OUTPUT_TYPES);
        }
        return type;
    }
}
