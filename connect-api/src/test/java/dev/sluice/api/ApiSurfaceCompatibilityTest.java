package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.compat.ApacheClassLoader;
import dev.sluice.compat.ApacheJars;
import dev.sluice.compat.PublicTypes;
import dev.sluice.compat.SurfaceComparison;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.Test;

/**
 * Connector jars compiled against Apache's connect-api 4.3.1 must link against ours: every public
 * type of Apache's jar must exist here with the same kind, supertypes, generic signatures,
 * constructors, methods (bridges included), fields, modifiers and constant values, and we add no
 * public API of our own to Apache's packages.
 */
class ApiSurfaceCompatibilityTest {

    private static final List<String> API_PACKAGES = List.of("org.apache.kafka.connect.");

    @Test
    void publicSurfaceEqualsApacheConnectApi() throws IOException {
        Path apacheJar = ApacheJars.fromSystemProperty().jar("connect-api");
        try (ApacheClassLoader apache = ApacheClassLoader.over(List.of(apacheJar))) {
            List<String> apacheTypes = PublicTypes.in(apacheJar, apache, API_PACKAGES);
            List<String> ourTypes = PublicTypes.besides(Schema.class, API_PACKAGES);

            SurfaceComparison comparison = SurfaceComparison.compare(apacheTypes, ourTypes, apache,
                getClass().getClassLoader());

            System.out.println(comparison.summary());
            assertTrue(comparison.identical(), comparison.report());
            assertEquals(71, apacheTypes.size(), "Apache connect-api 4.3.1 has 71 public types: " + apacheTypes);
        }
    }
}
