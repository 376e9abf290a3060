package dev.sluice.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@code server.properties} of one combined broker+controller node: static quorum voters, two listeners on
 * fixed ports, and internal topics sized for the number of brokers so that a one-broker cluster works.
 */
final class BrokerProperties {

    static final String HOST = "localhost";

    private BrokerProperties() {
    }

    /**
     * @param nodes every node of the cluster, in id order, for the quorum voters
     * @param overrides the caller's broker properties, applied last
     */
    static Map<String, String> of(BrokerNode.Ports node, List<BrokerNode.Ports> nodes, Path dataDir,
                                  Map<String, String> overrides) {
        int brokers = nodes.size();
        Map<String, String> p = new TreeMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(node.id()));
        p.put("controller.quorum.voters", nodes.stream()
                .map(n -> n.id() + "@" + HOST + ":" + n.controllerPort())
                .collect(Collectors.joining(",")));
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + node.clientPort() + ",CONTROLLER://" + HOST + ":" + node.controllerPort());
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + node.clientPort());
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.toString());

        // Internal topics: every replica a cluster this small can hold, at most 3; writes survive one broker down.
        String replicas = Integer.toString(Math.min(3, brokers));
        String minInSync = brokers >= 3 ? "2" : "1";
        p.put("default.replication.factor", replicas);
        p.put("offsets.topic.replication.factor", replicas);
        p.put("transaction.state.log.replication.factor", replicas);
        p.put("transaction.state.log.min.isr", minInSync);
        p.put("share.coordinator.state.topic.replication.factor", replicas);
        p.put("share.coordinator.state.topic.min.isr", minInSync);
        // Fewer partitions than the production defaults (50): internal topics appear faster in tests.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.num.partitions", "5");

        p.put("group.initial.rebalance.delay.ms", "0");
        // A restarted broker cannot register until the session of its previous incarnation expired (9 s by
        // default), and a killed one holds its partitions that long: shorter sessions make restarts quick.
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("broker.session.timeout.ms", "4000");
        // The cleaner's dedupe buffer is allocated up front (128 MiB by default); tests never need that much.
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        p.putAll(overrides);
        return p;
    }

    /**
     * A log4j2 configuration: {@code level} and above (WARN by default; plus the version and "started" lines) to
     * {@code logFile}, ERROR to stderr.
     */
    static String log4jConfig(Path logFile, String level) {
        return String.join("\n",
                "status = warn",
                // Kafka logs its shutdown from its own hook; log4j2's hook would stop the appenders before that.
                "shutdownHook = disable",
                "appender.file.type = File",
                "appender.file.name = FILE",
                "appender.file.fileName = " + logFile.toString().replace("\\", "/"),
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                "appender.stderr.type = Console",
                "appender.stderr.name = STDERR",
                "appender.stderr.target = SYSTEM_ERR",
                "appender.stderr.layout.type = PatternLayout",
                "appender.stderr.layout.pattern = [%d] %p %m (%c)%n",
                "appender.stderr.filter.threshold.type = ThresholdFilter",
                "appender.stderr.filter.threshold.level = error",
                "rootLogger.level = " + level,
                "rootLogger.appenderRef.file.ref = FILE",
                "rootLogger.appenderRef.stderr.ref = STDERR",
                "logger.version.name = org.apache.kafka.common.utils.AppInfoParser",
                "logger.version.level = info",
                "logger.started.name = kafka.server.KafkaRaftServer",
                "logger.started.level = info",
                "");
    }
}
