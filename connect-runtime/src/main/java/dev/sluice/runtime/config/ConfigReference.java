package dev.sluice.runtime.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.types.Password;

/**
 * Writes the configuration reference (docs/configuration.md) from the {@link ConfigDef}s the worker and connectors
 * really use, so the documentation cannot drift from the code: a test compares the checked-in file with
 * {@link #markdown()}.
 */
public final class ConfigReference {

    private static final Comparator<ConfigKey> ORDER = Comparator
        .comparing((ConfigKey key) -> key.hasDefault())
        .thenComparing(key -> key.importance == null ? ConfigDef.Importance.LOW : key.importance)
        .thenComparing(key -> key.name);

    private ConfigReference() {
    }

    /** The whole reference as Markdown. */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Configuration reference\n\n")
            .append("Generated from the configuration definitions in `connect-runtime` (`ConfigReference`); do not edit by\n")
            .append("hand. The keys, types and defaults are Apache Kafka Connect 4.3.1's. To regenerate after changing a\n")
            .append("definition: `mvn -B -ntp -pl connect-runtime -am test -Dtest=ConfigReferenceTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dsluice.docs.update=true`.\n\n")
            .append("Within each section: required keys first, then by importance (high, medium, low), then by name.\n\n")
            .append("- [Standalone worker](#standalone-worker)\n")
            .append("- [Distributed worker](#distributed-worker)\n")
            .append("- [Source connectors](#source-connectors)\n")
            .append("- [Sink connectors](#sink-connectors)\n\n");
        section(out, "Standalone worker", "The worker properties file given to `bin/connect-standalone.sh`.",
            StandaloneConfig.configDef());
        section(out, "Distributed worker", "The worker properties file of a distributed worker (distributed mode is not"
            + " available yet; the keys are accepted and validated as Apache's).", DistributedConfig.configDef());
        section(out, "Source connectors", "Keys every source connector accepts besides its own; a transformation's or"
            + " predicate's keys go under `transforms.<alias>.` / `predicates.<alias>.`, topic creation groups under"
            + " `topic.creation.<group>.` (with `topic.creation.enable=true` on the worker).",
            SourceConnectorConfig.configDef());
        section(out, "Sink connectors", "Keys every sink connector accepts besides its own.", SinkConnectorConfig.configDef());
        return out.toString();
    }

    private static void section(StringBuilder out, String title, String description, ConfigDef definition) {
        out.append("## ").append(title).append("\n\n").append(description).append("\n\n");
        List<ConfigKey> keys = new ArrayList<>(definition.configKeys().values());
        keys.sort(ORDER);
        for (ConfigKey key : keys) {
            if (key.internalConfig) {
                continue;
            }
            out.append("### `").append(key.name).append("`\n\n");
            if (key.documentation != null && !key.documentation.isBlank()) {
                out.append(key.documentation.strip()).append("\n\n");
            }
            out.append("- Type: ").append(key.type.name().toLowerCase(java.util.Locale.ROOT)).append('\n');
            out.append("- Default: ").append(defaultOf(key)).append('\n');
            if (key.validator != null) {
                String valid = key.validator.toString();
                if (!valid.isBlank() && !valid.contains("@")) {
                    out.append("- Valid values: ").append(escape(valid)).append('\n');
                }
            }
            out.append("- Importance: ").append(key.importance == null ? "low"
                : key.importance.name().toLowerCase(java.util.Locale.ROOT)).append("\n\n");
        }
    }

    private static String defaultOf(ConfigKey key) {
        if (!key.hasDefault()) {
            return "(required)";
        }
        if (key.defaultValue == null) {
            return "null";
        }
        if (key.defaultValue instanceof Password) {
            return "[hidden]";
        }
        String value = ConfigDef.convertToString(key.defaultValue, key.type);
        return value.isEmpty() ? "\"\"" : "`" + value + "`";
    }

    private static String escape(String text) {
        Set<Character> special = new LinkedHashSet<>(List.of('<', '>', '*', '_'));
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (special.contains(c)) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
