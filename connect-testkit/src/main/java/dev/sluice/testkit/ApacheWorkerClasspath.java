package dev.sluice.testkit;

import java.nio.file.Path;
import java.util.List;

/** Apache Kafka Connect's worker class path, as resolved by Maven in module {@code connect-testkit-apache-worker}. */
final class ApacheWorkerClasspath {

    static final String RESOURCE = "dev/sluice/testkit/apacheworker/apache-worker.classpath";

    private static final ClasspathResource CLASSPATH = new ClasspathResource(RESOURCE, "Apache's Connect worker",
        "connect-testkit-apache-worker", IllegalStateException::new);

    private ApacheWorkerClasspath() {
    }

    /** Reads the class path resource and checks that every listed jar exists. */
    static List<Path> load() {
        return CLASSPATH.load();
    }
}
