package dev.sluice.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Locates Apache Kafka's released jars that the build copied for differential tests and benchmarks.
 *
 * <p>Each module that compares itself with Apache binds the {@code apache-jars} execution of
 * {@code maven-dependency-plugin} in its pom; the jars land in {@code target/apache-jars} and the
 * test JVM learns the folder from the system property {@value #DIRECTORY_PROPERTY}. The jars are
 * never on the test class path, where their classes would shadow ours.
 */
public final class ApacheJars {

    /** System property naming the folder that holds the copied jars. */
    public static final String DIRECTORY_PROPERTY = "sluice.apache.jars";

    private final Path directory;

    private ApacheJars(Path directory) {
        this.directory = directory;
    }

    /** The folder named by {@value #DIRECTORY_PROPERTY}, or {@code target/apache-jars} when unset. */
    public static ApacheJars fromSystemProperty() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        return in(configured != null ? Paths.get(configured) : Paths.get("target", "apache-jars"));
    }

    /** The jars in the given folder. */
    public static ApacheJars in(Path directory) {
        return new ApacheJars(Objects.requireNonNull(directory, "directory"));
    }

    /** The folder this instance reads. */
    public Path directory() {
        return directory;
    }

    /**
     * The jar of each named artifact ({@code connect-api}, {@code connect-json}, ...), in the order given.
     *
     * @throws IllegalStateException if an artifact's jar is not in the folder
     */
    public List<Path> jars(String... artifactIds) {
        List<Path> found = new ArrayList<>();
        for (String artifactId : artifactIds) {
            found.add(jar(artifactId));
        }
        return found;
    }

    /**
     * The jar of one artifact: the single file named {@code <artifactId>-<version>.jar}.
     *
     * @throws IllegalStateException if it is missing or ambiguous
     */
    public Path jar(String artifactId) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("No folder of Apache jars at " + directory.toAbsolutePath()
                + ": run the tests through Maven (mvn verify), whose 'apache-jars' execution copies them there,"
                + " or set -D" + DIRECTORY_PROPERTY + "=<folder>");
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> matches = files
                .filter(p -> isJarOf(p.getFileName().toString(), artifactId))
                .sorted()
                .toList();
            if (matches.size() != 1) {
                throw new IllegalStateException("Expected exactly one jar of '" + artifactId + "' in "
                    + directory.toAbsolutePath() + " but found " + matches
                    + ": add it to the module's 'apache-jars' artifactItems");
            }
            return matches.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory.toAbsolutePath(), e);
        }
    }

    private static boolean isJarOf(String fileName, String artifactId) {
        if (!fileName.endsWith(".jar") || !fileName.startsWith(artifactId + "-")) {
            return false;
        }
        // "connect-api-4.3.1.jar" is connect-api's, "connect-api-extra-1.0.jar" is not.
        char first = fileName.charAt(artifactId.length() + 1);
        return Character.isDigit(first);
    }
}
