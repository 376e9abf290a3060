package org.apache.kafka.connect.connector.policy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets connectors override any client property (alias {@code All}; the worker's default policy).
 */
public class AllConnectorClientConfigOverridePolicy extends AbstractConnectorClientConfigOverridePolicy {

    private static final Logger log = LoggerFactory.getLogger(AllConnectorClientConfigOverridePolicy.class);

    /** Creates the policy. */
    public AllConnectorClientConfigOverridePolicy() {
    }

    @Override
    protected String policyName() {
        return "All";
    }

    @Override
    protected boolean isAllowed(ConfigValue configValue) {
        return true;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        log.info("Connectors may override any Kafka client property (client config override policy 'All')");
    }
}
