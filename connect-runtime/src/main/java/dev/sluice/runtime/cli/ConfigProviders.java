package dev.sluice.runtime.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The config providers a worker sets up with {@code config.providers}, and the resolution of
 * {@code ${provider:[path:]key}} references in a config map with them.
 *
 * <p>The worker resolves its own config once at load ({@link WorkerPropertiesLoader}) and connector configs each
 * time a connector or task starts ({@link #resolve}). Unlike Apache, which leaves a reference it cannot resolve as
 * literal text, a reference to a provider that is not set up or to a key its provider does not have is an error
 * naming the config key. Safe for concurrent {@link #resolve} calls when the providers are (the Kafka ones are).
 * Closing closes every provider.
 */
public final class ConfigProviders implements AutoCloseable {

    /** Worker key listing the provider names; each is set up by {@code config.providers.<name>.class}. */
    public static final String CONFIG_PROVIDERS = "config.providers";

    private static final Logger log = LoggerFactory.getLogger(ConfigProviders.class);

    private final Map<String, ConfigProvider> providers;
    private final ConfigTransformer transformer;

    /**
     * Wraps providers that are already configured; this object owns them from now on and closes them.
     *
     * @param providers provider by the name used in references, e.g. {@code file} for {@code ${file:/p:k}}
     */
    public ConfigProviders(Map<String, ConfigProvider> providers) {
        this.providers = Collections.unmodifiableMap(new LinkedHashMap<>(providers));
        this.transformer = new ConfigTransformer(this.providers);
    }

    /**
     * Sets up the providers a worker config declares, loading their classes with this class's loader.
     *
     * @see #fromWorkerConfig(Map, ClassLoader)
     */
    public static ConfigProviders fromWorkerConfig(Map<String, String> workerConfig) {
        return fromWorkerConfig(workerConfig, ConfigProviders.class.getClassLoader());
    }

    /**
     * Sets up the providers a worker config declares: for each name in {@code config.providers}, an instance of
     * {@code config.providers.<name>.class} configured with the {@code config.providers.<name>.param.*} entries
     * (prefix removed).
     *
     * @param workerConfig the worker config; only the {@code config.providers} keys are read
     * @param loader the class loader that loads the provider classes
     * @throws ConfigException naming the key, if a class is not set, cannot be loaded, is not a
     *     {@link ConfigProvider} or rejects its parameters
     */
    public static ConfigProviders fromWorkerConfig(Map<String, String> workerConfig, ClassLoader loader) {
        Map<String, ConfigProvider> created = new LinkedHashMap<>();
        try {
            for (String name : providerNames(workerConfig.get(CONFIG_PROVIDERS))) {
                created.put(name, newProvider(name, workerConfig, loader));
            }
        } catch (RuntimeException e) {
            closeAll(created);
            throw e;
        }
        return new ConfigProviders(created);
    }

    /** The names of the providers, in the order {@code config.providers} lists them. */
    public Set<String> names() {
        return providers.keySet();
    }

    /**
     * Returns a copy of {@code config} with every {@code ${provider:[path:]key}} reference replaced by the value its
     * provider gives. Values without references, and null values, are copied unchanged.
     *
     * @param owner what the config belongs to, for error messages, e.g. {@code Connector 'my-connector'}
     * @param config the config to resolve
     * <p>As in Apache, a reference that cannot be resolved (its provider is not set up, or has no value for
     * it) stays in the value as literal text, so configs whose values merely look like references keep
     * working; each such reference is logged as a warning naming the key.
     *
     * @throws ConfigException naming the key, if a provider fails while resolving (e.g. an unreadable file)
     */
    public Map<String, String> resolve(String owner, Map<String, String> config) {
        Map<String, String> resolved = new LinkedHashMap<>(config);
        config.forEach((key, value) -> {
            List<String> references = references(value);
            if (!references.isEmpty()) {
                resolved.put(key, resolveValue(owner, key, value, references));
            }
        });
        return resolved;
    }

    /** Closes every provider; a provider that fails to close is logged and the others are still closed. */
    @Override
    public void close() {
        closeAll(providers);
    }

    private String resolveValue(String owner, String key, String value, List<String> references) {
        String result;
        try {
            // One key at a time so that a provider's failure can be reported with the key that caused it.
            Map<String, String> single = new HashMap<>();
            single.put(key, value);
            result = transformer.transform(single).data().get(key);
        } catch (RuntimeException e) {
            throw new ConfigException(owner + " config '" + key + "' could not be resolved from " + references
                + ": " + e.getMessage());
        }
        for (String reference : references) {
            if (result.contains(reference)) {
                log.warn("{} config '{}' keeps {} as literal text: {}", owner, key, reference,
                    providers.containsKey(providerOf(reference))
                        ? "its config provider has no value for it (missing path or key, or path not allowed)"
                        : "no config provider named '" + providerOf(reference) + "' is set up in 'config.providers'");
            }
        }
        return result;
    }

    private static String providerOf(String reference) {
        Matcher matcher = ConfigTransformer.DEFAULT_PATTERN.matcher(reference);
        return matcher.matches() ? matcher.group(1) : "";
    }

    private static List<String> references(String value) {
        List<String> references = new ArrayList<>();
        if (value != null) {
            Matcher matcher = ConfigTransformer.DEFAULT_PATTERN.matcher(value);
            while (matcher.find()) {
                references.add(matcher.group());
            }
        }
        return references;
    }

    private static Set<String> providerNames(String list) {
        Set<String> names = new LinkedHashSet<>();
        if (list != null) {
            for (String name : list.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        return names;
    }

    private static ConfigProvider newProvider(String name, Map<String, String> workerConfig, ClassLoader loader) {
        String classKey = CONFIG_PROVIDERS + "." + name + ".class";
        String className = workerConfig.get(classKey);
        if (className == null || className.isBlank()) {
            throw new ConfigException("'" + CONFIG_PROVIDERS + "' lists '" + name + "' but '" + classKey
                + "' is not set; set it to a ConfigProvider class such as "
                + "org.apache.kafka.common.config.provider.FileConfigProvider");
        }
        ConfigProvider provider;
        try {
            // loadClass first, so that an alias (FileConfigProvider, File) works as in Apache.
            Class<?> type = Class.forName(loader.loadClass(className.trim()).getName(), true, loader);
            if (!ConfigProvider.class.isAssignableFrom(type)) {
                throw new ConfigException("'" + classKey + "' is " + className + ", which is not a "
                    + ConfigProvider.class.getName());
            }
            provider = (ConfigProvider) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ConfigException("'" + classKey + "' is " + className
                + ", which could not be loaded and instantiated with a public no-argument constructor: " + e);
        }
        try {
            provider.configure(params(name, workerConfig));
        } catch (RuntimeException e) {
            closeAll(Map.of(name, provider));
            throw new ConfigException("Config provider '" + name + "' (" + className
                + ") rejected its parameters '" + CONFIG_PROVIDERS + "." + name + ".param.*': " + e.getMessage());
        }
        return provider;
    }

    private static Map<String, String> params(String name, Map<String, String> workerConfig) {
        String prefix = CONFIG_PROVIDERS + "." + name + ".param.";
        Map<String, String> params = new HashMap<>();
        workerConfig.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                params.put(key.substring(prefix.length()), value);
            }
        });
        return params;
    }

    private static void closeAll(Map<String, ConfigProvider> providers) {
        for (Map.Entry<String, ConfigProvider> entry : providers.entrySet()) {
            try {
                entry.getValue().close();
            } catch (Exception e) {
                log.warn("Closing config provider '{}' ({}) failed", entry.getKey(),
                    entry.getValue().getClass().getName(), e);
            }
        }
    }
}
