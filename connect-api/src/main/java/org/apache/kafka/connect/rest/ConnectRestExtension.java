package org.apache.kafka.connect.rest;

import java.io.Closeable;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.ConnectPlugin;

/**
 * A plugin that adds JAX-RS resources, filters or providers to the worker's REST server, for
 * instance for authentication or health checks. Listed in {@code rest.extension.classes};
 * configured with the worker configuration, then {@link #register}ed once at start-up.
 */
public interface ConnectRestExtension extends Configurable, ConnectPlugin, Closeable {

    /**
     * Registers the extension's JAX-RS components.
     *
     * @param restPluginContext the REST server to register with and the cluster state to read
     */
    void register(ConnectRestExtensionContext restPluginContext);

    /**
     * Returns the configuration the extension accepts; none by default.
     *
     * @return an empty configuration definition unless overridden
     */
    @Override
    default ConfigDef config() {
        return new ConfigDef();
    }
}
