package dev.sluice.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.OptionalLong;

/**
 * One broker in an {@code apache/kafka} container, for machines where Docker answers. The only class of the
 * testkit that touches Testcontainers (an optional dependency): it is loaded only when {@code -Dsluice.kafka=testcontainers}.
 */
final class TestcontainersKafkaBackend implements KafkaBackend {

    static final String IMAGE = "apache/kafka:4.3.1";

    private static final Logger log = LoggerFactory.getLogger(TestcontainersKafkaBackend.class);

    private final ClusterSettings settings;
    private KafkaContainer container;

    private TestcontainersKafkaBackend(ClusterSettings settings) {
        this.settings = settings;
    }

    static KafkaBackend create(ClusterSettings settings) {
        return new TestcontainersKafkaBackend(settings);
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @Override
    public synchronized void start() {
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(IMAGE))
                .withStartupTimeout(settings.startupTimeout())
                .withEnv(environmentName("group.initial.rebalance.delay.ms"), "0")
                .withEnv(environmentName("share.coordinator.state.topic.replication.factor"), "1")
                .withEnv(environmentName("share.coordinator.state.topic.min.isr"), "1");
        for (Map.Entry<String, String> property : settings.brokerProperties().entrySet()) {
            kafka.withEnv(environmentName(property.getKey()), property.getValue());
        }
        container = kafka;
        container.start();
        log.info("Kafka container {} ({}) ready at {}", container.getContainerId(), IMAGE, container.getBootstrapServers());
    }

    /** The apache/kafka image reads {@code KAFKA_<NAME>}: '.' becomes '_', '_' becomes '__', '-' becomes '___'. */
    static String environmentName(String property) {
        StringBuilder name = new StringBuilder("KAFKA_");
        for (char c : property.toCharArray()) {
            switch (c) {
                case '.' -> name.append('_');
                case '_' -> name.append("__");
                case '-' -> name.append("___");
                default -> name.append(Character.toUpperCase(c));
            }
        }
        return name.toString();
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public int brokerCount() {
        return 1;
    }

    @Override
    public String brokerAddress(int id) {
        requireBrokerZero(id);
        return container.getBootstrapServers().replaceFirst("^[A-Z]+://", "");
    }

    @Override
    public void stopBroker(int id) {
        throw unsupported("stopBroker");
    }

    @Override
    public void killBroker(int id) {
        throw unsupported("killBroker");
    }

    @Override
    public void startBroker(int id) {
        throw unsupported("startBroker");
    }

    @Override
    public OptionalLong brokerPid(int id) {
        return OptionalLong.empty();
    }

    @Override
    public synchronized void close() {
        if (container != null) {
            container.stop();
        }
    }

    private static void requireBrokerZero(int id) {
        if (id != 0) {
            throw new IllegalArgumentException("The Testcontainers backend runs one broker (id 0), not broker " + id);
        }
    }

    private static UnsupportedOperationException unsupported(String operation) {
        return new UnsupportedOperationException(operation + " needs the child-JVM backend (the default):"
                + " a restarted container would come back on other ports. Run without -Dsluice.kafka=testcontainers");
    }
}
