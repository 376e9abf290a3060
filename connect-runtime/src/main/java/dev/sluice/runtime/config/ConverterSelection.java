package dev.sluice.runtime.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which converter a connector's tasks use for keys, values or headers, and with which settings.
 *
 * <p>The rule: when the connector configuration sets the converter key ({@code key.converter},
 * {@code value.converter}, {@code header.converter}), its class, its version key and the connector's
 * {@code <key>.*} settings apply; the worker's settings under that prefix are not merged in. Otherwise
 * the worker's converter, version and {@code <key>.*} settings apply, and any {@code <key>.*} settings of
 * the connector are ignored. The {@code plugin.version} sub-key selects a version and is not passed to
 * the converter.
 *
 * @param role which converter this is
 * @param className the class name or alias to instantiate
 * @param version the requested version (range), or null for the newest
 * @param settings the converter's settings, prefix removed
 * @param fromConnector whether the connector configuration chose the converter
 */
public record ConverterSelection(Role role, String className, String version, Map<String, Object> settings,
                                 boolean fromConnector) {

    /** The three converters of a task. */
    public enum Role {
        /** Record keys. */
        KEY(WorkerConfig.KEY_CONVERTER, WorkerConfig.KEY_CONVERTER_VERSION),
        /** Record values. */
        VALUE(WorkerConfig.VALUE_CONVERTER, WorkerConfig.VALUE_CONVERTER_VERSION),
        /** Record headers. */
        HEADER(WorkerConfig.HEADER_CONVERTER, WorkerConfig.HEADER_CONVERTER_VERSION);

        private final String classKey;
        private final String versionKey;

        Role(String classKey, String versionKey) {
            this.classKey = classKey;
            this.versionKey = versionKey;
        }

        /** The key naming the converter class. */
        public String classKey() {
            return classKey;
        }

        /** The key naming the converter version. */
        public String versionKey() {
            return versionKey;
        }

        /** The value of the converters' {@code converter.type} setting for this role. */
        public String converterType() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String VERSION_SUFFIX = "plugin.version";

    /** Validates and copies the settings. */
    public ConverterSelection {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(className, "className");
        settings = Map.copyOf(settings);
    }

    /**
     * Applies the rule to one connector.
     *
     * @param role the converter to select
     * @param connectorProps the connector configuration (raw strings)
     * @param worker the worker configuration
     * @return the selection
     */
    public static ConverterSelection forConnector(Role role, Map<String, String> connectorProps, WorkerConfig worker) {
        String connectorClass = connectorProps.get(role.classKey);
        if (connectorClass != null && !connectorClass.isBlank()) {
            String prefix = role.classKey + ".";
            Map<String, Object> settings = new LinkedHashMap<>();
            connectorProps.forEach((key, value) -> {
                if (key.startsWith(prefix) && !key.equals(role.versionKey)) {
                    settings.put(key.substring(prefix.length()), value);
                }
            });
            return new ConverterSelection(role, connectorClass.trim(), connectorProps.get(role.versionKey), settings, true);
        }
        Map<String, Object> settings = new LinkedHashMap<>(worker.originalsWithPrefix(role.classKey + "."));
        settings.remove(VERSION_SUFFIX);
        Class<?> workerClass = worker.getClass(role.classKey);
        return new ConverterSelection(role, workerClass.getName(), worker.getString(role.versionKey), settings, false);
    }
}
