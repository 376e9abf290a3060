package dev.sluice.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.compat.ApacheClassLoader;
import dev.sluice.compat.ApacheJars;
import dev.sluice.compat.PublicTypes;
import dev.sluice.compat.SurfaceComparison;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.apache.kafka.connect.transforms.util.SimpleConfig;
import org.junit.jupiter.api.Test;

/**
 * Our connect-transforms exposes exactly Apache's 4.3.1 public and protected API, member for member,
 * and registers exactly the same transforms and predicates in its service manifests.
 */
class TransformsApiSurfaceTest {

    private static final List<String> PACKAGE = List.of("org.apache.kafka.connect.transforms.");
    private static final List<String> MANIFESTS = List.of(
        "META-INF/services/org.apache.kafka.connect.transforms.Transformation",
        "META-INF/services/org.apache.kafka.connect.transforms.predicates.Predicate");

    @Test
    void publicSurfaceIsIdenticalToApache() throws IOException {
        Path jar = ApacheJars.fromSystemProperty().jar("connect-transforms");
        try (ApacheClassLoader apache = ApacheClassLoader.forArtifacts("connect-api", "connect-transforms")) {
            // Anchored on a utility class that exists before any transform does; it lives in the same folder.
            SurfaceComparison comparison = SurfaceComparison.compare(PublicTypes.in(jar, apache, PACKAGE),
                PublicTypes.besides(SimpleConfig.class, PACKAGE), apache, getClass().getClassLoader());
            System.out.println(comparison.summary());
            assertTrue(comparison.identical(), comparison.report());
        }
    }

    @Test
    void serviceManifestsListExactlyApachesTransformsAndPredicates() throws IOException, URISyntaxException {
        Path ourClasses = Paths.get(SimpleConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarFile apacheJar = new JarFile(ApacheJars.fromSystemProperty().jar("connect-transforms").toFile())) {
            for (String manifest : MANIFESTS) {
                ZipEntry entry = apacheJar.getEntry(manifest);
                TreeSet<String> theirs;
                try (InputStream in = apacheJar.getInputStream(entry)) {
                    theirs = classNames(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                Path ours = ourClasses.resolve(manifest);
                assertTrue(Files.isRegularFile(ours), "our build output has no " + manifest + " (looked in "
                    + ourClasses + ")");
                assertEquals(theirs, classNames(Files.readString(ours, StandardCharsets.UTF_8)),
                    manifest + " must list exactly Apache's classes");
            }
        }
    }

    /** The class names of a service manifest, without comments and blank lines. */
    private static TreeSet<String> classNames(String manifest) {
        TreeSet<String> names = new TreeSet<>();
        for (String line : manifest.split("\n")) {
            int comment = line.indexOf('#');
            String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }
}
