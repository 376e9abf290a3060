package org.apache.kafka.connect.connector.policy;

import java.util.Map;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.health.ConnectorType;

/**
 * The question put to a {@link ConnectorClientConfigOverridePolicy}: which connector asks for
 * which client property overrides, for which of its Kafka clients.
 */
public class ConnectorClientConfigRequest {

    private final Map<String, Object> clientProps;
    private final ClientType clientType;
    private final String connectorName;
    private final ConnectorType connectorType;
    private final Class<? extends Connector> connectorClass;

    /**
     * Creates a request.
     *
     * @param connectorName the connector's name
     * @param connectorType whether it is a source or a sink connector
     * @param connectorClass the connector implementation
     * @param clientProps the overrides, with the {@code *.override.} prefix removed
     * @param clientType the client the overrides apply to
     */
    public ConnectorClientConfigRequest(String connectorName, ConnectorType connectorType,
                                        Class<? extends Connector> connectorClass,
                                        Map<String, Object> clientProps, ClientType clientType) {
        this.clientProps = clientProps;
        this.clientType = clientType;
        this.connectorName = connectorName;
        this.connectorType = connectorType;
        this.connectorClass = connectorClass;
    }

    /** @return the requested client properties, without their override prefix */
    public Map<String, Object> clientProps() {
        return clientProps;
    }

    /** @return the client the overrides apply to */
    public ClientType clientType() {
        return clientType;
    }

    /** @return the connector's name */
    public String connectorName() {
        return connectorName;
    }

    /** @return whether the connector is a source or a sink */
    public ConnectorType connectorType() {
        return connectorType;
    }

    /** @return the connector implementation */
    public Class<? extends Connector> connectorClass() {
        return connectorClass;
    }

    /**
     * The Kafka clients a connector may configure.
     */
    public enum ClientType {
        /** The producer of a source connector, or of a sink connector's dead letter queue. */
        PRODUCER,
        /** The consumer of a sink connector. */
        CONSUMER,
        /** The admin client (topic creation, dead letter queue, offset management). */
        ADMIN
    }
}
