package org.apache.kafka.connect.connector.policy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets connectors override no client property at all (alias {@code None}).
 */
public class NoneConnectorClientConfigOverridePolicy extends AbstractConnectorClientConfigOverridePolicy {

    private static final Logger log = LoggerFactory.getLogger(NoneConnectorClientConfigOverridePolicy.class);

    /** Creates the policy. */
    public NoneConnectorClientConfigOverridePolicy() {
    }

    @Override
    protected String policyName() {
        return "None";
    }

    @Override
    protected boolean isAllowed(ConfigValue configValue) {
        return false;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        log.info("Connectors may not override Kafka client properties (client config override policy 'None')");
    }
}
