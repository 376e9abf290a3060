package dev.sluice.runtime.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Accepts a list of names in which no name appears twice: the aliases of {@code transforms} and
 * {@code predicates} and the group names of {@code topic.creation.groups}. The list itself may be empty
 * but not null.
 */
public final class UniqueAliases implements ConfigDef.Validator {

    private final String what;

    private UniqueAliases(String what) {
        this.what = what;
    }

    /** A validator whose messages call the entries {@code what} ("transformation aliases", ...). */
    public static UniqueAliases of(String what) {
        return new UniqueAliases(what);
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (!(value instanceof List<?> names)) {
            throw new ConfigException(name, value, "Expected a comma-separated list of " + what);
        }
        Set<Object> seen = new HashSet<>();
        for (Object entry : names) {
            if (!seen.add(entry)) {
                throw new ConfigException(name, value, "'" + entry + "' is listed more than once; " + what
                    + " must be unique");
            }
        }
    }

    @Override
    public String toString() {
        return "a list of unique " + what;
    }
}
