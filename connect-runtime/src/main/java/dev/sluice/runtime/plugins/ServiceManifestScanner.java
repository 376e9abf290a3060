package dev.sluice.runtime.plugins;

import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plugins through service-loader manifests ({@code META-INF/services/<base type>}).
 *
 * <p>A plugin loader also sees its parent's manifests; a listed class counts for a source only if that
 * source's loader defined it. Classes are loaded without being initialized or instantiated here. A
 * manifest entry that cannot be loaded is logged (once per discovery, since every plugin loader also sees
 * the runtime's manifests) and skipped; the other entries are still read.
 */
final class ServiceManifestScanner {

    private static final Logger log = LoggerFactory.getLogger(ServiceManifestScanner.class);

    /** Stops reading one manifest set after this many failures in a row, in case the JDK cannot recover. */
    private static final int MAX_CONSECUTIVE_FAILURES = 1_000;

    private final Set<String> reported = new HashSet<>();

    /** The classes of {@code source} listed in the manifests of the given types. */
    Set<PluginCandidate> scan(PluginSource source, Collection<PluginType> types) {
        Set<PluginCandidate> found = new LinkedHashSet<>();
        for (PluginType type : types) {
            scanType(source, type, found);
        }
        return found;
    }

    private void scanType(PluginSource source, PluginType type, Set<PluginCandidate> found) {
        Iterator<? extends ServiceLoader.Provider<?>> providers =
            ServiceLoader.load(type.baseType(), source.loader()).stream().iterator();
        int failuresInARow = 0;
        while (failuresInARow < MAX_CONSECUTIVE_FAILURES) {
            try (LoaderSwap ignored = LoaderSwap.to(source.contextLoader())) {
                if (!providers.hasNext()) {
                    return;
                }
                Class<?> listed = providers.next().type();
                failuresInARow = 0;
                if (source.defines(listed)) {
                    found.add(new PluginCandidate(listed, type));
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                failuresInARow++;
                if (reported.add(type + ": " + describe(e))) {
                    log.error("Skipping a {} listed in a service manifest seen from plugin source {}: {}",
                        type, source.describe(), describe(e));
                }
            }
        }
        log.error("Stopped reading {} service manifests of plugin source {} after {} consecutive failures",
            type, source.describe(), MAX_CONSECUTIVE_FAILURES);
    }

    private static String describe(Throwable e) {
        return e.getCause() == null ? e.toString() : e + " (caused by " + e.getCause() + ")";
    }
}
