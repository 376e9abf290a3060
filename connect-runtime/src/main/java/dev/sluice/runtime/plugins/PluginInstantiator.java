package dev.sluice.runtime.plugins;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates plugin instances through their public no-arg constructor, with the plugin's loader as the
 * thread context class loader, and reads their versions.
 */
final class PluginInstantiator {

    private static final Logger log = LoggerFactory.getLogger(PluginInstantiator.class);

    /** The version reported for plugins that are not {@link Versioned} or whose {@code version()} fails. */
    static final String UNDEFINED_VERSION = "undefined";

    private PluginInstantiator() {
    }

    /** Whether {@code type} is a concrete public class that could be instantiated without arguments. */
    static boolean isInstantiable(Class<?> type) {
        int modifiers = type.getModifiers();
        if (!Modifier.isPublic(modifiers) || Modifier.isAbstract(modifiers) || type.isInterface()
                || (type.getEnclosingClass() != null && !Modifier.isStatic(modifiers))) {
            return false;
        }
        try {
            return Modifier.isPublic(type.getDeclaredConstructor().getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * A new instance of {@code type}, created while {@code contextLoader} is the context class loader.
     *
     * @throws ConnectException naming the class and the cause if the class cannot be instantiated
     *                          (including failures of its static initializer and linkage errors)
     */
    static <T> T instantiate(Class<? extends T> type, ClassLoader contextLoader) {
        try (LoaderSwap ignored = LoaderSwap.to(contextLoader)) {
            Constructor<? extends T> constructor = type.getDeclaredConstructor();
            if (!Modifier.isPublic(constructor.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
                throw new ConnectException("Cannot instantiate plugin class " + type.getName()
                    + ": the class and its no-arg constructor must be public");
            }
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new ConnectException("Cannot instantiate plugin class " + type.getName()
                + ": it has no public no-arg constructor", e);
        } catch (InvocationTargetException e) {
            throw new ConnectException("Cannot instantiate plugin class " + type.getName()
                + ": its constructor threw " + e.getCause(), e.getCause());
        } catch (ExceptionInInitializerError e) {
            throw new ConnectException("Cannot instantiate plugin class " + type.getName()
                + ": its static initializer threw " + e.getCause(), e.getCause());
        } catch (InstantiationException | IllegalAccessException | LinkageError e) {
            throw new ConnectException("Cannot instantiate plugin class " + type.getName() + ": " + e, e);
        }
    }

    /** The version of a plugin instance, or {@value #UNDEFINED_VERSION}. */
    static String versionOf(Object plugin, ClassLoader contextLoader) {
        if (!(plugin instanceof Versioned versioned)) {
            return UNDEFINED_VERSION;
        }
        try (LoaderSwap ignored = LoaderSwap.to(contextLoader)) {
            String version = versioned.version();
            return version != null ? version : UNDEFINED_VERSION;
        } catch (RuntimeException | LinkageError e) {
            log.warn("Plugin {} failed to report its version; listing it as '{}': {}",
                plugin.getClass().getName(), UNDEFINED_VERSION, e.toString());
            return UNDEFINED_VERSION;
        }
    }
}
