package dev.sluice.runtime.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;

/**
 * The configuration keys every connector has, with Apache Connect's names, types, defaults, validators,
 * importance, groups and order: name and class, task count, per-connector converters, transformation and
 * predicate aliases, reload behaviour and error handling.
 *
 * <p><b>Class-typed keys.</b> The converter keys keep Kafka's {@code CLASS} type (as Apache defines them)
 * and so do the {@code transforms.<alias>.type} and {@code predicates.<alias>.type} keys added per alias by
 * {@link AliasedPluginKeys}. Kafka resolves class names through the thread's context loader when parsing;
 * plugins live in isolated loaders, so the constructors take the class loader to resolve them with (the
 * {@code plugins} package passes its loader, which also resolves aliases) and parsing runs through a
 * {@link ClassLoadingConfigDef}. The same loader is used to load each transformation and predicate class
 * and to add its own {@code config()} keys under the alias's prefix, as Apache does for validation.
 */
public class ConnectorConfig extends AbstractConfig {

    /** Group of the common keys. */
    public static final String COMMON_GROUP = "Common";
    /** Group of the {@code transforms} key. */
    public static final String TRANSFORMS_GROUP = "Transforms";
    /** Group of the {@code predicates} key. */
    public static final String PREDICATES_GROUP = "Predicates";
    /** Group of the error handling keys. */
    public static final String ERROR_GROUP = "Error Handling";

    /** Key: the connector's unique name. */
    public static final String NAME = "name";
    /** Key: the connector class or alias. */
    public static final String CONNECTOR_CLASS = "connector.class";
    /** Key: version (range) of the connector plugin. */
    public static final String CONNECTOR_VERSION = "connector.plugin.version";
    /** Key: the most tasks the connector may run. */
    public static final String TASKS_MAX = "tasks.max";
    /** Key: whether more task configs than {@code tasks.max} fail the connector. */
    public static final String TASKS_MAX_ENFORCE = "tasks.max.enforce";
    /** Key: the connector's key converter. */
    public static final String KEY_CONVERTER = WorkerConfig.KEY_CONVERTER;
    /** Key: version of the connector's key converter. */
    public static final String KEY_CONVERTER_VERSION = WorkerConfig.KEY_CONVERTER_VERSION;
    /** Key: the connector's value converter. */
    public static final String VALUE_CONVERTER = WorkerConfig.VALUE_CONVERTER;
    /** Key: version of the connector's value converter. */
    public static final String VALUE_CONVERTER_VERSION = WorkerConfig.VALUE_CONVERTER_VERSION;
    /** Key: the connector's header converter. */
    public static final String HEADER_CONVERTER = WorkerConfig.HEADER_CONVERTER;
    /** Key: version of the connector's header converter. */
    public static final String HEADER_CONVERTER_VERSION = WorkerConfig.HEADER_CONVERTER_VERSION;
    /** Key: transformation aliases, applied in order. */
    public static final String TRANSFORMS = "transforms";
    /** Key: predicate aliases. */
    public static final String PREDICATES = "predicates";
    /** Key: what to do when a config provider reports a changed value. */
    public static final String CONFIG_RELOAD_ACTION = "config.action.reload";
    /** Value of {@link #CONFIG_RELOAD_ACTION}: do nothing. */
    public static final String CONFIG_RELOAD_ACTION_NONE = "none";
    /** Value of {@link #CONFIG_RELOAD_ACTION}: restart the connector. */
    public static final String CONFIG_RELOAD_ACTION_RESTART = "restart";
    /** Key: how long a failed operation is retried; -1 retries forever. */
    public static final String ERRORS_RETRY_TIMEOUT = "errors.retry.timeout";
    /** Key: longest delay between retries. */
    public static final String ERRORS_RETRY_MAX_DELAY = "errors.retry.delay.max.ms";
    /** Key: whether failed records fail the task ({@code none}) or are skipped ({@code all}). */
    public static final String ERRORS_TOLERANCE = "errors.tolerance";
    /** Key: whether errors are logged. */
    public static final String ERRORS_LOG_ENABLE = "errors.log.enable";
    /** Key: whether error logs include the record. */
    public static final String ERRORS_LOG_INCLUDE_MESSAGES = "errors.log.include.messages";

    /** The values of {@code errors.tolerance}. */
    public enum ErrorTolerance {
        /** A failed operation fails the task. */
        NONE,
        /** Failed records are skipped (and logged or sent to the dead letter queue if enabled). */
        ALL;

        /** The value as written in configuration. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Parses a connector configuration against the common keys, enriched with the keys of its
     * transformations and predicates.
     *
     * @param props the connector configuration
     * @param pluginClasses the loader for class-typed values and plugin classes, or null for the context loader
     * @throws ConfigException naming the key when a value is invalid
     */
    public ConnectorConfig(Map<String, String> props, ClassLoader pluginClasses) {
        this(configDef(), props, pluginClasses);
    }

    /**
     * Parses a connector configuration against {@code definition} (the keys of a connector kind),
     * enriched with the keys of its transformations and predicates.
     */
    protected ConnectorConfig(ConfigDef definition, Map<String, String> props, ClassLoader pluginClasses) {
        super(ClassLoadingConfigDef.using(AliasedPluginKeys.enrich(definition, props, pluginClasses, true),
            pluginClasses), props);
    }

    /** The keys common to all connectors, in Apache's order; a new definition on every call. */
    public static ConfigDef configDef() {
        int order = 0;
        return new ConfigDef()
            .define(NAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                ConfigDef.NonEmptyStringWithoutControlChars.nonEmptyStringWithoutControlChars(), Importance.HIGH,
                "Unique name of the connector in this Connect cluster.", COMMON_GROUP, ++order, Width.MEDIUM,
                "Connector name")
            .define(CONNECTOR_CLASS, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                "Connector implementation: a fully qualified class name, or the simple name or the name without"
                    + " 'Connector' when that is unambiguous among the installed plugins.",
                COMMON_GROUP, ++order, Width.LONG, "Connector class")
            .define(CONNECTOR_VERSION, Type.STRING, null, VersionRangeValidator.pluginVersion(), Importance.MEDIUM,
                "Version or version range of the connector plugin; the newest installed when unset.",
                COMMON_GROUP, ++order, Width.MEDIUM, "Connector version")
            .define(TASKS_MAX, Type.INT, 1, ConfigDef.Range.atLeast(1), Importance.HIGH,
                "Most tasks the connector may run; it may run fewer.", COMMON_GROUP, ++order, Width.SHORT,
                "Tasks max")
            .define(TASKS_MAX_ENFORCE, Type.BOOLEAN, true, Importance.LOW,
                "Deprecated. When true, a connector that produces more task configurations than tasks.max fails"
                    + " instead of running them.", COMMON_GROUP, ++order, Width.SHORT, "Enforce tasks max")
            .define(KEY_CONVERTER, Type.CLASS, null, PluginClassValidator.implementing(Converter.class), Importance.LOW,
                "Key converter for this connector's records, replacing the worker's key.converter.",
                COMMON_GROUP, ++order, Width.SHORT, "Key converter class")
            .define(KEY_CONVERTER_VERSION, Type.STRING, null, VersionRangeValidator.pluginVersion(), Importance.LOW,
                "Version or version range of the key converter.", COMMON_GROUP, ++order, Width.SHORT,
                "Key converter version")
            .define(VALUE_CONVERTER, Type.CLASS, null, PluginClassValidator.implementing(Converter.class),
                Importance.LOW, "Value converter for this connector's records, replacing the worker's value.converter.",
                COMMON_GROUP, ++order, Width.SHORT, "Value converter class")
            .define(VALUE_CONVERTER_VERSION, Type.STRING, null, VersionRangeValidator.pluginVersion(),
                Importance.LOW, "Version or version range of the value converter.", COMMON_GROUP, ++order,
                Width.SHORT, "Value converter version")
            .define(HEADER_CONVERTER, Type.CLASS, null, PluginClassValidator.implementing(HeaderConverter.class),
                Importance.LOW,
                "Header converter for this connector's records, replacing the worker's header.converter.",
                COMMON_GROUP, ++order, Width.SHORT, "Header converter class")
            .define(HEADER_CONVERTER_VERSION, Type.STRING, null, VersionRangeValidator.pluginVersion(),
                Importance.LOW, "Version or version range of the header converter.", COMMON_GROUP, ++order,
                Width.SHORT, "Header converter version")
            .define(TRANSFORMS, Type.LIST, "", ConfigDef.CompositeValidator.of(new ConfigDef.NonNullValidator(),
                    UniqueAliases.of("transformation aliases")), Importance.LOW,
                "Aliases of the transformations applied to each record, in order; each is set up by"
                    + " transforms.<alias>.type and its own keys under transforms.<alias>.",
                TRANSFORMS_GROUP, ++order, Width.LONG, "Transforms")
            .define(PREDICATES, Type.LIST, "", ConfigDef.CompositeValidator.of(new ConfigDef.NonNullValidator(),
                    UniqueAliases.of("predicate aliases")), Importance.LOW,
                "Aliases of the predicates that transformations may refer to; each is set up by"
                    + " predicates.<alias>.type and its own keys under predicates.<alias>.",
                PREDICATES_GROUP, ++order, Width.LONG, "Predicates")
            .define(CONFIG_RELOAD_ACTION, Type.STRING, CONFIG_RELOAD_ACTION_RESTART,
                ConfigDef.ValidString.in(CONFIG_RELOAD_ACTION_NONE, CONFIG_RELOAD_ACTION_RESTART), Importance.LOW,
                "What happens when a config provider reports that a value used by this connector changed:"
                    + " restart the connector, or none.", COMMON_GROUP, ++order, Width.MEDIUM, "Reload Action")
            .define(ERRORS_RETRY_TIMEOUT, Type.LONG, 0L, Importance.MEDIUM,
                "Milliseconds during which a failed conversion, transformation or delivery is retried; 0 never"
                    + " retries, -1 retries forever.", ERROR_GROUP, 1, Width.MEDIUM, "Retry Timeout for Errors")
            .define(ERRORS_RETRY_MAX_DELAY, Type.LONG, 60000L, Importance.MEDIUM,
                "Longest wait in milliseconds between two retries; the wait doubles from one second up to this.",
                ERROR_GROUP, 2, Width.MEDIUM, "Maximum Delay Between Retries for Errors")
            .define(ERRORS_TOLERANCE, Type.STRING, ErrorTolerance.NONE.value(),
                ConfigDef.ValidString.in(ErrorTolerance.NONE.value(), ErrorTolerance.ALL.value()), Importance.MEDIUM,
                "none: an error fails the task; all: records that fail are skipped.", ERROR_GROUP, 3, Width.SHORT,
                "Error Tolerance")
            .define(ERRORS_LOG_ENABLE, Type.BOOLEAN, false, Importance.MEDIUM,
                "Whether each failed operation and skipped record is logged at ERROR (WARN when tolerated).",
                ERROR_GROUP, 4, Width.SHORT, "Log Errors")
            .define(ERRORS_LOG_INCLUDE_MESSAGES, Type.BOOLEAN, false, Importance.MEDIUM,
                "Whether error logs include the failed record's topic, partition, offset and timestamp"
                    + " (source records: key, value and headers too).", ERROR_GROUP, 5, Width.SHORT,
                "Log Error Details");
    }

    /** The connector's name. */
    public String connectorName() {
        return getString(NAME);
    }

    /** The connector class or alias as configured. */
    public String connectorClass() {
        return getString(CONNECTOR_CLASS);
    }

    /** The most tasks the connector may run. */
    public int tasksMax() {
        return getInt(TASKS_MAX);
    }

    /** Whether {@code tasks.max} is enforced. */
    public boolean enforceTasksMax() {
        return getBoolean(TASKS_MAX_ENFORCE);
    }

    /** Milliseconds during which failed operations are retried; -1 is forever. */
    public long errorRetryTimeout() {
        return getLong(ERRORS_RETRY_TIMEOUT);
    }

    /** Longest delay between retries. */
    public long errorMaxDelayInMillis() {
        return getLong(ERRORS_RETRY_MAX_DELAY);
    }

    /** The configured error tolerance. */
    public ErrorTolerance errorTolerance() {
        return ErrorTolerance.valueOf(getString(ERRORS_TOLERANCE).toUpperCase(Locale.ROOT));
    }

    /** Whether errors are logged. */
    public boolean enableErrorLog() {
        return getBoolean(ERRORS_LOG_ENABLE);
    }

    /** Whether error logs include record details. */
    public boolean includeRecordDetailsInErrorLog() {
        return getBoolean(ERRORS_LOG_INCLUDE_MESSAGES);
    }

    /** The configured reload action. */
    public String configReloadAction() {
        return getString(CONFIG_RELOAD_ACTION);
    }

    /**
     * The transformations in the order they apply, each with its class, settings and predicate.
     *
     * @throws ConfigException if a transformation names a predicate alias that {@code predicates} does not list
     */
    public List<AliasedPluginKeys.TransformationSpec> transformationSpecs() {
        List<String> predicates = getList(PREDICATES);
        List<AliasedPluginKeys.TransformationSpec> specs = new ArrayList<>();
        for (String alias : new java.util.LinkedHashSet<>(getList(TRANSFORMS))) {
            String prefix = TRANSFORMS + "." + alias + ".";
            Map<String, Object> settings = new LinkedHashMap<>(originalsWithPrefix(prefix));
            settings.remove("type");
            settings.remove("plugin.version");
            Object predicateAlias = settings.remove(AliasedPluginKeys.PREDICATE);
            Object negate = settings.remove(AliasedPluginKeys.NEGATE);
            String predicate = predicateAlias == null ? null : predicateAlias.toString().trim();
            if (predicate != null && !predicates.contains(predicate)) {
                throw new ConfigException(prefix + AliasedPluginKeys.PREDICATE, predicate,
                    "Predicate alias '" + predicate + "' is not listed in '" + PREDICATES + "'; add it there and set"
                        + " predicates." + predicate + ".type");
            }
            Class<?> predicateClass = predicate == null ? null : getClass(PREDICATES + "." + predicate + ".type");
            Map<String, Object> predicateSettings = predicate == null ? Map.of()
                : withoutKeys(originalsWithPrefix(PREDICATES + "." + predicate + "."), "type", "plugin.version");
            specs.add(new AliasedPluginKeys.TransformationSpec(alias, getClass(prefix + "type"),
                (String) get(prefix + "plugin.version"), settings, predicate, predicateClass, predicateSettings,
                negate != null && Boolean.parseBoolean(negate.toString().trim())));
        }
        return specs;
    }

    private static Map<String, Object> withoutKeys(Map<String, Object> settings, String... keys) {
        Map<String, Object> copy = new LinkedHashMap<>(settings);
        for (String key : keys) {
            copy.remove(key);
        }
        return copy;
    }
}
