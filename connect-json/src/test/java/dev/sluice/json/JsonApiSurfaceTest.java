package dev.sluice.json;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.compat.ApacheClassLoader;
import dev.sluice.compat.ApacheJars;
import dev.sluice.compat.PublicTypes;
import dev.sluice.compat.SurfaceComparison;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

/** Our connect-json exposes exactly Apache's 4.3.1 public and protected API, member for member. */
class JsonApiSurfaceTest {

    private static final List<String> PACKAGE = List.of("org.apache.kafka.connect.json.");

    @Test
    void publicSurfaceIsIdenticalToApache() throws IOException {
        try (ApacheClassLoader apache = ApacheClassLoader.forArtifacts("connect-api", "connect-json")) {
            List<String> ourTypes = PublicTypes.besides(JsonConverter.class, PACKAGE);
            List<String> apacheTypes = PublicTypes.in(ApacheJars.fromSystemProperty().jar("connect-json"), apache,
                PACKAGE);
            SurfaceComparison comparison = SurfaceComparison.compare(apacheTypes, ourTypes, apache,
                JsonConverter.class.getClassLoader());
            assertTrue(comparison.identical(), comparison.report());
        }
    }
}
