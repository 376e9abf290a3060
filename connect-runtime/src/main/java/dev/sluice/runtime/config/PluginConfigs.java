package dev.sluice.runtime.config;

import java.lang.reflect.Method;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Asks a plugin class for the keys it accepts: loads the class through the given loader, checks that it
 * is a usable implementation of the plugin type, creates one instance with that loader as context
 * loader, calls {@code config()} and closes the instance.
 */
final class PluginConfigs {

    private PluginConfigs() {
    }

    static ConfigDef of(Class<?> pluginType, String className, ClassLoader pluginClasses) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader loader = pluginClasses != null ? pluginClasses : previous;
        Class<?> type;
        try {
            // loadClass first: the name may be an alias, and Class.forName rejects a class whose name differs
            // from the one asked for (kafka-clients' ConfigDef resolves class values the same way).
            type = Class.forName(loader.loadClass(className.trim()).getName(), true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigException("Class " + className + " could not be loaded: " + e);
        }
        PluginClassValidator.implementing(pluginType).ensureValid("type", type);
        thread.setContextClassLoader(type.getClassLoader() != null ? type.getClassLoader() : loader);
        Object plugin = null;
        try {
            plugin = type.getConstructor().newInstance();
            Method config = pluginType.getMethod("config");
            ConfigDef keys = (ConfigDef) config.invoke(plugin);
            if (keys == null) {
                throw new ConfigException(className + ".config() returned null; a plugin must describe its keys");
            }
            return keys;
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (e instanceof ConfigException configException) {
                throw configException;
            }
            throw new ConfigException("Could not ask " + className + " for its configuration keys: " + e);
        } finally {
            closeQuietly(plugin, className);
            thread.setContextClassLoader(previous);
        }
    }

    private static void closeQuietly(Object plugin, String className) {
        if (plugin instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(PluginConfigs.class)
                    .warn("Closing the {} created to read its configuration keys failed", className, e);
            }
        }
    }
}
