package org.apache.kafka.connect.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.compat.ApacheClassLoader;
import dev.sluice.compat.ApacheJars;
import dev.sluice.compat.PublicTypes;
import dev.sluice.compat.SurfaceComparison;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileApiSurfaceTest {

    private static final List<String> PACKAGE = List.of("org.apache.kafka.connect.file.");

    @Test
    void publicSurfaceEqualsApacheConnectFile() throws Exception {
        Path jar = ApacheJars.fromSystemProperty().jar("connect-file");
        try (ApacheClassLoader apache = ApacheClassLoader.forArtifacts("connect-api", "connect-file")) {
            List<String> apacheTypes = PublicTypes.in(jar, apache, PACKAGE);
            assertEquals(4, apacheTypes.size(), "Apache's connect-file has four public types: " + apacheTypes);

            SurfaceComparison result = SurfaceComparison.compare(apacheTypes,
                PublicTypes.besides(FileStreamSourceConnector.class, PACKAGE), apache, getClass().getClassLoader());

            assertTrue(result.identical(), result.report());
        }
    }
}
