package dev.sluice.runtime.herder;

import dev.sluice.runtime.config.AliasedPluginKeys;
import dev.sluice.runtime.config.ClassLoadingConfigDef;
import dev.sluice.runtime.config.ClientConfigOverrides;
import dev.sluice.runtime.config.ConnectorConfig;
import dev.sluice.runtime.config.SinkConnectorConfig;
import dev.sluice.runtime.config.SourceConnectorConfig;
import dev.sluice.runtime.config.WorkerConfig;
import dev.sluice.runtime.plugins.LoaderSwap;
import dev.sluice.runtime.plugins.PluginDescriptor;
import dev.sluice.runtime.plugins.PluginNotFoundException;
import dev.sluice.runtime.plugins.PluginType;
import dev.sluice.runtime.plugins.Plugins;
import dev.sluice.runtime.plugins.ResolvedPlugin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest.ClientType;
import org.apache.kafka.connect.health.ConnectorType;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Validates a connector configuration as Apache does before creating or updating a connector, and for
 * {@code PUT /connector-plugins/{plugin}/config/validate}: the framework keys of its kind (source or sink,
 * with topic creation groups), the keys of its transformations and predicates, the connector's own
 * {@code validate}, and the worker's client override policy on {@code *.override.*} keys.
 *
 * <p>This runs plugin code (a new connector instance, its {@code config()} and {@code validate()}, the
 * transformations' {@code config()}): call it on a thread that may block, never on a herder's control
 * thread. The plugin's loader is the context class loader while plugin code runs.
 */
public final class ConnectorConfigValidator {

    private final Plugins plugins;
    private final ClientConfigOverrides overrides;
    private final boolean topicCreationEnabled;
    private final ValidationDefaults defaults;

    /**
     * A validator for one worker.
     *
     * @param plugins              resolves and instantiates the connector and its transformations
     * @param overrides            the worker's client override policy
     * @param topicCreationEnabled the worker's {@code topic.creation.enable}
     */
    public ConnectorConfigValidator(Plugins plugins, ClientConfigOverrides overrides, boolean topicCreationEnabled) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.topicCreationEnabled = topicCreationEnabled;
        this.defaults = null;
    }

    /**
     * A validator for one worker that also reports, as Apache does, the converters a connector would get from
     * {@code worker} and the plugin versions in use as the defaults of those keys, with the installed converters
     * and versions as recommended values.
     */
    public ConnectorConfigValidator(Plugins plugins, ClientConfigOverrides overrides, WorkerConfig worker) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.topicCreationEnabled = worker.topicCreationEnable();
        this.defaults = new ValidationDefaults(plugins, worker);
    }

    /**
     * Validates {@code props} (with config provider references already resolved).
     *
     * @return every definition and value; validation errors are in the values, not thrown
     * @throws InvalidConnectorConfigException if {@code connector.class} is missing or names no installed
     *     connector, or the connector cannot be instantiated
     */
    public ConfigValidation validate(Map<String, String> props) {
        String connectorClass = props.get(ConnectorConfig.CONNECTOR_CLASS);
        if (connectorClass == null || connectorClass.isBlank()) {
            throw new InvalidConnectorConfigException("Connector configuration has no '" + ConnectorConfig.CONNECTOR_CLASS
                + "'; set it to the class name (or alias) of an installed connector");
        }
        ResolvedPlugin<Connector> resolved = resolve(connectorClass);
        Connector connector = instantiate(connectorClass);
        try (LoaderSwap swap = LoaderSwap.to(resolved.loader())) {
            return validate(connectorClass, connector, resolved, props);
        }
    }

    /**
     * The installed plugins of the listable types in Apache's order (sink, source, transformation, predicate,
     * converter, header converter), each type sorted by class name; only connectors if {@code connectorsOnly}.
     */
    public List<PluginDescriptor> plugins(boolean connectorsOnly) {
        List<PluginType> order = connectorsOnly ? List.of(PluginType.SINK, PluginType.SOURCE)
            : List.of(PluginType.SINK, PluginType.SOURCE, PluginType.TRANSFORMATION, PluginType.PREDICATE,
                PluginType.CONVERTER, PluginType.HEADER_CONVERTER);
        List<PluginDescriptor> listed = new ArrayList<>();
        for (PluginType type : order) {
            plugins.descriptors(type).stream()
                .sorted(Comparator.comparing(PluginDescriptor::className)
                    .thenComparing(d -> d.version() == null ? "" : d.version()))
                .forEach(listed::add);
        }
        return listed;
    }

    /** Whether {@code connectorClassOrAlias} names a source or sink connector; unknown if it names none. */
    public ConnectorType connectorType(String connectorClassOrAlias) {
        if (connectorClassOrAlias == null || connectorClassOrAlias.isBlank()) {
            return ConnectorType.UNKNOWN;
        }
        try {
            return typeOf(plugins.resolve(connectorClassOrAlias, Connector.class, null).pluginClass());
        } catch (ConnectException | LinkageError e) {
            return ConnectorType.UNKNOWN;
        }
    }

    private ConfigValidation validate(String connectorClass, Connector connector, ResolvedPlugin<Connector> resolved,
                                      Map<String, String> props) {
        ConnectorType type = typeOf(resolved.pluginClass());
        ConfigDef base = switch (type) {
            case SOURCE -> SourceConnectorConfig.configDef(props, topicCreationEnabled);
            case SINK -> SinkConnectorConfig.configDef();
            default -> ConnectorConfig.configDef();
        };
        if (defaults != null) {
            base = defaults.apply(base, resolved.pluginClass(), props);
        }
        ConfigDef framework = ClassLoadingConfigDef.using(
            AliasedPluginKeys.enrich(base, props, resolved.loader(), false), resolved.loader());
        Map<String, ConfigValue> frameworkValues = framework.validateAll(props);
        if (type == ConnectorType.SINK) {
            SinkConnectorConfig.validate(props, frameworkValues);
        }
        Map<String, ConfigDef.ConfigKey> keys = new LinkedHashMap<>(framework.configKeys());
        List<String> groups = new ArrayList<>(framework.groups());
        List<ConfigValue> values = new ArrayList<>(frameworkValues.values());

        ConfigDef own = connector.config();
        if (own == null) {
            throw new InvalidConnectorConfigException("Connector " + resolved.pluginClass().getName()
                + " returned null from config(); it must return a ConfigDef (possibly empty). Fix the connector.");
        }
        Config validated = connector.validate(props);
        if (validated == null) {
            throw new InvalidConnectorConfigException("Connector " + resolved.pluginClass().getName()
                + " returned null from validate(); it must return a Config. Fix the connector.");
        }
        own.configKeys().forEach(keys::putIfAbsent);
        for (String group : own.groups()) {
            if (!groups.contains(group)) {
                groups.add(group);
            }
        }
        values.addAll(validated.configValues());

        String name = props.get(ConnectorConfig.NAME);
        if (type != ConnectorType.UNKNOWN) {
            for (ClientType client : ClientType.values()) {
                values.addAll(overrides.verdicts(name, type, resolved.pluginClass(), props, client));
            }
        }
        return new ConfigValidation(connectorClass, keys, values, groups);
    }

    private ResolvedPlugin<Connector> resolve(String connectorClass) {
        try {
            return plugins.resolve(connectorClass, Connector.class, null);
        } catch (PluginNotFoundException e) {
            throw new InvalidConnectorConfigException(e.getMessage(), e);
        } catch (ConnectException | LinkageError e) {
            throw new InvalidConnectorConfigException("Cannot use connector class '" + connectorClass + "': " + e.getMessage(), e);
        }
    }

    private Connector instantiate(String connectorClass) {
        try {
            return plugins.newConnector(connectorClass);
        } catch (ConnectException | LinkageError e) {
            throw new InvalidConnectorConfigException("Cannot instantiate connector class '" + connectorClass + "': "
                + e.getMessage(), e);
        }
    }

    private static ConnectorType typeOf(Class<?> connectorClass) {
        if (SourceConnector.class.isAssignableFrom(connectorClass)) {
            return ConnectorType.SOURCE;
        }
        if (SinkConnector.class.isAssignableFrom(connectorClass)) {
            return ConnectorType.SINK;
        }
        return ConnectorType.UNKNOWN;
    }
}
