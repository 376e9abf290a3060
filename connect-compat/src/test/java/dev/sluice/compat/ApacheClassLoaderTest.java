package dev.sluice.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApacheClassLoaderTest {

    @TempDir
    static Path work;
    static Path apacheJar;

    /** Builds a stand-in "Apache" jar whose Greeting differs from ours in behaviour and surface. */
    @BeforeAll
    static void buildFakeApacheJar() throws IOException {
        Path src = work.resolve("src/org/apache/kafka/connect/fixture");
        Files.createDirectories(src);
        Files.writeString(src.resolve("Greeting.java"), String.join("\n",
            "package org.apache.kafka.connect.fixture;",
            "public class Greeting {",
            "  public static final int VERSION = 2;",
            "  public String text() { return \"apache\"; }",
            "  public int size() { return 6; }",
            "}"));
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int exit = javac.run(null, null, null, "-d", classes.toString(), src.resolve("Greeting.java").toString());
        assertEquals(0, exit, "the fixture must compile");
        apacheJar = work.resolve("connect-fixture-4.3.1.jar");
        try (OutputStream file = Files.newOutputStream(apacheJar); JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new JarEntry("org/apache/kafka/connect/fixture/Greeting.class"));
            jar.write(Files.readAllBytes(classes.resolve("org/apache/kafka/connect/fixture/Greeting.class")));
            jar.closeEntry();
        }
    }

    @Test
    void driverLinksAgainstApacheClassesInsideTheIsolatedLoader() throws IOException {
        try (ApacheClassLoader apache = ApacheClassLoader.over(List.of(apacheJar))) {
            Supplier<String> theirs = apache.newDriver(GreetingDriver.class, Supplier.class);
            Supplier<String> ours = new GreetingDriver();
            assertEquals("apache", theirs.get());
            assertEquals("ours", ours.get());
        }
    }

    @Test
    void sharedLibrariesComeFromTheHostAndHiddenPackagesFromTheJars() throws IOException {
        try (ApacheClassLoader apache = ApacheClassLoader.over(List.of(apacheJar))) {
            assertSame(org.junit.jupiter.api.Test.class, apache.apacheClass("org.junit.jupiter.api.Test"),
                "a library of the host is shared, not loaded twice");
            assertNotSame(org.apache.kafka.connect.fixture.Greeting.class,
                apache.apacheClass("org.apache.kafka.connect.fixture.Greeting"));
            assertSame(Supplier.class, apache.apacheClass(Supplier.class.getName()));
            assertThrows(IllegalStateException.class, () -> apache.apacheClass("dev.sluice.runtime.Nothing"));
        }
    }

    @Test
    void surfaceComparisonReportsDifferingConstantsAndMissingMembers() throws IOException {
        try (ApacheClassLoader apache = ApacheClassLoader.over(List.of(apacheJar))) {
            String name = "org.apache.kafka.connect.fixture.Greeting";
            List<String> apacheTypes = PublicTypes.in(apacheJar, apache, List.of("org.apache.kafka.connect."));
            assertEquals(List.of(name), apacheTypes);

            SurfaceComparison result = SurfaceComparison.compare(apacheTypes, List.of(name), apache,
                getClass().getClassLoader());

            assertFalse(result.identical());
            assertEquals(1, result.typeCount());
            assertEquals(1, result.missing().size(), result.report());
            assertTrue(result.missing().get(0).contains("size()int"), result.report());
            assertEquals(1, result.differing().size(), result.report());
            assertTrue(result.differing().get(0).contains("= 2") && result.differing().get(0).contains("= 1"),
                result.report());
            assertTrue(result.summary().startsWith("API surface: 1 types, "), result.summary());
        }
    }

    @Test
    void identicalTypesCompareClean() {
        ClassLoader host = getClass().getClassLoader();
        String name = GreetingDriver.class.getName();
        SurfaceComparison result = SurfaceComparison.compare(List.of(name), List.of(name), host, host);
        assertTrue(result.identical(), result.report());
        assertEquals(result.summary(), "API surface: 1 types, " + result.memberCount() + " members, 0 missing, 0 differing");
    }

    @Test
    void missingJarFolderSaysHowToGetIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> ApacheJars.in(work.resolve("nowhere")).jar("connect-api"));
        assertTrue(e.getMessage().contains("mvn verify"), e.getMessage());
    }
}
