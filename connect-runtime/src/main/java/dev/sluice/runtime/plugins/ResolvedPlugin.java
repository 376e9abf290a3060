package dev.sluice.runtime.plugins;

import java.util.Objects;

/**
 * A plugin class chosen for a class name or alias, with the loader that must be the thread context class
 * loader while the plugin's code runs.
 *
 * @param pluginClass the class
 * @param loader      its plugin location's loader, or the delegating loader for a class of the runtime's class path
 * @param <T>         the plugin's base type
 */
public record ResolvedPlugin<T>(Class<? extends T> pluginClass, ClassLoader loader) {

    /** Checks the components. */
    public ResolvedPlugin {
        Objects.requireNonNull(pluginClass, "pluginClass");
        Objects.requireNonNull(loader, "loader");
    }
}
