package dev.sluice.runtime.plugins;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;

/**
 * The values of the worker setting {@code plugin.discovery}: which of the two discovery methods run
 * (reflective scanning of bytecode, service-loader manifests) and what happens when scanning finds a
 * plugin that has no manifest.
 */
public enum PluginDiscoveryMode {
    /** Scan bytecode only; manifests are read only for the types that are always service-loaded. */
    ONLY_SCAN(true, false),
    /** Scan and read manifests; warn about scanned plugins that lack a manifest. The default. */
    HYBRID_WARN(true, true),
    /** Scan and read manifests; refuse to start if a scanned plugin lacks a manifest. */
    HYBRID_FAIL(true, true),
    /** Read manifests only; plugins without one are invisible. */
    SERVICE_LOAD(false, true);

    /** The setting's name in the worker configuration. */
    public static final String CONFIG = "plugin.discovery";

    private final boolean scansBytecode;
    private final boolean readsManifests;

    PluginDiscoveryMode(boolean scansBytecode, boolean readsManifests) {
        this.scansBytecode = scansBytecode;
        this.readsManifests = readsManifests;
    }

    /**
     * Parses a setting value, ignoring case and surrounding whitespace.
     *
     * @throws ConfigException naming the accepted values if {@code value} is none of them
     */
    public static PluginDiscoveryMode parse(String value) {
        if (value != null) {
            String normalized = value.trim().toUpperCase(Locale.ROOT);
            for (PluginDiscoveryMode mode : values()) {
                if (mode.name().equals(normalized)) {
                    return mode;
                }
            }
        }
        String accepted = Arrays.stream(values()).map(PluginDiscoveryMode::toString).collect(Collectors.joining(", "));
        throw new ConfigException(CONFIG, value, "must be one of " + accepted + " (case-insensitive)");
    }

    /** Whether plugin classes are found by scanning bytecode. */
    public boolean scansBytecode() {
        return scansBytecode;
    }

    /** Whether plugin classes are found through service-loader manifests (for every type). */
    public boolean readsManifests() {
        return readsManifests;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
