package org.apache.kafka.connect.storage;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Base of converter configurations: every converter learns through {@link #TYPE_CONFIG} whether it
 * converts keys, values or headers.
 */
public abstract class ConverterConfig extends AbstractConfig {

    /** The configuration key naming the {@link ConverterType}, by its lower-case name. */
    public static final String TYPE_CONFIG = "converter.type";

    /**
     * Returns a new configuration definition containing {@link #TYPE_CONFIG}, for subclasses to
     * extend with their own keys.
     *
     * @return a new definition
     */
    public static ConfigDef newConfigDef() {
        return new ConfigDef().define(TYPE_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
            ConfigDef.ValidString.in(ConverterType.KEY.getName(), ConverterType.VALUE.getName(),
                ConverterType.HEADER.getName()),
            ConfigDef.Importance.LOW, "How this converter will be used.");
    }

    /**
     * Parses a converter configuration.
     *
     * @param configDef the definition, built on {@link #newConfigDef()}
     * @param props the converter's properties
     */
    protected ConverterConfig(ConfigDef configDef, Map<String, ?> props) {
        super(configDef, props);
    }

    /** @return what the converter is used for */
    public ConverterType type() {
        return ConverterType.withName(getString(TYPE_CONFIG));
    }
}
