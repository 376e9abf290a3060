package dev.sluice.runtime.worker.pipeline;

import dev.sluice.runtime.config.ConnectorConfig;
import dev.sluice.runtime.config.ConverterSelection;
import dev.sluice.runtime.config.ConverterSelection.Role;
import dev.sluice.runtime.config.WorkerConfig;
import dev.sluice.runtime.plugins.LoaderSwap;
import dev.sluice.runtime.plugins.Plugins;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.ConverterConfig;
import org.apache.kafka.connect.storage.HeaderConverter;

/**
 * The key, value and header converters of one task, configured once, each with the loader its code runs under.
 *
 * <p>Which converter and which settings follow the per-connector rule of {@link ConverterSelection}; each gets its
 * settings plus {@code converter.type} ({@code key}, {@code value} or {@code header}), key and value converters
 * through {@link Converter#configure(Map, boolean)}, the header converter through
 * {@link HeaderConverter#configure(Map)}, under the converter's own class loader.
 */
public final class TaskConverters implements AutoCloseable {

    private final Converter keyConverter;
    private final ClassLoader keyLoader;
    private final Converter valueConverter;
    private final ClassLoader valueLoader;
    private final HeaderConverter headerConverter;
    private final ClassLoader headerLoader;

    /**
     * Configured converters with their loaders.
     *
     * @param keyConverter the key converter
     * @param keyLoader the key converter's loader
     * @param valueConverter the value converter
     * @param valueLoader the value converter's loader
     * @param headerConverter the header converter
     * @param headerLoader the header converter's loader
     */
    public TaskConverters(Converter keyConverter, ClassLoader keyLoader, Converter valueConverter,
                          ClassLoader valueLoader, HeaderConverter headerConverter, ClassLoader headerLoader) {
        this.keyConverter = Objects.requireNonNull(keyConverter, "keyConverter");
        this.keyLoader = Objects.requireNonNull(keyLoader, "keyLoader");
        this.valueConverter = Objects.requireNonNull(valueConverter, "valueConverter");
        this.valueLoader = Objects.requireNonNull(valueLoader, "valueLoader");
        this.headerConverter = Objects.requireNonNull(headerConverter, "headerConverter");
        this.headerLoader = Objects.requireNonNull(headerLoader, "headerLoader");
    }

    /**
     * Creates and configures the converters of a connector's task.
     *
     * @param plugins resolves and instantiates the converter classes
     * @param worker the worker configuration, whose converters apply where the connector sets none
     * @param connector the connector configuration
     * @param connectorLoader the connector's loader, whose copies of converter classes are preferred
     * @throws ConnectException naming the converter when one cannot be created or configured
     */
    public static TaskConverters create(Plugins plugins, WorkerConfig worker, ConnectorConfig connector,
                                        ClassLoader connectorLoader) {
        Map<String, String> props = connector.originalsStrings();
        String name = connector.connectorName();
        Converter key = null;
        Converter value = null;
        try {
            key = newConverter(plugins, ConverterSelection.forConnector(Role.KEY, props, worker), connectorLoader, name);
            value = newConverter(plugins, ConverterSelection.forConnector(Role.VALUE, props, worker), connectorLoader,
                name);
            ConverterSelection headerSelection = ConverterSelection.forConnector(Role.HEADER, props, worker);
            HeaderConverter header = plugins.newHeaderConverter(headerSelection.className(), connectorLoader);
            ClassLoader headerLoader = plugins.loaderOf(header.getClass());
            try {
                configure(headerSelection, name, headerLoader, () -> header.configure(settings(headerSelection)));
            } catch (RuntimeException e) {
                Closing.close(header, headerLoader, "header converter");
                throw e;
            }
            return new TaskConverters(key, plugins.loaderOf(key.getClass()), value, plugins.loaderOf(value.getClass()),
                header, headerLoader);
        } catch (RuntimeException e) {
            if (key != null) {
                Closing.close(key, plugins.loaderOf(key.getClass()), "key converter");
            }
            if (value != null) {
                Closing.close(value, plugins.loaderOf(value.getClass()), "value converter");
            }
            throw e;
        }
    }

    /** The key converter. */
    public Converter keyConverter() {
        return keyConverter;
    }

    /** The loader the key converter runs under. */
    public ClassLoader keyLoader() {
        return keyLoader;
    }

    /** The value converter. */
    public Converter valueConverter() {
        return valueConverter;
    }

    /** The loader the value converter runs under. */
    public ClassLoader valueLoader() {
        return valueLoader;
    }

    /** The header converter. */
    public HeaderConverter headerConverter() {
        return headerConverter;
    }

    /** The loader the header converter runs under. */
    public ClassLoader headerLoader() {
        return headerLoader;
    }

    /** Closes the three converters. */
    @Override
    public void close() {
        Closing.close(keyConverter, keyLoader, "key converter");
        Closing.close(valueConverter, valueLoader, "value converter");
        Closing.close(headerConverter, headerLoader, "header converter");
    }

    private static Converter newConverter(Plugins plugins, ConverterSelection selection, ClassLoader connectorLoader,
                                          String connectorName) {
        Converter converter = plugins.newConverter(selection.className(), connectorLoader);
        boolean isKey = selection.role() == Role.KEY;
        ClassLoader loader = plugins.loaderOf(converter.getClass());
        try {
            configure(selection, connectorName, loader, () -> converter.configure(settings(selection), isKey));
        } catch (RuntimeException e) {
            Closing.close(converter, loader, selection.role().converterType() + " converter");
            throw e;
        }
        return converter;
    }

    private static Map<String, Object> settings(ConverterSelection selection) {
        Map<String, Object> settings = new HashMap<>(selection.settings());
        settings.put(ConverterConfig.TYPE_CONFIG, selection.role().converterType());
        return settings;
    }

    private static void configure(ConverterSelection selection, String connectorName, ClassLoader loader,
                                  Runnable configure) {
        try (LoaderSwap swap = LoaderScope.enter(loader)) {
            configure.run();
        } catch (RuntimeException e) {
            throw new ConnectException("Connector '" + connectorName + "': the " + selection.role().converterType()
                + " converter " + selection.className() + " (" + selection.role().classKey() + ", from the "
                + (selection.fromConnector() ? "connector" : "worker") + " configuration) rejected its settings "
                + selection.settings().keySet() + ": " + e.getMessage(), e);
        }
    }
}
