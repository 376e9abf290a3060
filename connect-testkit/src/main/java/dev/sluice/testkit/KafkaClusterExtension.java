package dev.sluice.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A JUnit 5 extension that runs one {@link KafkaCluster} per test class: started before all tests, closed
 * after all tests. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);
 *
 * @Test
 * void roundTrip() {
 *     kafka.cluster().createTopic("t", 1);
 * }
 * }</pre>
 *
 * <p>Test methods may also declare a {@link KafkaCluster} parameter. Nested test classes share the outer
 * class's cluster. When {@code -Dsluice.kafka=testcontainers} is set and no Docker engine answers, the tests
 * of the class are skipped with a message that says why.
 */
public final class KafkaClusterExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final KafkaCluster.Builder builder;
    private KafkaCluster cluster;
    private ExtensionContext owner;

    private KafkaClusterExtension(KafkaCluster.Builder builder) {
        this.builder = builder;
    }

    /** @param brokers 1 or 3 */
    public static KafkaClusterExtension brokers(int brokers) {
        return new KafkaClusterExtension(KafkaCluster.builder().brokers(brokers));
    }

    /** Adds a property to every broker's {@code server.properties}. */
    public KafkaClusterExtension withBrokerProperty(String name, String value) {
        builder.brokerProperty(name, value);
        return this;
    }

    /** Adds every entry as a broker property. */
    public KafkaClusterExtension withBrokerProperties(Map<String, String> properties) {
        builder.brokerProperties(properties);
        return this;
    }

    /** Further settings of the cluster (startup timeout, JVM options, directory) before it starts. */
    public KafkaClusterExtension configure(Consumer<KafkaCluster.Builder> settings) {
        settings.accept(builder);
        return this;
    }

    /**
     * @return the running cluster of the current test class
     * @throws IllegalStateException outside the test class's lifetime, or if the extension is not registered on a static field
     */
    public synchronized KafkaCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("The Kafka cluster is not running: register KafkaClusterExtension on a static"
                    + " field with @RegisterExtension, and use it only in tests of that class");
        }
        return cluster;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (cluster != null) {
            return; // a nested class shares the cluster of its enclosing class
        }
        KafkaCluster starting = builder.build();
        starting.start();
        cluster = starting;
        owner = context;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (context != owner) {
            return;
        }
        try {
            cluster.close();
        } finally {
            cluster = null;
            owner = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return cluster();
    }
}
