package dev.sluice.runtime.plugins;

import java.util.Locale;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * The kinds of plugin the worker discovers, each with the runtime's base type that a plugin class must
 * extend or implement; the base type's name is also the name of its service-loader manifest.
 */
public enum PluginType {
    SOURCE(SourceConnector.class, "Connector", false),
    SINK(SinkConnector.class, "Connector", false),
    CONVERTER(Converter.class, "Converter", false),
    HEADER_CONVERTER(HeaderConverter.class, "HeaderConverter", false),
    TRANSFORMATION(Transformation.class, "Transformation", false),
    PREDICATE(Predicate.class, "Predicate", false),
    CONFIGPROVIDER(ConfigProvider.class, "ConfigProvider", true),
    REST_EXTENSION(ConnectRestExtension.class, "ConnectRestExtension", true),
    CONNECTOR_CLIENT_CONFIG_OVERRIDE_POLICY(ConnectorClientConfigOverridePolicy.class,
        "ConnectorClientConfigOverridePolicy", true);

    private final Class<?> baseType;
    private final String aliasSuffix;
    private final boolean serviceLoadedOnly;

    PluginType(Class<?> baseType, String aliasSuffix, boolean serviceLoadedOnly) {
        this.baseType = baseType;
        this.aliasSuffix = aliasSuffix;
        this.serviceLoadedOnly = serviceLoadedOnly;
    }

    /** The runtime's class or interface that plugins of this type extend or implement. */
    public Class<?> baseType() {
        return baseType;
    }

    /** The name suffix removed from a plugin's simple class name to form its short alias. */
    public String aliasSuffix() {
        return aliasSuffix;
    }

    /** Whether plugins of this type are found through service manifests only, never by scanning bytecode. */
    public boolean isServiceLoadedOnly() {
        return serviceLoadedOnly;
    }

    /** Whether this type is a connector (source or sink). */
    public boolean isConnector() {
        return this == SOURCE || this == SINK;
    }

    /** The lower-case name Apache uses in REST responses and logs ({@code source}, {@code header_converter}, ...). */
    public String typeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return typeName();
    }
}
