package dev.sluice.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** The Apache Kafka broker's class path, as resolved by Maven in module {@code connect-testkit-broker}. */
final class BrokerClasspath {

    static final String RESOURCE = "dev/sluice/testkit/broker/broker.classpath";

    private BrokerClasspath() {
    }

    /** Reads the class path resource and checks that every listed jar exists. */
    static List<Path> load() {
        ClassLoader loader = BrokerClasspath.class.getClassLoader();
        String text;
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new KafkaClusterException("Resource " + RESOURCE + " is not on the class path: add the"
                        + " dependency dev.sluice:connect-testkit-broker (built with Maven) to use the child-JVM broker");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new KafkaClusterException("Cannot read resource " + RESOURCE, e);
        }
        return parse(text);
    }

    static List<Path> parse(String text) {
        List<Path> jars = new ArrayList<>();
        for (String entry : text.split(":")) {
            if (entry.isBlank()) {
                continue;
            }
            Path jar = Paths.get(entry.trim());
            if (!Files.isRegularFile(jar)) {
                throw new KafkaClusterException("The Kafka broker's class path names " + jar + ", which does not exist;"
                        + " build with Maven first (e.g. 'mvn -pl connect-testkit-broker,connect-testkit verify')"
                        + " so that the broker's jars are resolved into the local repository");
            }
            jars.add(jar);
        }
        if (jars.isEmpty()) {
            throw new KafkaClusterException("Resource " + RESOURCE + " lists no jars; rebuild connect-testkit-broker with Maven");
        }
        return jars;
    }
}
