package dev.sluice.testkit;

import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs each broker of the cluster as a child JVM from Apache's Maven Central jars: formats the storage of
 * every node, starts them all, and waits until the cluster answers. Files live in one temporary directory
 * that {@link #close()} deletes; a shutdown hook kills the children if the test JVM exits without closing.
 */
final class ProcessKafkaBackend implements KafkaBackend {

    private static final Logger log = LoggerFactory.getLogger(ProcessKafkaBackend.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final ClusterSettings settings;
    private final List<BrokerNode> nodes = new ArrayList<>();
    private Path clusterDir;
    private Thread shutdownHook;

    ProcessKafkaBackend(ClusterSettings settings) {
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (clusterDir != null) {
            throw new IllegalStateException("This Kafka cluster was already started; build a new one");
        }
        long startNanos = System.nanoTime();
        List<Path> brokerClasspath = BrokerClasspath.load();
        clusterDir = createClusterDirectory();
        if (settings.killOnJvmExit()) {
            shutdownHook = new Thread(this::killAllNow, "sluice-kafka-cluster-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }

        ChildJvm jvm = ChildJvm.prepare(brokerClasspath, clusterDir, settings.jvmOptions());
        List<BrokerNode.Ports> ports = choosePorts(settings.brokers());
        for (BrokerNode.Ports nodePorts : ports) {
            BrokerNode node = new BrokerNode(nodePorts, clusterDir.resolve("broker-" + nodePorts.id()), jvm);
            node.writeConfiguration(BrokerProperties.of(nodePorts, ports, node.dataDir(), settings.brokerProperties()),
                    settings.brokerLogLevel());
            nodes.add(node);
        }
        String clusterId = Uuid.randomUuid().toString();
        log.info("Formatting the storage of {} Kafka broker(s) in {} (cluster id {})", nodes.size(), clusterDir, clusterId);
        List<Process> formatting = nodes.stream().map(node -> node.startFormatting(clusterId)).collect(Collectors.toList());
        for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).awaitFormatted(formatting.get(i), settings.startupTimeout());
        }
        nodes.forEach(BrokerNode::start);
        BrokerReadiness.await(nodes, allIds(), nodes, settings.startupTimeout());
        log.info("Kafka cluster of {} broker(s) ready at {} in {} ms", nodes.size(), bootstrapServers(),
                Duration.ofNanos(System.nanoTime() - startNanos).toMillis());
    }

    @Override
    public String bootstrapServers() {
        return nodes.stream().map(BrokerNode::address).collect(Collectors.joining(","));
    }

    @Override
    public int brokerCount() {
        return settings.brokers();
    }

    @Override
    public String brokerAddress(int id) {
        return node(id).address();
    }

    @Override
    public void stopBroker(int id) {
        node(id).stop(STOP_TIMEOUT);
    }

    @Override
    public void killBroker(int id) {
        node(id).kill();
    }

    @Override
    public void startBroker(int id) {
        BrokerNode node = node(id);
        node.start();
        Set<Integer> running = nodes.stream().filter(BrokerNode::isRunning).map(BrokerNode::id)
                .collect(Collectors.toCollection(java.util.HashSet::new));
        running.add(id);
        BrokerReadiness.await(List.of(node), running, List.of(node), settings.startupTimeout());
        log.info("Kafka broker {} is back on {}", id, node.address());
    }

    @Override
    public OptionalLong brokerPid(int id) {
        return node(id).pid();
    }

    Path brokerLogFile(int id) {
        return node(id).logFile();
    }

    @Override
    public synchronized void close() {
        if (clusterDir == null) {
            return;
        }
        // Killing is enough: the data is deleted next, and a clean shutdown of the last nodes of a quorum waits for
        // controllers that are already gone.
        RuntimeException failure = null;
        for (BrokerNode node : nodes) {
            try {
                node.kill();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is shutting down already; the hook runs anyway.
            }
        }
        deleteRecursively(clusterDir);
        log.info("Closed Kafka cluster at {} and deleted {}", bootstrapServers(), clusterDir);
        if (failure != null) {
            throw failure;
        }
    }

    private void killAllNow() {
        nodes.forEach(BrokerNode::killNow);
    }

    private BrokerNode node(int id) {
        if (id < 0 || id >= nodes.size()) {
            throw new IllegalArgumentException("No broker " + id + " in this cluster; broker ids are 0.." + (settings.brokers() - 1)
                    + (nodes.isEmpty() ? " and the cluster has not been started" : ""));
        }
        return nodes.get(id);
    }

    private Set<Integer> allIds() {
        return nodes.stream().map(BrokerNode::id).collect(Collectors.toSet());
    }

    private Path createClusterDirectory() {
        Path base = settings.baseDirectory() != null ? settings.baseDirectory() : Paths.get(System.getProperty("java.io.tmpdir"));
        try {
            Files.createDirectories(base);
            return Files.createTempDirectory(base, "sluice-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for the Kafka cluster under " + base, e);
        }
    }

    /** Holds every socket open until all ports are chosen so that no port is handed out twice. */
    private static List<BrokerNode.Ports> choosePorts(int brokers) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            for (int i = 0; i < brokers * 2; i++) {
                ServerSocket socket = new ServerSocket(0, 1, loopback);
                socket.setReuseAddress(true);
                sockets.add(socket);
            }
            List<BrokerNode.Ports> ports = new ArrayList<>();
            for (int id = 0; id < brokers; id++) {
                ports.add(new BrokerNode.Ports(id, sockets.get(2 * id).getLocalPort(), sockets.get(2 * id + 1).getLocalPort()));
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find free ports for " + brokers + " Kafka broker(s)", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    log.debug("Closing port probe {} failed", socket, e);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    log.warn("Cannot delete {} of a closed Kafka cluster", path, e);
                }
            });
        } catch (IOException e) {
            log.warn("Cannot delete the Kafka cluster directory {}", dir, e);
        }
    }
}
