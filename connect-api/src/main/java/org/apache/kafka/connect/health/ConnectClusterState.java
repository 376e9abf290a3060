package org.apache.kafka.connect.health;

import java.util.Collection;
import java.util.Map;

/**
 * A read-only view of the Connect cluster for REST extensions: the connectors, their health and
 * configuration.
 */
public interface ConnectClusterState {

    /**
     * Returns the names of the connectors in the cluster.
     *
     * @return the connector names
     */
    Collection<String> connectors();

    /**
     * Returns the health of one connector.
     *
     * @param connName the connector's name
     * @return its health
     * @throws org.apache.kafka.connect.errors.NotFoundException if there is no such connector
     */
    ConnectorHealth connectorHealth(String connName);

    /**
     * Returns the configuration of one connector. Implementations of the worker provide it; the
     * default throws, because older implementations of this interface did not have it.
     *
     * @param connName the connector's name
     * @return its configuration
     * @throws UnsupportedOperationException if the implementation does not provide configurations
     */
    default Map<String, String> connectorConfig(String connName) {
        throw new UnsupportedOperationException(
            getClass().getName() + " does not provide connector configurations; use a worker that implements connectorConfig(String)");
    }

    /**
     * Returns facts about the cluster. Implementations of the worker provide them; the default
     * throws, because older implementations of this interface did not have it.
     *
     * @return the cluster details
     * @throws UnsupportedOperationException if the implementation does not provide them
     */
    default ConnectClusterDetails clusterDetails() {
        throw new UnsupportedOperationException(
            getClass().getName() + " does not provide cluster details; use a worker that implements clusterDetails()");
    }
}
