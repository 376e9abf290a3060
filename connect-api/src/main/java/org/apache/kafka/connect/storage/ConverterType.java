package org.apache.kafka.connect.storage;

import java.util.Locale;

/**
 * What a converter is used for: record keys, record values or headers. Passed to converters as
 * {@link ConverterConfig#TYPE_CONFIG}, by its lower-case name.
 */
public enum ConverterType {
    /** Converts record keys. */
    KEY,
    /** Converts record values. */
    VALUE,
    /** Converts header values. */
    HEADER;

    private final String name;

    ConverterType() {
        this.name = name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds a type by name, ignoring case.
     *
     * @param name the name, e.g. {@code "value"}
     * @return the type, or null if the name is null or names no type
     */
    public static ConverterType withName(String name) {
        if (name == null) {
            return null;
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        for (ConverterType type : values()) {
            if (type.name.equals(wanted)) {
                return type;
            }
        }
        return null;
    }

    /** @return the lower-case name used in configurations */
    public String getName() {
        return name;
    }
}
