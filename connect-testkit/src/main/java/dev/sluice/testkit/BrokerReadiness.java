package dev.sluice.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Waits until brokers answer: an Admin client bootstrapped on the given nodes must see every expected broker
 * registered and unfenced. Fails fast, with the broker's log tail, when a watched broker process dies.
 */
final class BrokerReadiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final int REQUEST_TIMEOUT_MS = 2_000;

    private BrokerReadiness() {
    }

    /**
     * @param askVia   nodes whose client listeners bootstrap the check (so the check also proves they answer)
     * @param expected ids that must be in the cluster's view
     * @param watched  nodes whose processes must stay alive while waiting
     */
    static void await(Collection<BrokerNode> askVia, Set<Integer> expected, Collection<BrokerNode> watched, Duration timeout) {
        String bootstrap = askVia.stream().map(BrokerNode::address).collect(Collectors.joining(","));
        AtomicReference<String> lastSeen = new AtomicReference<>("no answer yet");
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200,
                AdminClientConfig.CLIENT_ID_CONFIG, "sluice-testkit-readiness"))) {
            BoundedWait.until(timeout, POLL_INTERVAL, () -> {
                for (BrokerNode node : watched) {
                    if (!node.isRunning()) {
                        throw new KafkaClusterException(node.report("exited before the cluster became ready"));
                    }
                }
                Optional<Set<Integer>> seen = registeredBrokers(admin);
                seen.ifPresent(ids -> lastSeen.set("brokers " + ids));
                return seen.filter(ids -> ids.containsAll(expected));
            }, () -> "Kafka brokers " + expected + " did not become ready via " + bootstrap + " within " + timeout
                    + " (last answer: " + lastSeen.get() + ")\n"
                    + watched.stream().map(node -> node.report("is not ready")).collect(Collectors.joining("\n")));
        }
    }

    private static Optional<Set<Integer>> registeredBrokers(Admin admin) {
        try {
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(REQUEST_TIMEOUT_MS))
                    .nodes().get(REQUEST_TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS);
            return Optional.of(nodes.stream().map(Node::id).collect(Collectors.toCollection(TreeSet::new)));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty(); // not answering yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaClusterException("Interrupted while waiting for Kafka brokers to become ready", e);
        }
    }
}
