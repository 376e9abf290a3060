/**
 * A real Apache Kafka cluster (KRaft) for integration tests: {@link dev.sluice.testkit.KafkaCluster} runs each
 * broker in a child JVM from Apache's Maven Central jars (or, with {@code -Dsluice.kafka=testcontainers}, one
 * broker in a container), and {@link dev.sluice.testkit.KafkaClusterExtension} gives each JUnit 5 test class
 * its own cluster.
 */
package dev.sluice.testkit;
