package dev.sluice.runtime.plugins;

import java.util.Objects;

/**
 * A class that a scanner found to be a plugin of one type, before it is instantiated and versioned.
 *
 * @param pluginClass the class, defined by the loader of the source it was found in
 * @param type        the plugin type it implements
 */
record PluginCandidate(Class<?> pluginClass, PluginType type) {

    PluginCandidate {
        Objects.requireNonNull(pluginClass, "pluginClass");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        return pluginClass.getName() + " (" + type + ")";
    }
}
