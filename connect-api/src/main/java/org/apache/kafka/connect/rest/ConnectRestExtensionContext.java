package org.apache.kafka.connect.rest;

import jakarta.ws.rs.core.Configurable;
import org.apache.kafka.connect.health.ConnectClusterState;

/**
 * What a {@link ConnectRestExtension} receives when it registers: the JAX-RS configuration of the
 * worker's REST server and a read-only view of the cluster.
 */
public interface ConnectRestExtensionContext {

    /**
     * Returns the JAX-RS configuration to register resources, filters and providers with.
     *
     * @return the REST server's configurable
     */
    Configurable<? extends Configurable<?>> configurable();

    /**
     * Returns a read-only view of the Connect cluster.
     *
     * @return the cluster state
     */
    ConnectClusterState clusterState();
}
