package dev.sluice.runtime.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest.ClientType;
import org.apache.kafka.connect.health.ConnectorType;

/**
 * Puts a connector's client overrides ({@code producer.override.*}, {@code consumer.override.*},
 * {@code admin.override.*}) to the worker's {@link ConnectorClientConfigOverridePolicy} and returns
 * the approved overrides, or the policy's verdicts with the override prefixes restored for the REST
 * validation response.
 */
public final class ClientConfigOverrides {

    private final ConnectorClientConfigOverridePolicy policy;

    /** Checks overrides with {@code policy}. */
    public ClientConfigOverrides(ConnectorClientConfigOverridePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The policy's verdict on each override of one client type, keyed by the full connector key
     * (e.g. {@code producer.override.acks}); a verdict with error messages is a rejection.
     */
    public List<ConfigValue> verdicts(String connectorName, ConnectorType connectorType,
                                      Class<? extends Connector> connectorClass,
                                      Map<String, String> connectorProps, ClientType clientType) {
        Map<String, Object> overrides = ClientConfigs.connectorOverrides(connectorProps, clientType);
        if (overrides.isEmpty()) {
            return List.of();
        }
        List<ConfigValue> answers = policy.validate(new ConnectorClientConfigRequest(connectorName, connectorType,
            connectorClass, overrides, clientType));
        String prefix = ClientConfigs.overridePrefix(clientType);
        List<ConfigValue> verdicts = new ArrayList<>();
        for (ConfigValue answer : answers) {
            verdicts.add(new ConfigValue(prefix + answer.name(), answer.value(), answer.recommendedValues(),
                new ArrayList<>(answer.errorMessages())));
        }
        return verdicts;
    }

    /**
     * The overrides of one client type that the policy approves.
     *
     * @throws ConfigException naming every rejected key and the policy's reason, when any is rejected
     */
    public Map<String, Object> approved(String connectorName, ConnectorType connectorType,
                                        Class<? extends Connector> connectorClass,
                                        Map<String, String> connectorProps, ClientType clientType) {
        List<ConfigValue> verdicts = verdicts(connectorName, connectorType, connectorClass, connectorProps, clientType);
        List<String> rejections = new ArrayList<>();
        Map<String, Object> approved = new LinkedHashMap<>();
        String prefix = ClientConfigs.overridePrefix(clientType);
        for (ConfigValue verdict : verdicts) {
            if (verdict.errorMessages().isEmpty()) {
                approved.put(verdict.name().substring(prefix.length()), verdict.value());
            } else {
                rejections.add("'" + verdict.name() + "': " + String.join("; ", verdict.errorMessages()));
            }
        }
        if (!rejections.isEmpty()) {
            throw new ConfigException("Connector '" + connectorName + "' asks for client overrides that the worker's"
                + " connector.client.config.override.policy rejects: " + String.join(", ", rejections)
                + ". Remove them from the connector configuration or change the policy.");
        }
        return approved;
    }

    /** {@link #approved} for every client type, keyed by type (types without overrides map to an empty map). */
    public Map<ClientType, Map<String, Object>> approvedForAll(String connectorName, ConnectorType connectorType,
                                                               Class<? extends Connector> connectorClass,
                                                               Map<String, String> connectorProps) {
        Map<ClientType, Map<String, Object>> all = new EnumMap<>(ClientType.class);
        for (ClientType type : ClientType.values()) {
            all.put(type, approved(connectorName, connectorType, connectorClass, connectorProps, type));
        }
        return all;
    }
}
