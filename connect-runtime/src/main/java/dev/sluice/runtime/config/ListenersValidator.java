package dev.sluice.runtime.config;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Accepts the value of {@code listeners}: a non-empty list of listener URLs without blank entries. The URLs
 * themselves are checked when the REST server binds them.
 */
public final class ListenersValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (!(value instanceof List<?> urls)) {
            throw new ConfigException(name, value, "Expected a comma-separated list of listener URLs");
        }
        if (urls.isEmpty()) {
            throw new ConfigException(name, value, "At least one listener URL is required, e.g. http://:8083");
        }
        for (Object url : urls) {
            if (url == null || url.toString().isBlank()) {
                throw new ConfigException(name, value, "Listener URLs must not be blank");
            }
        }
    }

    @Override
    public String toString() {
        return "a non-empty list of listener URLs, e.g. http://:8083,https://myhost:8443";
    }
}
