package dev.sluice.runtime.config;

import java.lang.reflect.Modifier;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Checks that a class-typed value names a plugin class the worker can create: a concrete subtype of the
 * expected plugin interface with a public no-argument constructor. A null value passes (the key's default
 * or the worker's setting applies).
 */
public final class PluginClassValidator implements ConfigDef.Validator {

    private final Class<?> pluginType;

    private PluginClassValidator(Class<?> pluginType) {
        this.pluginType = pluginType;
    }

    /** A validator for implementations of {@code pluginType}. */
    public static PluginClassValidator implementing(Class<?> pluginType) {
        return new PluginClassValidator(pluginType);
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            return;
        }
        if (!(value instanceof Class<?> type)) {
            throw new ConfigException(name, value, "Expected a class implementing " + pluginType.getName());
        }
        if (!pluginType.isAssignableFrom(type)) {
            throw new ConfigException(name, type.getName(), "Class " + type.getName() + " does not implement "
                + pluginType.getName());
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new ConfigException(name, type.getName(), "Class " + type.getName()
                + " is abstract and cannot be instantiated; name a concrete implementation");
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new ConfigException(name, type.getName(), "Class " + type.getName() + " is not public");
        }
        try {
            if (!Modifier.isPublic(type.getConstructor().getModifiers())) {
                throw new NoSuchMethodException();
            }
        } catch (NoSuchMethodException | SecurityException e) {
            throw new ConfigException(name, type.getName(), "Class " + type.getName()
                + " has no public no-argument constructor");
        }
    }

    @Override
    public String toString() {
        return "a concrete implementation of " + pluginType.getName() + " with a public no-argument constructor";
    }
}
