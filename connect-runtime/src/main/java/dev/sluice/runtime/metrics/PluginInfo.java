package dev.sluice.runtime.metrics;

import dev.sluice.runtime.plugins.LoaderSwap;
import java.util.Objects;
import org.apache.kafka.connect.components.Versioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class and version of a plugin instance, as the info metrics show them.
 *
 * @param className the plugin's class name
 * @param version what the plugin reports through {@link Versioned}, or {@value #UNDEFINED_VERSION}
 */
public record PluginInfo(String className, String version) {

    /** The version shown for plugins that do not report one. */
    public static final String UNDEFINED_VERSION = "undefined";

    private static final Logger log = LoggerFactory.getLogger(PluginInfo.class);

    /** Checks the components. */
    public PluginInfo {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(version, "version");
    }

    /** The class and version of {@code plugin}; its version is asked for with its own class's loader as context. */
    public static PluginInfo of(Object plugin) {
        Objects.requireNonNull(plugin, "plugin");
        return new PluginInfo(plugin.getClass().getName(), versionOf(plugin));
    }

    private static String versionOf(Object plugin) {
        if (!(plugin instanceof Versioned versioned)) {
            return UNDEFINED_VERSION;
        }
        ClassLoader loader = plugin.getClass().getClassLoader();
        try (LoaderSwap swap = LoaderSwap.to(loader != null ? loader : ClassLoader.getSystemClassLoader())) {
            String version = versioned.version();
            return version != null ? version : UNDEFINED_VERSION;
        } catch (RuntimeException | LinkageError e) {
            log.warn("Plugin {} failed to report its version; its metrics show '{}': {}", plugin.getClass().getName(),
                UNDEFINED_VERSION, e.toString());
            return UNDEFINED_VERSION;
        }
    }
}
