package dev.sluice.runtime.plugins;

import java.util.List;
import java.util.Objects;

/**
 * What the worker knows about one discovered plugin, as listed by {@code GET /connector-plugins}.
 *
 * @param className the fully qualified class name
 * @param type      the plugin type; a class of several types has one descriptor per type
 * @param version   the plugin's {@code version()}, or {@code "undefined"}
 * @param location  the plugin location's path, or {@code "classpath"} for the runtime's own class path
 * @param aliases   the unambiguous short names that also resolve to this class, sorted
 */
public record PluginDescriptor(String className, PluginType type, String version, String location, List<String> aliases) {

    /** Checks and copies the components. */
    public PluginDescriptor {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(location, "location");
        aliases = List.copyOf(aliases);
    }
}
