package org.apache.kafka.connect.health;

/**
 * Facts about the Connect cluster that do not change while a worker runs.
 */
public interface ConnectClusterDetails {

    /**
     * Returns the id of the Kafka cluster this Connect cluster is attached to.
     *
     * @return the Kafka cluster id
     */
    String kafkaClusterId();
}
