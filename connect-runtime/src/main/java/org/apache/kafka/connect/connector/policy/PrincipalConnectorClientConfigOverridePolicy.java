package org.apache.kafka.connect.connector.policy;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.SaslConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets connectors override only the client properties that choose the principal they connect as:
 * {@code sasl.jaas.config}, {@code sasl.mechanism} and {@code security.protocol} (alias {@code Principal}).
 *
 * @deprecated use {@link AllowlistConnectorClientConfigOverridePolicy} with those three properties in
 *     {@code connector.client.config.override.allowlist}
 */
@Deprecated
public class PrincipalConnectorClientConfigOverridePolicy extends AbstractConnectorClientConfigOverridePolicy {

    private static final Logger log = LoggerFactory.getLogger(PrincipalConnectorClientConfigOverridePolicy.class);

    private static final Set<String> PRINCIPAL_PROPERTIES = Set.of(SaslConfigs.SASL_JAAS_CONFIG,
        SaslConfigs.SASL_MECHANISM, CommonClientConfigs.SECURITY_PROTOCOL_CONFIG);

    /** Creates the policy. */
    public PrincipalConnectorClientConfigOverridePolicy() {
    }

    @Override
    protected String policyName() {
        return "Principal";
    }

    @Override
    protected boolean isAllowed(ConfigValue configValue) {
        return PRINCIPAL_PROPERTIES.contains(configValue.name());
    }

    @Override
    public void configure(Map<String, ?> configs) {
        log.warn("The 'Principal' client config override policy is deprecated; use 'Allowlist' with {}={}",
            AllowlistConnectorClientConfigOverridePolicy.ALLOWLIST_CONFIG, String.join(",", PRINCIPAL_PROPERTIES));
    }
}
