package dev.sluice.runtime.config;

import dev.sluice.runtime.plugins.PluginVersions;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.maven.artifact.versioning.InvalidVersionSpecificationException;

/**
 * Validates the {@code *.plugin.version} keys: null or {@code latest} (the newest installed version), a
 * single version ({@code 1.2.0}, meaning exactly that version), or one or more ranges in Maven's
 * notation ({@code [1.0,2.0)}, {@code (,1.5]}, {@code [1.0,2.0),[3.0,)}); see {@link PluginVersions#requirement}.
 */
public final class VersionRangeValidator implements ConfigDef.Validator {

    /** A validator for plugin version keys. */
    public static VersionRangeValidator pluginVersion() {
        return new VersionRangeValidator();
    }

    private VersionRangeValidator() {
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            return;
        }
        try {
            PluginVersions.requirement(value.toString());
        } catch (InvalidVersionSpecificationException e) {
            throw new ConfigException(name, value, "Not a usable plugin version or version range: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "a version, a version range such as [1.0,2.0), or latest";
    }
}
