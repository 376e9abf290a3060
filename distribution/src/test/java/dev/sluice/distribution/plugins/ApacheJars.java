package dev.sluice.distribution.plugins;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Apache Kafka's released jars from Maven Central, copied by the build's {@code apache-jars} execution into the
 * folder named by system property {@value #PROPERTY} (surefire and failsafe set it). They are compiled against and
 * bundled into test plugins, never put on this JVM's class path.
 */
final class ApacheJars {

    /** System property naming the folder of the copied jars. */
    static final String PROPERTY = "sluice.apache.jars";

    private final Path folder;

    private ApacheJars(Path folder) {
        this.folder = folder;
    }

    /**
     * The jars of the running build.
     *
     * @throws IllegalStateException if the property is not set or names no folder
     */
    static ApacheJars ofBuild() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank() || !Files.isDirectory(Paths.get(value))) {
            throw new IllegalStateException("System property '" + PROPERTY + "' must name the folder of Apache's jars"
                + " (got '" + value + "'); run the tests through Maven, whose generate-test-resources phase copies them");
        }
        return new ApacheJars(Paths.get(value).toAbsolutePath().normalize());
    }

    /**
     * The jar {@code org.apache.kafka:<artifactId>:<version>}.
     *
     * @throws IllegalStateException if it was not copied (add it to the apache-jars execution of distribution/pom.xml)
     */
    Path jar(String artifactId, String version) {
        Path jar = folder.resolve(artifactId + "-" + version + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Apache jar " + jar + " is missing; list org.apache.kafka:" + artifactId + ":"
                + version + " in the apache-jars execution of distribution/pom.xml");
        }
        return jar;
    }

    /** {@code connect-api} of that Kafka release. */
    Path connectApi(String version) {
        return jar("connect-api", version);
    }

    /** {@code kafka-clients} of that Kafka release. */
    Path kafkaClients(String version) {
        return jar("kafka-clients", version);
    }
}
