package org.apache.kafka.connect.converters;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.storage.ConverterConfig;
import org.apache.kafka.connect.storage.ConverterType;

/** Shared step of the converters' two-argument {@code configure}: records key or value in the config. */
final class ConverterTypes {

    private ConverterTypes() {
    }

    static Map<String, Object> withType(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> copy = new HashMap<>(configs);
        copy.put(ConverterConfig.TYPE_CONFIG, (isKey ? ConverterType.KEY : ConverterType.VALUE).getName());
        return copy;
    }
}
