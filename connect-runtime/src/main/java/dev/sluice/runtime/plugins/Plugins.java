package dev.sluice.runtime.plugins;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's view of its plugins: discovers them once at startup, resolves class names and aliases, and
 * creates plugin instances with the plugin's own loader as thread context class loader.
 *
 * <p>Every method that takes a {@code connectorLoader} prefers a copy of the named class from that
 * connector's location (co-location) and otherwise uses the preferred copy (highest version). A name that
 * no discovered plugin has is still tried as a plain class name through that loader (or the delegating
 * loader), so classes that discovery skipped can be used as before.
 */
public final class Plugins implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Plugins.class);

    private final DelegatingClassLoader delegatingLoader;
    private final List<PluginClassLoader> pluginLoaders;
    private final PluginRegistry registry;

    private Plugins(DelegatingClassLoader delegatingLoader, List<PluginClassLoader> pluginLoaders, PluginRegistry registry) {
        this.delegatingLoader = delegatingLoader;
        this.pluginLoaders = List.copyOf(pluginLoaders);
        this.registry = registry;
    }

    /** Discovers the plugins of {@code plugin.path} and of the class path of this class's loader. */
    public static Plugins discover(PluginPath pluginPath, PluginDiscoveryMode mode) {
        return discover(pluginPath, mode, Plugins.class.getClassLoader());
    }

    /**
     * Discovers the plugins of {@code plugin.path} and of the runtime's class path.
     *
     * @param runtimeLoader the loader of the worker's own classes; parent of the delegating loader
     * @throws ConnectException in {@code hybrid_fail} mode if a scanned plugin has no service manifest
     */
    public static Plugins discover(PluginPath pluginPath, PluginDiscoveryMode mode, ClassLoader runtimeLoader) {
        long start = System.nanoTime();
        DelegatingClassLoader delegating = new DelegatingClassLoader(runtimeLoader);
        List<PluginClassLoader> loaders = new ArrayList<>();
        List<PluginSource> sources = new ArrayList<>();
        // The class path goes first so that a broken entry of the runtime's own manifests, which every
        // plugin loader sees too, is reported against the class path.
        sources.add(PluginSource.classpath(runtimeLoader, delegating));
        for (PluginLocation location : pluginPath.locations()) {
            PluginClassLoader loader = new PluginClassLoader(location, delegating);
            loaders.add(loader);
            sources.add(PluginSource.isolated(loader));
        }
        PluginRegistry registry;
        try {
            registry = new PluginRegistry(new PluginDiscovery(mode).discover(sources));
        } catch (RuntimeException e) {
            closeAll(loaders);
            throw e;
        }
        delegating.installRoutes(registry.routes(), registry.aliases());
        registry.descriptors().forEach(d -> log.info("Added plugin {} ({}, version {}) from {}; aliases {}",
            d.className(), d.type(), d.version(), d.location(), d.aliases()));
        log.info("Discovered {} plugins in {} locations and the class path with {}={} in {} ms",
            registry.descriptors().size(), loaders.size(), PluginDiscoveryMode.CONFIG, mode,
            (System.nanoTime() - start) / 1_000_000);
        return new Plugins(delegating, loaders, registry);
    }

    /** The parent of all plugin loaders; the context loader to use while parsing configs that name plugin classes. */
    public DelegatingClassLoader delegatingLoader() {
        return delegatingLoader;
    }

    /** Every discovered plugin, one entry per class, type and location, sorted by type then class name. */
    public List<PluginDescriptor> descriptors() {
        return registry.descriptors();
    }

    /** The discovered plugins of one type. */
    public List<PluginDescriptor> descriptors(PluginType type) {
        return registry.descriptors().stream().filter(d -> d.type() == type).toList();
    }

    /** Every unambiguous alias, mapped to the class name it stands for. */
    public Map<String, String> aliases() {
        return registry.aliases();
    }

    /**
     * Chooses the class for a class name or alias among plugins that are subtypes of {@code baseType}.
     *
     * @param connectorLoader the loader of the connector the plugin will serve, or {@code null}
     * @throws PluginNotFoundException listing similar names if nothing of that name is installed
     * @throws ConnectException        if the named class exists but is not a {@code baseType}
     */
    public <T> ResolvedPlugin<T> resolve(String classOrAlias, Class<T> baseType, ClassLoader connectorLoader) {
        Objects.requireNonNull(classOrAlias, "classOrAlias");
        String name = classOrAlias.trim();
        List<PluginType> types = typesOf(baseType);
        return registry.find(name, types, connectorLoader)
            .map(p -> new ResolvedPlugin<T>(p.pluginClass().asSubclass(baseType), p.source().contextLoader()))
            .orElseGet(() -> loadUndiscovered(name, baseType, types, connectorLoader));
    }

    /** The loader of the named connector's location (the delegating loader for a connector of the class path). */
    public ClassLoader connectorLoader(String connectorClassOrAlias) {
        return resolve(connectorClassOrAlias, Connector.class, null).loader();
    }

    /** The context class loader under which code of {@code pluginClass} must run. */
    public ClassLoader loaderOf(Class<?> pluginClass) {
        return pluginClass.getClassLoader() instanceof PluginClassLoader own ? own : delegatingLoader;
    }

    /** Makes {@code loader} the context class loader until the returned swap is closed. */
    public LoaderSwap withClassLoader(ClassLoader loader) {
        return LoaderSwap.to(loader);
    }

    /** A new connector of the named class or alias. */
    public Connector newConnector(String connectorClassOrAlias) {
        return newPlugin(connectorClassOrAlias, Connector.class, null);
    }

    /** A new, unconfigured converter; {@code connectorLoader} may be {@code null}. */
    public Converter newConverter(String classOrAlias, ClassLoader connectorLoader) {
        return newPlugin(classOrAlias, Converter.class, connectorLoader);
    }

    /** A new, unconfigured header converter; {@code connectorLoader} may be {@code null}. */
    public HeaderConverter newHeaderConverter(String classOrAlias, ClassLoader connectorLoader) {
        return newPlugin(classOrAlias, HeaderConverter.class, connectorLoader);
    }

    /** A new, unconfigured transformation; {@code connectorLoader} may be {@code null}. */
    @SuppressWarnings("unchecked")
    public <R extends ConnectRecord<R>> Transformation<R> newTransformation(String classOrAlias, ClassLoader connectorLoader) {
        return newPlugin(classOrAlias, Transformation.class, connectorLoader);
    }

    /** A new, unconfigured predicate; {@code connectorLoader} may be {@code null}. */
    @SuppressWarnings("unchecked")
    public <R extends ConnectRecord<R>> Predicate<R> newPredicate(String classOrAlias, ClassLoader connectorLoader) {
        return newPlugin(classOrAlias, Predicate.class, connectorLoader);
    }

    /**
     * A new instance of the named plugin, created with its loader as context class loader.
     *
     * @throws PluginNotFoundException if nothing of that name is installed
     * @throws ConnectException        if the class is not a {@code baseType} or cannot be instantiated
     */
    public <T> T newPlugin(String classOrAlias, Class<T> baseType, ClassLoader connectorLoader) {
        ResolvedPlugin<T> resolved = resolve(classOrAlias, baseType, connectorLoader);
        return PluginInstantiator.instantiate(resolved.pluginClass(), resolved.loader());
    }

    /** Closes the plugin loaders; call only once no plugin code runs any more. */
    @Override
    public void close() {
        closeAll(pluginLoaders);
    }

    private <T> ResolvedPlugin<T> loadUndiscovered(String name, Class<T> baseType, List<PluginType> types, ClassLoader connectorLoader) {
        String className = registry.className(name);
        Class<?> loaded;
        try {
            loaded = Class.forName(className, false, connectorLoader != null ? connectorLoader : delegatingLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new PluginNotFoundException(name, kindOf(baseType, types), registry.closeMatches(name, types),
                (int) registry.count(types));
        }
        if (!baseType.isAssignableFrom(loaded)) {
            throw new ConnectException("Class " + loaded.getName() + " (from " + describe(loaded) + ") is not a "
                + kindOf(baseType, types) + ": it does not extend or implement " + baseType.getName());
        }
        return new ResolvedPlugin<>(loaded.asSubclass(baseType), loaderOf(loaded));
    }

    private String describe(Class<?> type) {
        return type.getClassLoader() instanceof PluginClassLoader own ? own.location().toString() : PluginSource.CLASSPATH;
    }

    private static List<PluginType> typesOf(Class<?> baseType) {
        return Arrays.stream(PluginType.values()).filter(t -> baseType.isAssignableFrom(t.baseType())).toList();
    }

    private static String kindOf(Class<?> baseType, List<PluginType> types) {
        if (baseType == Connector.class) {
            return "connector";
        }
        return types.size() == 1 && types.get(0).baseType() == baseType ? types.get(0).typeName() : baseType.getSimpleName();
    }

    private static void closeAll(List<PluginClassLoader> loaders) {
        for (PluginClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                log.warn("Cannot close the class loader of plugin location {}: {}", loader.location(), e.toString());
            }
        }
    }
}
