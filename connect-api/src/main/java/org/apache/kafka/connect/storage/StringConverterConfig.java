package org.apache.kafka.connect.storage;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Configuration of {@link StringConverter}: the converter type and the character set.
 */
public class StringConverterConfig extends ConverterConfig {

    /** The configuration key naming the Java character set. */
    public static final String ENCODING_CONFIG = "converter.encoding";

    /** The character set used when none is configured. */
    // Not a compile-time constant in Apache either; keeping it so keeps the binary identical.
    public static final String ENCODING_DEFAULT = StandardCharsets.UTF_8.name();

    /**
     * Returns the configuration definition of the string converter.
     *
     * @return a new definition
     */
    public static ConfigDef configDef() {
        return newConfigDef().define(ENCODING_CONFIG, ConfigDef.Type.STRING, ENCODING_DEFAULT,
            ConfigDef.Importance.HIGH, "The name of the Java character set to use for encoding strings as byte arrays.",
            null, -1, ConfigDef.Width.MEDIUM, "Encoding");
    }

    /**
     * Parses a string converter configuration.
     *
     * @param props the converter's properties; must include {@link #TYPE_CONFIG}
     */
    public StringConverterConfig(Map<String, ?> props) {
        super(configDef(), props);
    }

    /** @return the name of the configured character set */
    public String encoding() {
        return getString(ENCODING_CONFIG);
    }
}
