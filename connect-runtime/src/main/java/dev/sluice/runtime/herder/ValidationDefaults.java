package dev.sluice.runtime.herder;

import dev.sluice.runtime.config.ConnectorConfig;
import dev.sluice.runtime.config.WorkerConfig;
import dev.sluice.runtime.plugins.PluginDescriptor;
import dev.sluice.runtime.plugins.PluginType;
import dev.sluice.runtime.plugins.Plugins;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;

/**
 * What Apache 4.3.1 (KIP-891) shows for the converter and plugin-version keys when it validates a connector
 * configuration: the converter a connector would get (its own if set, else the worker's) as the key's default, the
 * installed converters as recommended values, and, for each {@code *.plugin.version} key, the version that would be
 * used (the newest installed) as default with the installed versions as recommended values.
 */
final class ValidationDefaults {

    private final Plugins plugins;
    private final WorkerConfig worker;

    ValidationDefaults(Plugins plugins, WorkerConfig worker) {
        this.plugins = plugins;
        this.worker = worker;
    }

    /** A copy of {@code definition} with those defaults and recommenders, for a connector of class {@code connector}. */
    ConfigDef apply(ConfigDef definition, Class<?> connector, Map<String, String> props) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        Map<String, List<Object>> recommended = new LinkedHashMap<>();
        version(defaults, recommended, ConnectorConfig.CONNECTOR_VERSION, connector);
        converter(defaults, recommended, props, ConnectorConfig.KEY_CONVERTER, ConnectorConfig.KEY_CONVERTER_VERSION,
            worker.getClass(WorkerConfig.KEY_CONVERTER), PluginType.CONVERTER, Converter.class);
        converter(defaults, recommended, props, ConnectorConfig.VALUE_CONVERTER, ConnectorConfig.VALUE_CONVERTER_VERSION,
            worker.getClass(WorkerConfig.VALUE_CONVERTER), PluginType.CONVERTER, Converter.class);
        converter(defaults, recommended, props, ConnectorConfig.HEADER_CONVERTER, ConnectorConfig.HEADER_CONVERTER_VERSION,
            worker.getClass(WorkerConfig.HEADER_CONVERTER), PluginType.HEADER_CONVERTER, HeaderConverter.class);

        ConfigDef copy = new ConfigDef();
        for (ConfigKey key : definition.configKeys().values()) {
            if (!defaults.containsKey(key.name) && !recommended.containsKey(key.name)) {
                copy.define(key);
                continue;
            }
            Object defaultValue = defaults.containsKey(key.name) ? defaults.get(key.name) : key.defaultValue;
            List<Object> values = recommended.getOrDefault(key.name, List.of());
            copy.define(new ConfigKey(key.name, key.type, defaultValue, key.validator, key.importance, key.documentation,
                key.group, key.orderInGroup, key.width, key.displayName, key.dependents, new Fixed(values),
                key.internalConfig));
        }
        return copy;
    }

    private void converter(Map<String, Object> defaults, Map<String, List<Object>> recommended,
                           Map<String, String> props, String classKey, String versionKey, Class<?> workerDefault,
                           PluginType type, Class<?> baseType) {
        Class<?> inUse = workerDefault;
        String configured = props.get(classKey);
        if (configured != null && !configured.isBlank()) {
            try {
                inUse = plugins.resolve(configured, baseType, null).pluginClass();
            } catch (RuntimeException | LinkageError e) {
                inUse = null; // the class key itself reports the problem
            }
        }
        if (inUse != null) {
            defaults.put(classKey, inUse);
            version(defaults, recommended, versionKey, inUse);
        }
        List<Object> classes = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (PluginDescriptor plugin : plugins.descriptors(type)) {
            if (seen.add(plugin.className())) {
                try {
                    classes.add(plugins.resolve(plugin.className(), baseType, null).pluginClass());
                } catch (RuntimeException | LinkageError e) {
                    // Listed at discovery but not loadable now: not worth recommending.
                }
            }
        }
        recommended.put(classKey, classes);
    }

    private void version(Map<String, Object> defaults, Map<String, List<Object>> recommended, String versionKey,
                         Class<?> pluginClass) {
        List<Object> versions = new ArrayList<>();
        for (PluginDescriptor plugin : plugins.descriptors()) {
            if (plugin.className().equals(pluginClass.getName()) && plugin.version() != null
                && !versions.contains(plugin.version())) {
                versions.add(plugin.version());
            }
        }
        if (!versions.isEmpty()) {
            defaults.put(versionKey, newest(versions));
        }
        recommended.put(versionKey, versions);
    }

    private static Object newest(List<Object> versions) {
        Object newest = versions.get(0);
        for (Object version : versions) {
            if (dev.sluice.runtime.plugins.PluginVersions.ORDER.compare(version.toString(), newest.toString()) > 0) {
                newest = version;
            }
        }
        return newest;
    }

    /** Recommends a fixed list and keeps every key visible. */
    private record Fixed(List<Object> values) implements ConfigDef.Recommender {
        @Override
        public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
            return values;
        }

        @Override
        public boolean visible(String name, Map<String, Object> parsedConfig) {
            return true;
        }
    }
}
