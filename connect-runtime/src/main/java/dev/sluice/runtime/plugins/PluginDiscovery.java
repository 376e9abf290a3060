package dev.sluice.runtime.plugins;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs discovery over plugin sources as {@code plugin.discovery} asks: bytecode scanning and/or service
 * manifests, then one instantiation per class to prove it usable and read its version, then the
 * source's JDBC drivers. A class that fails is logged with its location and skipped.
 *
 * <p>In the hybrid modes, plugins found by scanning but not listed in a manifest are reported: as one
 * warning ({@code hybrid_warn}) or as a startup failure ({@code hybrid_fail}).
 */
final class PluginDiscovery {

    private static final Logger log = LoggerFactory.getLogger(PluginDiscovery.class);

    private final PluginDiscoveryMode mode;
    private final ServiceManifestScanner manifests = new ServiceManifestScanner();
    private final BytecodeScanner bytecode = new BytecodeScanner();
    private final JdbcDriverLoader drivers = new JdbcDriverLoader();

    PluginDiscovery(PluginDiscoveryMode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /**
     * Discovers the plugins of every source, in source order.
     *
     * @throws ConnectException in {@code hybrid_fail} mode, naming every scanned plugin without a manifest
     */
    List<DiscoveredPlugin> discover(List<PluginSource> sources) {
        List<DiscoveredPlugin> discovered = new ArrayList<>();
        for (PluginSource source : sources) {
            long start = System.nanoTime();
            List<DiscoveredPlugin> ofSource = discover(source);
            discovered.addAll(ofSource);
            log.info("Found {} plugins in {} ({} ms)", ofSource.size(), source.describe(), (System.nanoTime() - start) / 1_000_000);
            if (source.isIsolated()) {
                drivers.load(source);
            }
        }
        reportMissingManifests(discovered);
        return discovered;
    }

    private List<DiscoveredPlugin> discover(PluginSource source) {
        List<PluginType> manifestTypes = Arrays.stream(PluginType.values())
            .filter(t -> mode.readsManifests() || t.isServiceLoadedOnly())
            .toList();
        List<PluginType> scanTypes = Arrays.stream(PluginType.values())
            .filter(t -> mode.scansBytecode() && !t.isServiceLoadedOnly())
            .toList();
        Set<PluginCandidate> listed = readManifests(source, manifestTypes);
        Set<PluginCandidate> all = new LinkedHashSet<>(listed);
        all.addAll(bytecode.scan(source, scanTypes));

        // A class is probed once even when it is a candidate for several types (a converter that is also a
        // header converter); an unusable one is remembered as absent, so it is logged once.
        Map<Class<?>, Optional<String>> versions = new LinkedHashMap<>();
        List<DiscoveredPlugin> usable = new ArrayList<>();
        for (PluginCandidate candidate : all) {
            String version = versions.computeIfAbsent(candidate.pluginClass(),
                c -> Optional.ofNullable(probe(c, source))).orElse(null);
            if (version != null) {
                usable.add(new DiscoveredPlugin(candidate.pluginClass(), candidate.type(), version, source,
                    listed.contains(candidate)));
            }
        }
        return usable;
    }

    /**
     * Reads the service manifests of {@code source}. Bad entries are skipped inside the scanner; a failure of
     * the service-loader mechanism itself stops startup when manifests are a discovery method, with a hint
     * to fall back to scanning.
     */
    private Set<PluginCandidate> readManifests(PluginSource source, List<PluginType> types) {
        try {
            return manifests.scan(source, types);
        } catch (RuntimeException e) {
            if (mode.readsManifests()) {
                throw new ConnectException("Reading the service manifests of plugin source " + source.describe()
                    + " failed with plugin.discovery=" + mode + ": " + e
                    + ". Set plugin.discovery=only_scan to discover plugins by scanning their classes instead.", e);
            }
            log.error("Reading the service manifests of plugin source {} failed; its config providers, REST extensions and"
                + " client config override policies are missing", source.describe(), e);
            return Set.of();
        }
    }

    /** Instantiates the class once; its version, or {@code null} if it is not usable. */
    private static String probe(Class<?> pluginClass, PluginSource source) {
        if (!PluginInstantiator.isInstantiable(pluginClass)) {
            log.debug("Skipping {} in {}: not a public concrete class with a public no-arg constructor",
                pluginClass.getName(), source.describe());
            return null;
        }
        try {
            Object instance = PluginInstantiator.instantiate(pluginClass, source.contextLoader());
            return PluginInstantiator.versionOf(instance, source.contextLoader());
        } catch (ConnectException e) {
            log.error("Skipping plugin {} in {}: {}", pluginClass.getName(), source.describe(), e.getMessage(), e.getCause());
            return null;
        }
    }

    private void reportMissingManifests(List<DiscoveredPlugin> discovered) {
        if (!mode.readsManifests() || !mode.scansBytecode()) {
            return;
        }
        List<DiscoveredPlugin> missing = discovered.stream().filter(p -> !p.hasManifest()).toList();
        if (missing.isEmpty()) {
            return;
        }
        String listing = missing.stream()
            .map(p -> p.className() + " (" + p.type() + ") in " + p.source().describe())
            .collect(Collectors.joining(", "));
        String hint = "Add META-INF/services manifests (for example with 'bin/connect-plugin-path.sh sync-manifests')";
        if (mode == PluginDiscoveryMode.HYBRID_FAIL) {
            throw new ConnectException("plugin.discovery=hybrid_fail: these plugins have no service manifest and would be"
                + " invisible with plugin.discovery=service_load: " + listing + ". " + hint
                + ", or set plugin.discovery=hybrid_warn or only_scan.");
        }
        log.warn("These plugins have no service manifest and will be invisible with plugin.discovery=service_load: {}. {}"
            + ", then set plugin.discovery=service_load for a faster start.", listing, hint);
    }
}
