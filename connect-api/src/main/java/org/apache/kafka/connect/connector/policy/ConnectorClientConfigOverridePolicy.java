package org.apache.kafka.connect.connector.policy;

import java.util.List;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.components.ConnectPlugin;

/**
 * Decides which Kafka client properties a connector configuration may override (the
 * {@code producer.override.*}, {@code consumer.override.*} and {@code admin.override.*} keys).
 * The worker loads one policy, named by {@code connector.client.config.override.policy}.
 */
public interface ConnectorClientConfigOverridePolicy extends Configurable, AutoCloseable, ConnectPlugin {

    /**
     * Checks the client overrides of one connector.
     *
     * @param connectorClientConfigRequest the connector and the overrides it asks for
     * @return one result per override; a result with error messages rejects that override
     */
    List<ConfigValue> validate(ConnectorClientConfigRequest connectorClientConfigRequest);

    /**
     * Returns the configuration the policy accepts; none by default.
     *
     * @return an empty configuration definition unless overridden
     */
    @Override
    default ConfigDef config() {
        return new ConfigDef();
    }

    /**
     * Returns the version of the policy; policies that do not say report {@code "undefined"}, as Apache does.
     *
     * @return the version
     */
    @Override
    default String version() {
        return "undefined";
    }
}
