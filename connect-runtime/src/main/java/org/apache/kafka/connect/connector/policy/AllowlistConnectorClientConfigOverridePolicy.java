package org.apache.kafka.connect.connector.policy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets connectors override only the client properties listed in the worker's
 * {@value #ALLOWLIST_CONFIG} (alias {@code Allowlist}); with an empty list nothing may be overridden.
 */
public class AllowlistConnectorClientConfigOverridePolicy extends AbstractConnectorClientConfigOverridePolicy {

    /** Worker key listing the client properties connectors may override. */
    public static final String ALLOWLIST_CONFIG = "connector.client.config.override.allowlist";

    private static final Logger log = LoggerFactory.getLogger(AllowlistConnectorClientConfigOverridePolicy.class);

    private List<String> allowlist = List.of();

    /** Creates the policy; {@link #configure(Map)} reads the list. */
    public AllowlistConnectorClientConfigOverridePolicy() {
    }

    @Override
    protected String policyName() {
        return "Allowlist";
    }

    @Override
    protected boolean isAllowed(ConfigValue configValue) {
        return allowlist.contains(configValue.name());
    }

    /**
     * Reads {@value #ALLOWLIST_CONFIG} from the worker configuration.
     *
     * @param configs the worker configuration
     * @throws org.apache.kafka.common.config.ConfigException if the value is not a list
     */
    @Override
    public void configure(Map<String, ?> configs) {
        ConfigDef definition = new ConfigDef().define(ALLOWLIST_CONFIG, ConfigDef.Type.LIST, List.of(),
            ConfigDef.Importance.MEDIUM, "Client properties that connectors may override; empty allows none.");
        allowlist = List.copyOf(new AbstractConfig(definition, configs, false).getList(ALLOWLIST_CONFIG));
        log.info("Connectors may override only these Kafka client properties: {}", allowlist);
    }
}
