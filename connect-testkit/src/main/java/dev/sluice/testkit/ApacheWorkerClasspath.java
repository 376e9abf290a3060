package dev.sluice.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Apache Kafka Connect's worker class path, as resolved by Maven in module {@code connect-testkit-apache-worker}. */
final class ApacheWorkerClasspath {

    static final String RESOURCE = "dev/sluice/testkit/apacheworker/apache-worker.classpath";

    private ApacheWorkerClasspath() {
    }

    /** Reads the class path resource and checks that every listed jar exists. */
    static List<Path> load() {
        String text;
        try (InputStream in = ApacheWorkerClasspath.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + RESOURCE + " is not on the class path: add the dependency"
                        + " dev.sluice:connect-testkit-apache-worker (built with Maven) to run Apache's Connect worker");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read resource " + RESOURCE, e);
        }
        List<Path> jars = new ArrayList<>();
        for (String entry : text.split(":")) {
            if (entry.isBlank()) {
                continue;
            }
            Path jar = Paths.get(entry.trim());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("Apache's Connect worker class path names " + jar + ", which does not"
                        + " exist; build with Maven first (e.g. 'mvn -pl connect-testkit -am verify') so that Apache's"
                        + " jars are resolved into the local repository");
            }
            jars.add(jar);
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("Resource " + RESOURCE + " lists no jars; rebuild connect-testkit-apache-worker with Maven");
        }
        return jars;
    }
}
