package dev.sluice.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.policy.AllConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.AllowlistConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest.ClientType;
import org.apache.kafka.connect.connector.policy.NoneConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.health.ConnectorType;
import org.junit.jupiter.api.Test;

class ClientConfigsTest {

    private static final WorkerConfig WORKER = new StandaloneConfig(Map.of(
        "bootstrap.servers", "localhost:9092",
        "offset.storage.file.filename", "/tmp/offsets",
        "key.converter", "org.apache.kafka.connect.storage.StringConverter",
        "value.converter", "org.apache.kafka.connect.storage.StringConverter",
        "producer.linger.ms", "10",
        "consumer.max.poll.records", "100",
        "admin.request.timeout.ms", "5000"));

    private static final Map<String, String> CONNECTOR = Map.of(
        "name", "c", "producer.override.acks", "1", "producer.override.linger.ms", "0",
        "consumer.override.group.id", "mine", "admin.override.client.id", "x", "producer.overrides.typo", "?");

    @Test
    void workerPrefixedSettingsGoToTheirClientTypeWithThePrefixRemoved() {
        assertEquals(Map.of("linger.ms", "10"), ClientConfigs.fromWorker(WORKER, ClientType.PRODUCER));
        assertEquals(Map.of("max.poll.records", "100"), ClientConfigs.fromWorker(WORKER, ClientType.CONSUMER));
    }

    @Test
    void adminClientsGetUnprefixedWorkerSettingsOverlaidWithAdminSettings() {
        Map<String, Object> admin = ClientConfigs.fromWorker(WORKER, ClientType.ADMIN);
        assertEquals("localhost:9092", admin.get("bootstrap.servers"));
        assertEquals("5000", admin.get("request.timeout.ms"));
        assertTrue(admin.keySet().stream().noneMatch(k -> k.startsWith("producer.") || k.startsWith("consumer.")
            || k.startsWith("admin.")), "no client-prefixed worker keys reach the admin client: " + admin.keySet());
    }

    @Test
    void workerConfigProvidersNeverReachAdminClients() {
        WorkerConfig worker = new StandaloneConfig(Map.of("bootstrap.servers", "localhost:9092",
            "key.converter", "org.apache.kafka.connect.json.JsonConverter",
            "value.converter", "org.apache.kafka.connect.json.JsonConverter",
            "offset.storage.file.filename", "unused.offsets",
            "config.providers", "file",
            "config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider"));
        Map<String, Object> admin = ClientConfigs.fromWorker(worker, ClientType.ADMIN);
        assertTrue(admin.keySet().stream().noneMatch(k -> k.startsWith("config.providers")),
            "config.providers keys are filtered out as in Apache: " + admin.keySet());
        assertEquals("localhost:9092", admin.get("bootstrap.servers"));
    }

    @Test
    void connectorOverridesAreCollectedPerClientType() {
        assertEquals(Map.of("acks", "1", "linger.ms", "0"), ClientConfigs.connectorOverrides(CONNECTOR, ClientType.PRODUCER));
        assertEquals(Map.of("group.id", "mine"), ClientConfigs.connectorOverrides(CONNECTOR, ClientType.CONSUMER));
        assertEquals(Map.of("client.id", "x"), ClientConfigs.connectorOverrides(CONNECTOR, ClientType.ADMIN));
    }

    @Test
    void allPolicyApprovesEveryOverride() {
        ClientConfigOverrides overrides = new ClientConfigOverrides(new AllConnectorClientConfigOverridePolicy());
        assertEquals(Map.of("acks", "1", "linger.ms", "0"),
            overrides.approved("c", ConnectorType.SOURCE, null, CONNECTOR, ClientType.PRODUCER));
    }

    @Test
    void rejectedOverridesFailWithEveryRejectedKeyNamed() {
        ClientConfigOverrides overrides = new ClientConfigOverrides(new NoneConnectorClientConfigOverridePolicy());
        ConfigException e = assertThrows(ConfigException.class,
            () -> overrides.approved("c", ConnectorType.SOURCE, null, CONNECTOR, ClientType.PRODUCER));
        assertTrue(e.getMessage().contains("producer.override.acks") && e.getMessage().contains("producer.override.linger.ms")
            && e.getMessage().contains("'c'"), e.getMessage());
    }

    @Test
    void verdictsCarryTheFullConnectorKeyForValidationResponses() {
        AllowlistConnectorClientConfigOverridePolicy policy = new AllowlistConnectorClientConfigOverridePolicy();
        policy.configure(Map.of(AllowlistConnectorClientConfigOverridePolicy.ALLOWLIST_CONFIG, "acks"));
        List<ConfigValue> verdicts = new ClientConfigOverrides(policy)
            .verdicts("c", ConnectorType.SOURCE, null, CONNECTOR, ClientType.PRODUCER);
        Map<String, Integer> errors = new HashMap<>();
        verdicts.forEach(v -> errors.put(v.name(), v.errorMessages().size()));
        assertEquals(Map.of("producer.override.acks", 0, "producer.override.linger.ms", 1), errors);
    }
}
