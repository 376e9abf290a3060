package dev.sluice.runtime.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.compat.ApacheClassLoader;
import dev.sluice.compat.ApacheJars;
import dev.sluice.compat.PublicTypes;
import dev.sluice.compat.SurfaceComparison;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.apache.kafka.connect.connector.policy.AllConnectorClientConfigOverridePolicy;
import org.junit.jupiter.api.Test;

/** Users name these policies in worker configuration; their classes and manifest must match Apache's. */
class OverridePoliciesApiSurfaceTest {

    private static final List<String> PACKAGES = List.of("org.apache.kafka.connect.connector.policy.");
    private static final String MANIFEST =
        "META-INF/services/org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy";

    @Test
    void policyPackageMatchesApacheRuntime() throws IOException {
        Path runtimeJar = ApacheJars.fromSystemProperty().jar("connect-runtime");
        try (ApacheClassLoader apache = ApacheClassLoader.forArtifacts("connect-api", "connect-runtime")) {
            SurfaceComparison comparison = SurfaceComparison.compare(
                PublicTypes.in(runtimeJar, apache, PACKAGES),
                PublicTypes.besides(AllConnectorClientConfigOverridePolicy.class, PACKAGES),
                apache, getClass().getClassLoader());
            System.out.println(comparison.summary());
            assertTrue(comparison.identical(), comparison.report());
        }
    }

    @Test
    void serviceManifestListsTheSamePoliciesAsApache() throws IOException {
        Path runtimeJar = ApacheJars.fromSystemProperty().jar("connect-runtime");
        List<String> apacheEntries;
        try (JarFile jar = new JarFile(runtimeJar.toFile())) {
            apacheEntries = entries(jar.getInputStream(jar.getEntry(MANIFEST)));
        }
        List<String> ours;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(MANIFEST)) {
            ours = entries(in);
        }
        assertEquals(apacheEntries, ours, "policy service manifest entries");
    }

    private static List<String> entries(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
            .map(String::trim)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();
    }
}
