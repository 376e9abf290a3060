package org.apache.kafka.connect.connector.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * Base of the built-in override policies: answers each requested client property with a
 * {@link ConfigValue} that carries an error message when {@link #isAllowed(ConfigValue)} says no.
 */
public abstract class AbstractConnectorClientConfigOverridePolicy implements ConnectorClientConfigOverridePolicy {

    /** For subclasses. */
    public AbstractConnectorClientConfigOverridePolicy() {
    }

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public void close() {
    }

    @Override
    public final List<ConfigValue> validate(ConnectorClientConfigRequest connectorClientConfigRequest) {
        Map<String, Object> requested = connectorClientConfigRequest.clientProps();
        List<ConfigValue> verdicts = new ArrayList<>(requested.size());
        for (Map.Entry<String, Object> property : requested.entrySet()) {
            ConfigValue verdict = configValue(property);
            validate(verdict);
            verdicts.add(verdict);
        }
        return verdicts;
    }

    /**
     * The verdict object for one requested property, without errors yet.
     *
     * @param configEntry the property name (without override prefix) and value
     * @return a new config value
     */
    protected ConfigValue configValue(Map.Entry<String, Object> configEntry) {
        return new ConfigValue(configEntry.getKey(), configEntry.getValue(), new ArrayList<>(), new ArrayList<>());
    }

    /**
     * Adds an error message to {@code configValue} when the policy does not allow it.
     *
     * @param configValue the verdict for one property
     */
    protected void validate(ConfigValue configValue) {
        if (!isAllowed(configValue)) {
            configValue.addErrorMessage("The '" + policyName() + "' client config override policy does not let"
                + " connectors override '" + configValue.name() + "'");
        }
    }

    /**
     * The name used in error messages.
     *
     * @return the policy's short name
     */
    protected abstract String policyName();

    /**
     * Whether a connector may override one client property.
     *
     * @param configValue the property
     * @return true to allow it
     */
    protected abstract boolean isAllowed(ConfigValue configValue);
}
