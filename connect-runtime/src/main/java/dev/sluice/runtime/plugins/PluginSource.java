package dev.sluice.runtime.plugins;

import java.util.Objects;
import java.util.Optional;

/**
 * Where plugins come from: one isolated {@link PluginLocation} with its {@link PluginClassLoader}, or the
 * runtime's own class path (not isolated) with the {@link DelegatingClassLoader} as context loader.
 *
 * @param location      the plugin location, or {@code null} for the runtime's class path
 * @param loader        the loader that defines this source's classes
 * @param contextLoader the loader that is the thread context class loader while this source's plugins run
 */
record PluginSource(PluginLocation location, ClassLoader loader, ClassLoader contextLoader) {

    /** Name under which plugins of the runtime's class path are listed. */
    static final String CLASSPATH = "classpath";

    PluginSource {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(contextLoader, "contextLoader");
    }

    /** The source of an isolated plugin location. */
    static PluginSource isolated(PluginClassLoader loader) {
        return new PluginSource(loader.location(), loader, loader);
    }

    /** The source of the runtime's class path. */
    static PluginSource classpath(ClassLoader runtimeLoader, DelegatingClassLoader delegating) {
        return new PluginSource(null, runtimeLoader, delegating);
    }

    Optional<PluginLocation> pluginLocation() {
        return Optional.ofNullable(location);
    }

    boolean isIsolated() {
        return location != null;
    }

    /**
     * Whether {@code type} belongs to this source: defined by the location's own loader, or, for the class
     * path, by a loader that is not a plugin loader.
     */
    boolean defines(Class<?> type) {
        ClassLoader definer = type.getClassLoader();
        return isIsolated() ? definer == loader : !(definer instanceof PluginClassLoader);
    }

    /** The location's path, or {@value #CLASSPATH}. */
    String describe() {
        return isIsolated() ? location.path().toString() : CLASSPATH;
    }

    @Override
    public String toString() {
        return describe();
    }
}
