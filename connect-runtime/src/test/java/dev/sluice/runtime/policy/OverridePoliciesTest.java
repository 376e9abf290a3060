package dev.sluice.runtime.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.connector.policy.AllConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.AllowlistConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest;
import org.apache.kafka.connect.connector.policy.NoneConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.PrincipalConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.health.ConnectorType;
import org.junit.jupiter.api.Test;

class OverridePoliciesTest {

    private static final Map<String, Object> REQUESTED = requested();

    private static Map<String, Object> requested() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("sasl.jaas.config", "jaas");
        props.put("sasl.mechanism", "PLAIN");
        props.put("security.protocol", "SASL_SSL");
        props.put("acks", "all");
        props.put("linger.ms", 5);
        return props;
    }

    private static Map<String, Boolean> allowed(ConnectorClientConfigOverridePolicy policy) {
        List<ConfigValue> verdicts = policy.validate(new ConnectorClientConfigRequest("conn", ConnectorType.SOURCE,
            null, REQUESTED, ConnectorClientConfigRequest.ClientType.PRODUCER));
        return verdicts.stream().collect(Collectors.toMap(ConfigValue::name, v -> v.errorMessages().isEmpty(),
            (a, b) -> a, LinkedHashMap::new));
    }

    @Test
    void allPolicyAllowsEveryProperty() {
        AllConnectorClientConfigOverridePolicy policy = new AllConnectorClientConfigOverridePolicy();
        policy.configure(Map.of());
        assertEquals(Map.of("sasl.jaas.config", true, "sasl.mechanism", true, "security.protocol", true,
            "acks", true, "linger.ms", true), allowed(policy));
    }

    @Test
    void nonePolicyRejectsEveryPropertyNamingPolicyAndKey() {
        NoneConnectorClientConfigOverridePolicy policy = new NoneConnectorClientConfigOverridePolicy();
        policy.configure(Map.of());
        assertTrue(allowed(policy).values().stream().noneMatch(ok -> ok), "None must reject all overrides");
        ConfigValue acks = policy.validate(new ConnectorClientConfigRequest("conn", ConnectorType.SINK, null,
            Map.of("acks", "1"), ConnectorClientConfigRequest.ClientType.CONSUMER)).get(0);
        String message = acks.errorMessages().get(0);
        assertTrue(message.contains("'None'") && message.contains("'acks'"), message);
        assertEquals("1", acks.value(), "the verdict carries the requested value");
    }

    @Test
    @SuppressWarnings("deprecation")
    void principalPolicyAllowsOnlyTheSaslAndSecurityProtocolProperties() {
        PrincipalConnectorClientConfigOverridePolicy policy = new PrincipalConnectorClientConfigOverridePolicy();
        policy.configure(Map.of());
        assertEquals(Map.of("sasl.jaas.config", true, "sasl.mechanism", true, "security.protocol", true,
            "acks", false, "linger.ms", false), allowed(policy));
    }

    @Test
    void allowlistPolicyAllowsExactlyTheListedProperties() {
        AllowlistConnectorClientConfigOverridePolicy policy = new AllowlistConnectorClientConfigOverridePolicy();
        policy.configure(Map.of(AllowlistConnectorClientConfigOverridePolicy.ALLOWLIST_CONFIG, "acks, linger.ms",
            "bootstrap.servers", "ignored:9092"));
        assertEquals(Map.of("sasl.jaas.config", false, "sasl.mechanism", false, "security.protocol", false,
            "acks", true, "linger.ms", true), allowed(policy));
    }

    @Test
    void allowlistPolicyWithoutAListAllowsNothing() {
        AllowlistConnectorClientConfigOverridePolicy policy = new AllowlistConnectorClientConfigOverridePolicy();
        policy.configure(Map.of());
        assertTrue(allowed(policy).values().stream().noneMatch(ok -> ok), "an empty allowlist allows nothing");
    }

    @Test
    void allowlistPolicyRejectsANonListValue() {
        AllowlistConnectorClientConfigOverridePolicy policy = new AllowlistConnectorClientConfigOverridePolicy();
        assertThrows(ConfigException.class,
            () -> policy.configure(Map.of(AllowlistConnectorClientConfigOverridePolicy.ALLOWLIST_CONFIG, 5)));
    }

    @Test
    void policiesReportTheKafkaVersionAndAreServiceLoadable() {
        assertEquals(AppInfoParser.getVersion(), new NoneConnectorClientConfigOverridePolicy().version());
        List<String> loaded = ServiceLoader.load(ConnectorClientConfigOverridePolicy.class).stream()
            .map(provider -> provider.type().getSimpleName()).sorted().toList();
        assertEquals(List.of("AllConnectorClientConfigOverridePolicy", "AllowlistConnectorClientConfigOverridePolicy",
            "NoneConnectorClientConfigOverridePolicy", "PrincipalConnectorClientConfigOverridePolicy"), loaded);
    }
}
