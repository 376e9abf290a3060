package dev.sluice.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a {@link KafkaCluster.Builder} collected: the number of brokers, extra broker properties (which win over
 * the testkit's defaults), how long to wait for the cluster, where to put its files and the child JVM options.
 *
 * @param brokerLogLevel the lowest log4j2 level written to each broker's log file
 * @param baseDirectory parent of the cluster's temporary directory, or {@code null} for {@code java.io.tmpdir}
 * @param killOnJvmExit whether a JVM shutdown hook kills the brokers (the child JVMs also die with their parent)
 */
record ClusterSettings(int brokers, Map<String, String> brokerProperties, Duration startupTimeout,
                       Path baseDirectory, List<String> jvmOptions, String brokerLogLevel, boolean killOnJvmExit) {

    ClusterSettings {
        brokerProperties = Map.copyOf(brokerProperties);
        jvmOptions = List.copyOf(jvmOptions);
    }
}
