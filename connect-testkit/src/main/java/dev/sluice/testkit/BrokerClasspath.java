package dev.sluice.testkit;

import java.nio.file.Path;
import java.util.List;

/** The Apache Kafka broker's class path, as resolved by Maven in module {@code connect-testkit-broker}. */
final class BrokerClasspath {

    static final String RESOURCE = "dev/sluice/testkit/broker/broker.classpath";

    private static final ClasspathResource CLASSPATH =
        new ClasspathResource(RESOURCE, "the Kafka broker", "connect-testkit-broker", KafkaClusterException::new);

    private BrokerClasspath() {
    }

    /** Reads the class path resource and checks that every listed jar exists. */
    static List<Path> load() {
        return CLASSPATH.load();
    }

    /** The jars of a class path text; each must exist. */
    static List<Path> parse(String text) {
        return CLASSPATH.parse(text);
    }
}
