package dev.sluice.runtime.converters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.compat.ApacheClassLoader;
import dev.sluice.compat.ApacheJars;
import dev.sluice.compat.PublicTypes;
import dev.sluice.compat.SurfaceComparison;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.junit.jupiter.api.Test;

/** Users name these converters in configuration; their classes must match Apache's exactly. */
class ConvertersApiSurfaceTest {

    private static final List<String> PACKAGES = List.of("org.apache.kafka.connect.converters.");

    @Test
    void convertersPackageMatchesApacheRuntime() throws IOException {
        Path runtimeJar = ApacheJars.fromSystemProperty().jar("connect-runtime");
        try (ApacheClassLoader apache = ApacheClassLoader.forArtifacts("connect-api", "connect-runtime")) {
            SurfaceComparison comparison = SurfaceComparison.compare(
                PublicTypes.in(runtimeJar, apache, PACKAGES),
                PublicTypes.besides(ByteArrayConverter.class, PACKAGES),
                apache, getClass().getClassLoader());
            System.out.println(comparison.summary());
            assertTrue(comparison.identical(), comparison.report());
        }
    }
}
