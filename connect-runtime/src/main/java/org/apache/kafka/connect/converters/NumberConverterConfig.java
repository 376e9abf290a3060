package org.apache.kafka.connect.converters;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.storage.ConverterConfig;

/** Configuration of the number converters: only {@code converter.type}. */
public class NumberConverterConfig extends ConverterConfig {

    private static final ConfigDef CONFIG = ConverterConfig.newConfigDef();

    /** The definition shared by every number converter. */
    public static ConfigDef configDef() {
        return CONFIG;
    }

    public NumberConverterConfig(Map<String, ?> props) {
        super(CONFIG, props);
    }
}
