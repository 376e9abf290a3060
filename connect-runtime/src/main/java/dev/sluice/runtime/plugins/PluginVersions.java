package dev.sluice.runtime.plugins;

import java.util.Comparator;
import java.util.Optional;
import org.apache.maven.artifact.versioning.DefaultArtifactVersion;
import org.apache.maven.artifact.versioning.InvalidVersionSpecificationException;
import org.apache.maven.artifact.versioning.VersionRange;

/**
 * Plugin versions with Maven's semantics (KIP-891), as Apache Kafka Connect reads them: ordering of
 * version strings ({@code 1.0-SNAPSHOT < 1.0-rc1 < 1.0 == 1.0.0 < 1.0-sp < 1.0.1}) and the
 * {@code *.plugin.version} specs that select among installed versions.
 */
public final class PluginVersions {

    /**
     * Orders version strings by Maven's rules, with {@value PluginInstantiator#UNDEFINED_VERSION} (a plugin that
     * does not report a version) before every version.
     */
    public static final Comparator<String> ORDER = PluginVersions::compare;

    private static final String LATEST = "latest";

    private PluginVersions() {
    }

    private static int compare(String left, String right) {
        boolean leftUndefined = PluginInstantiator.UNDEFINED_VERSION.equals(left);
        boolean rightUndefined = PluginInstantiator.UNDEFINED_VERSION.equals(right);
        if (leftUndefined || rightUndefined) {
            return Boolean.compare(rightUndefined, leftUndefined);
        }
        return new DefaultArtifactVersion(left).compareTo(new DefaultArtifactVersion(right));
    }

    /**
     * The versions a {@code *.plugin.version} spec allows: null, blank or {@code latest} allow any (the highest
     * installed wins), a bare version such as {@code 1.2} means exactly {@code [1.2]}, and anything else is
     * Maven range syntax ({@code [1.0,2.0)}, {@code (,1.5]}, {@code [1.0,2.0),[3.0,)}).
     *
     * @return the allowed range, or empty when any version will do
     * @throws InvalidVersionSpecificationException if {@code spec} is neither a version nor a valid range
     */
    public static Optional<VersionRange> requirement(String spec) throws InvalidVersionSpecificationException {
        if (spec == null || spec.isBlank() || spec.trim().equals(LATEST)) {
            return Optional.empty();
        }
        String trimmed = spec.trim();
        VersionRange range = VersionRange.createFromVersionSpec(trimmed);
        // Maven reads a bare version as a soft preference; plugin version keys make it a hard requirement.
        return Optional.of(range.hasRestrictions() ? range : VersionRange.createFromVersionSpec("[" + trimmed + "]"));
    }

    /** Whether {@code version} is allowed by {@code requirement}; an empty requirement allows every version. */
    public static boolean satisfies(String version, Optional<VersionRange> requirement) {
        return requirement.map(range -> range.containsVersion(new DefaultArtifactVersion(version))).orElse(true);
    }
}
