package dev.sluice.runtime.plugins;

import java.util.Objects;

/**
 * A plugin class that discovery confirmed usable, under one of its types.
 *
 * @param pluginClass the class
 * @param type        the plugin type (a class implementing several types is discovered once per type)
 * @param version     its {@code version()}, or {@value PluginInstantiator#UNDEFINED_VERSION}
 * @param source      the location or class path that defines it
 * @param hasManifest whether a service manifest of the source lists it for this type
 */
record DiscoveredPlugin(Class<?> pluginClass, PluginType type, String version, PluginSource source, boolean hasManifest) {

    DiscoveredPlugin {
        Objects.requireNonNull(pluginClass, "pluginClass");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
    }

    String className() {
        return pluginClass.getName();
    }
}
