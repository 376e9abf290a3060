package dev.sluice.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /}: the Kafka Connect version this worker is compatible with, the commit of the Kafka clients it
 * runs, and the id of the Kafka cluster it uses.
 */
public record ServerInfo(@JsonProperty("version") String version, @JsonProperty("commit") String commit,
                         @JsonProperty("kafka_cluster_id") String kafkaClusterId) {
}
