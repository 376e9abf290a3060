package org.apache.kafka.connect.converters;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.storage.ConverterConfig;

/** Configuration of {@link BooleanConverter}: only {@code converter.type}. */
public class BooleanConverterConfig extends ConverterConfig {

    private static final ConfigDef CONFIG = ConverterConfig.newConfigDef();

    /** The definition of the boolean converter's configuration. */
    public static ConfigDef configDef() {
        return CONFIG;
    }

    public BooleanConverterConfig(Map<String, ?> props) {
        super(CONFIG, props);
    }
}
