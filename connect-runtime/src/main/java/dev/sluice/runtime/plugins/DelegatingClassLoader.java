package dev.sluice.runtime.plugins;

import java.util.Map;
import java.util.Objects;

/**
 * The parent of every {@link PluginClassLoader}: the runtime's own class path, plus, once discovery is
 * done, a route from each discovered plugin class name to the loader of the location that provides it.
 *
 * <p>Used as the thread context class loader when the worker parses configuration that names plugin
 * classes, so that {@code contextLoader.loadClass(name)} (what kafka-clients' {@code ConfigDef} calls for class
 * values) finds a plugin in any location, by class name or by alias ({@code JsonConverter}, {@code RegexRouter}),
 * as Apache's loader does. Only isolatable names are
 * routed: a class under a parent-first name always comes from the runtime.
 */
public final class DelegatingClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private volatile Map<String, ClassLoader> routes = Map.of();
    private volatile Map<String, String> aliases = Map.of();
    private boolean routesInstalled;

    /**
     * A loader over the runtime's class path.
     *
     * @param runtimeLoader the loader of the worker's own classes and built-in plugins
     */
    public DelegatingClassLoader(ClassLoader runtimeLoader) {
        super("sluice-plugins", Objects.requireNonNull(runtimeLoader, "runtimeLoader"));
    }

    /**
     * Installs what discovery found: plugin class name to the plugin loader that serves it, and each unambiguous
     * alias to its class name.
     *
     * @throws IllegalStateException if routes were installed before
     */
    void installRoutes(Map<String, ClassLoader> routesByClassName, Map<String, String> aliasesToClassNames) {
        synchronized (this) {
            if (routesInstalled) {
                throw new IllegalStateException("Plugin routes are installed once, after discovery");
            }
            routes = Map.copyOf(routesByClassName);
            aliases = Map.copyOf(aliasesToClassNames);
            routesInstalled = true;
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        String className = aliases.getOrDefault(name, name);
        ClassLoader plugin = PluginIsolation.isIsolatable(className) ? routes.get(className) : null;
        if (plugin != null) {
            Class<?> loaded = plugin.loadClass(className);
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
        return super.loadClass(className, resolve);
    }

    @Override
    public String toString() {
        return "DelegatingClassLoader{routes=" + routes.size() + ", parent=" + getParent() + "}";
    }
}
