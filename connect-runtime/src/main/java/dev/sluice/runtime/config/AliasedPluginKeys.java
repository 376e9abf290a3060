package dev.sluice.runtime.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * Adds the per-alias keys of a connector's transformations and predicates to a connector definition:
 * for each alias in {@code transforms}, {@code transforms.<alias>.type} (a Transformation class),
 * {@code .plugin.version}, {@code .negate} and {@code .predicate}; for each alias in {@code predicates},
 * {@code predicates.<alias>.type} (a Predicate class) and {@code .plugin.version}; and, once the type
 * resolves, the plugin's own {@code config()} keys under the alias's prefix, all in the group
 * {@code Transforms: <alias>} or {@code Predicates: <alias>}.
 *
 * <p>Classes are loaded through the loader the caller passes (the {@code plugins} package's loader,
 * which resolves aliases and isolated plugins); the plugin is instantiated only to ask for its
 * {@code config()}, and closed afterwards.
 */
public final class AliasedPluginKeys {

    /** Suffix of the key naming a transformation's predicate alias. */
    public static final String PREDICATE = "predicate";
    /** Suffix of the key inverting a transformation's predicate. */
    public static final String NEGATE = "negate";

    /**
     * One configured transformation, ready for the worker to instantiate.
     *
     * @param alias the alias in {@code transforms}
     * @param type the transformation class
     * @param version the requested version (range), or null
     * @param settings the transformation's own settings, prefix removed
     * @param predicateAlias the predicate alias, or null when the transformation always applies
     * @param predicateType the predicate class, or null
     * @param predicateSettings the predicate's own settings, prefix removed
     * @param negate whether the predicate's result is inverted
     */
    public record TransformationSpec(String alias, Class<?> type, String version, Map<String, Object> settings,
                                     String predicateAlias, Class<?> predicateType,
                                     Map<String, Object> predicateSettings, boolean negate) {
    }

    private enum Kind {
        TRANSFORMATION(ConnectorConfig.TRANSFORMS, "Transforms", "Transformation", Transformation.class),
        PREDICATE(ConnectorConfig.PREDICATES, "Predicates", "Predicate", Predicate.class);

        final String listKey;
        final String groupPrefix;
        final String label;
        final Class<?> pluginType;

        Kind(String listKey, String groupPrefix, String label, Class<?> pluginType) {
            this.listKey = listKey;
            this.groupPrefix = groupPrefix;
            this.label = label;
            this.pluginType = pluginType;
        }
    }

    private AliasedPluginKeys() {
    }

    /**
     * A copy of {@code base} with the keys of every transformation and predicate alias in {@code props}.
     *
     * @param base the connector definition
     * @param props the connector configuration (raw strings)
     * @param pluginClasses the loader for plugin classes, or null for the thread's context loader
     * @param requireFullConfig true to fail on a missing or unusable type (when parsing a configuration to
     *     run it); false to leave such aliases without their plugin keys (when validating, where the type
     *     key itself reports the problem)
     * @throws ConfigException when {@code requireFullConfig} and a type is missing or unusable
     */
    public static ConfigDef enrich(ConfigDef base, Map<String, String> props, ClassLoader pluginClasses,
                                   boolean requireFullConfig) {
        ConfigDef enriched = new ConfigDef(base);
        for (Kind kind : Kind.values()) {
            for (String alias : aliases(props, kind.listKey)) {
                addAlias(enriched, kind, alias, props, pluginClasses, requireFullConfig);
            }
        }
        return enriched;
    }

    private static Set<String> aliases(Map<String, String> props, String listKey) {
        Object value = props.get(listKey);
        if (value == null) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> aliases = (List<String>) ConfigDef.parseType(listKey, value, Type.LIST);
        Set<String> unique = new LinkedHashSet<>(aliases);
        unique.remove("");
        return unique;
    }

    private static void addAlias(ConfigDef definition, Kind kind, String alias, Map<String, String> props,
                                 ClassLoader pluginClasses, boolean requireFullConfig) {
        String prefix = kind.listKey + "." + alias + ".";
        String group = kind.groupPrefix + ": " + alias;
        String typeKey = prefix + "type";
        definition
            .define(typeKey, Type.CLASS, ConfigDef.NO_DEFAULT_VALUE, PluginClassValidator.implementing(kind.pluginType),
                Importance.HIGH, "Class of the " + kind.label.toLowerCase(java.util.Locale.ROOT) + " '" + alias + "'.",
                group, 0, Width.LONG, kind.label + " type for " + alias)
            .define(prefix + "plugin.version", Type.STRING, null, VersionRangeValidator.pluginVersion(),
                Importance.HIGH, "Version or version range of the " + kind.label.toLowerCase(java.util.Locale.ROOT)
                    + " '" + alias + "'; the newest installed when unset.",
                group, 1, Width.LONG, kind.label + " version for " + alias);
        String typeName = props.get(typeKey);
        if (typeName == null || typeName.isBlank()) {
            if (requireFullConfig) {
                throw new ConfigException(typeKey, typeName, kind.label + " alias '" + alias
                    + "' has no class; set " + typeKey);
            }
            return;
        }
        ConfigDef own = new ConfigDef();
        if (kind == Kind.TRANSFORMATION) {
            own.define(NEGATE, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Whether the transformation applies to records that do NOT match its predicate.")
                .define(PREDICATE, Type.STRING, null, Importance.MEDIUM,
                    "Alias of the predicate (from 'predicates') that decides which records this transformation"
                        + " applies to; unset applies it to all records.");
        }
        try {
            ConfigDef pluginKeys = PluginConfigs.of(kind.pluginType, typeName.trim(), pluginClasses);
            pluginKeys.configKeys().values().forEach(own::define);
        } catch (ConfigException e) {
            if (requireFullConfig) {
                throw new ConfigException(typeKey, typeName, e.getMessage());
            }
        }
        definition.embed(prefix, group, 2, own);
    }
}
