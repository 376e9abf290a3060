package dev.sluice.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreeBrokersIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static KafkaClusterExtension kafka = KafkaClusterExtension.brokers(3);

    @Test
    void recordsRoundTripOnATopicReplicatedOnEveryBroker() throws Exception {
        KafkaCluster cluster = kafka.cluster();
        cluster.createTopic("three-round-trip", 3, 3);
        cluster.produce("three-round-trip", "a", "b", "c", "d");

        List<ConsumerRecord<String, String>> records = cluster.consume("three-round-trip", 4, TIMEOUT);

        assertEquals(Set.of("a", "b", "c", "d"), values(records), "every produced value is read back");
        TopicDescription topic = cluster.admin().describeTopics(List.of("three-round-trip")).allTopicNames().get().get("three-round-trip");
        assertTrue(topic.partitions().stream().allMatch(p -> p.replicas().size() == 3), "each partition has 3 replicas: " + topic);
    }

    @Test
    void stoppedBrokerComesBackOnItsPortWithItsDataWhileTheOthersServe() throws Exception {
        KafkaCluster cluster = kafka.cluster();
        cluster.createTopic("three-restart", 3, 3);
        cluster.produce("three-restart", "before-1", "before-2", "before-3");
        String address = cluster.brokerAddress(1);
        OptionalLong pidBefore = cluster.brokerPid(1);

        cluster.stopBroker(1);
        assertEquals(OptionalLong.empty(), cluster.brokerPid(1), "broker 1 has no process while stopped");
        cluster.produce("three-restart", "while-down");
        assertEquals(4, cluster.consume("three-restart", 4, TIMEOUT).size(), "the cluster serves with one broker down");

        cluster.startBroker(1);

        assertEquals(address, cluster.brokerAddress(1), "broker 1 keeps its address");
        assertNotEquals(pidBefore, cluster.brokerPid(1), "broker 1 runs in a new JVM");
        try (Admin viaBroker1 = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address))) {
            List<Node> nodes = List.copyOf(viaBroker1.describeCluster().nodes().get());
            assertEquals(Set.of(0, 1, 2), nodes.stream().map(Node::id).collect(Collectors.toSet()),
                    "broker 1 answers on its old address and sees all three brokers again");
            Node broker1 = nodes.stream().filter(n -> n.id() == 1).findFirst().orElseThrow();
            assertEquals(address, broker1.host() + ":" + broker1.port(), "broker 1 is registered with its old port");
        }
        cluster.produce("three-restart", "after");
        assertEquals(Set.of("before-1", "before-2", "before-3", "while-down", "after"),
                values(cluster.consume("three-restart", 5, TIMEOUT)), "data from before the restart is still readable");
    }

    @Test
    void killedBrokerStartsAgain() {
        KafkaCluster cluster = kafka.cluster();
        cluster.createTopic("three-kill", 1, 3);
        cluster.produce("three-kill", "before");

        cluster.killBroker(2);
        assertEquals(OptionalLong.empty(), cluster.brokerPid(2), "broker 2 has no process after SIGKILL");
        cluster.startBroker(2);

        cluster.produce("three-kill", "after");
        assertEquals(Set.of("before", "after"), values(cluster.consume("three-kill", 2, TIMEOUT)),
                "records written before and after the kill are readable");
    }

    private static Set<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).collect(Collectors.toSet());
    }
}
