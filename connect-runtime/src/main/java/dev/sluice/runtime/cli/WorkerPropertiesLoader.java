package dev.sluice.runtime.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Reads the worker's {@code .properties} file given on the command line into a config map, as Apache's
 * command line does: {@link java.util.Properties} syntax and escapes, ISO-8859-1 ({@link Utils#loadProps}).
 *
 * <p>{@link #load} also resolves {@code ${provider:[path:]key}} references in the values with the providers the
 * file sets up in {@code config.providers}, as Apache's worker config does at construction; the providers are
 * closed afterwards (the worker sets up its own for connector configs, see {@link ConfigProviders}). The
 * {@code config.providers} keys themselves are kept as written.
 */
public final class WorkerPropertiesLoader {

    private WorkerPropertiesLoader() {
    }

    /**
     * Reads the file and resolves its provider references, loading provider classes with this class's loader.
     *
     * @param file the worker properties file
     * @return the resolved worker config, sorted by key
     * @throws ConnectException naming the path, if the file cannot be read
     * @throws ConfigException naming the key, if a provider cannot be set up or a reference cannot be resolved
     */
    public static Map<String, String> load(Path file) {
        return load(file, WorkerPropertiesLoader.class.getClassLoader());
    }

    /**
     * Reads the file and resolves its provider references, loading provider classes with {@code providerLoader}
     * (e.g. one that also sees {@code plugin.path}).
     *
     * @see #load(Path)
     */
    public static Map<String, String> load(Path file, ClassLoader providerLoader) {
        Map<String, String> raw = read(file);
        try (ConfigProviders providers = ConfigProviders.fromWorkerConfig(raw, providerLoader)) {
            return resolve("Worker config file '" + file + "':", raw, providers);
        }
    }

    /**
     * Resolves the provider references of worker properties with {@code providers}; the {@code config.providers}
     * keys themselves are kept as written.
     *
     * @param owner what the properties are, for error messages
     * @return the resolved worker config, sorted by key
     */
    public static Map<String, String> resolve(String owner, Map<String, String> raw, ConfigProviders providers) {
        Map<String, String> toResolve = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            if (!isProviderKey(key)) {
                toResolve.put(key, value);
            }
        });
        Map<String, String> resolved = new TreeMap<>(raw);
        resolved.putAll(providers.resolve(owner, toResolve));
        return resolved;
    }

    /**
     * Reads the file without resolving provider references: what the command line needs before it can load
     * provider classes, such as {@code plugin.path}.
     *
     * @param file the worker properties file
     * @return the config as written, sorted by key
     * @throws ConnectException naming the path, if the file cannot be read
     */
    public static Map<String, String> read(Path file) {
        try {
            return new TreeMap<>(Utils.propsToStringMap(Utils.loadProps(file.toString())));
        } catch (NoSuchFileException e) {
            throw new ConnectException("Worker config file '" + file + "' does not exist; pass the path of the"
                + " worker .properties file", e);
        } catch (IOException e) {
            throw new ConnectException("Could not read worker config file '" + file + "': " + e, e);
        }
    }

    private static boolean isProviderKey(String key) {
        return key.equals(ConfigProviders.CONFIG_PROVIDERS) || key.startsWith(ConfigProviders.CONFIG_PROVIDERS + ".");
    }
}
