package dev.sluice.runtime.plugins;

import java.sql.Driver;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the JDBC drivers that a plugin location lists as {@code java.sql.Driver} services.
 *
 * <p>{@link java.sql.DriverManager} only finds drivers of the system class loader by itself, so a driver
 * inside a plugin would stay unknown to it. Instantiating the driver class runs its static initializer,
 * which (as JDBC requires) registers the driver with {@code DriverManager}. That registry is the JDK's
 * own global state, not ours; we keep no driver state at all. It stays correctly scoped because
 * {@code DriverManager} hands a driver only to callers whose class loader resolves the driver's class name
 * to the very same class: code of the plugin that bundles the driver, and no other plugin.
 */
final class JdbcDriverLoader {

    private static final Logger log = LoggerFactory.getLogger(JdbcDriverLoader.class);

    /** Loads and registers the drivers defined by {@code source}; returns their class names. */
    List<String> load(PluginSource source) {
        List<String> loaded = new ArrayList<>();
        Iterator<ServiceLoader.Provider<Driver>> providers =
            ServiceLoader.load(Driver.class, source.loader()).stream().iterator();
        int failuresInARow = 0;
        while (failuresInARow < 100) {
            try (LoaderSwap ignored = LoaderSwap.to(source.contextLoader())) {
                if (!providers.hasNext()) {
                    break;
                }
                ServiceLoader.Provider<Driver> provider = providers.next();
                failuresInARow = 0;
                if (source.defines(provider.type())) {
                    Driver driver = provider.get();
                    loaded.add(driver.getClass().getName());
                }
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                failuresInARow++;
                log.error("Skipping a JDBC driver of plugin location {}: {}", source.describe(), e.toString(), e);
            }
        }
        if (!loaded.isEmpty()) {
            log.info("Registered JDBC drivers {} of plugin location {}", loaded, source.describe());
        }
        return loaded;
    }
}
