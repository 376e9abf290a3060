package dev.sluice.runtime.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.storage.Converter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken plugins are logged with their location and class and skipped; discovery goes on and finds the
 * healthy plugins beside them.
 */
class PluginResilienceTest {

    private static final String SURVIVOR = "com.acme.mixed.SurvivorConverter";
    private static final String EXPLODING = "com.acme.faulty.ExplodingConverter";
    private static final String NEEDS_MISSING = "com.acme.faulty.NeedsMissingConnector";
    private static final String MISSING_INTERFACE = "com.acme.faulty.MissingInterfaceConverter";
    private static final String LINK_FAIL = "com.acme.faulty.LinkFailConverter";
    private static final String HEALTHY_CONNECTOR = "com.acme.faulty.HealthyConnector";
    private static final String HEALTHY_CONVERTER = "com.acme.faulty.HealthyConverter";
    private static final String BAD_VERSION = "com.acme.faulty.ThrowingVersionConverter";

    @TempDir
    static Path root;

    private static Path plugins;
    private static Plugins onlyScan;
    private static Plugins serviceLoad;
    private static List<String> problems;

    @BeforeAll
    static void discoverBrokenPlugins() {
        plugins = root.resolve("plugins");
        PluginJarBuilder.writeCorruptArchive(plugins.resolve("corrupt.jar").getParent().toFile().mkdirs()
            ? plugins.resolve("corrupt.jar") : plugins.resolve("corrupt.jar"));
        PluginJarBuilder.writeCorruptArchive(plugins.resolve("mixed").toFile().mkdirs()
            ? plugins.resolve("mixed").resolve("a-corrupt.jar") : plugins.resolve("mixed").resolve("a-corrupt.jar"));
        new PluginJarBuilder()
            .source(SURVIVOR, PluginSources.converter(SURVIVOR, "1"))
            .writeJar(plugins.resolve("mixed").resolve("b-good.jar"));

        Path faulty = plugins.resolve("faulty");
        new PluginJarBuilder()
            .source("com.acme.lib.Lib", "package com.acme.lib; public class Lib { public static String base() { return \"old\"; } }")
            .writeJar(faulty.resolve("lib-old.jar"));
        new PluginJarBuilder()
            .source("com.acme.lib.Lib", "package com.acme.lib; public class Lib {"
                + " public static String base() { return \"new\"; } public static String added() { return \"new\"; } }")
            .source("com.acme.missing.Gone", "package com.acme.missing; public class Gone { }")
            .source("com.acme.missing.GoneApi", "package com.acme.missing; public interface GoneApi { }")
            .omit("com.acme.lib.Lib").omit("com.acme.missing.Gone").omit("com.acme.missing.GoneApi")
            .source(EXPLODING, PluginSources.converter(EXPLODING, "\"1\"", "",
                "    static { explode(); }\n"
                    + "    static void explode() { throw new IllegalStateException(\"static initializer exploded\"); }\n"))
            .source(NEEDS_MISSING, PluginSources.sourceConnector(NEEDS_MISSING, "1",
                "    private final Object gone = new com.acme.missing.Gone();\n"))
            .source(MISSING_INTERFACE, PluginSources.converter(MISSING_INTERFACE, "\"1\"", ", com.acme.missing.GoneApi", ""))
            .source(LINK_FAIL, PluginSources.converter(LINK_FAIL, "\"1\"", "",
                "    private final String added = com.acme.lib.Lib.added();\n"))
            .source(HEALTHY_CONNECTOR, PluginSources.sourceConnector(HEALTHY_CONNECTOR, "\" + com.acme.lib.Lib.base() + \""))
            .source(HEALTHY_CONVERTER, PluginSources.converter(HEALTHY_CONVERTER, "2.0"))
            .source(BAD_VERSION, PluginSources.converter(BAD_VERSION, "(String) explode()", "",
                "    private static Object explode() { throw new UnsupportedOperationException(\"no version\"); }\n"))
            .service(Converter.class, "com.acme.faulty.NotThere", EXPLODING, MISSING_INTERFACE, LINK_FAIL, HEALTHY_CONVERTER, BAD_VERSION)
            .service(SourceConnector.class, NEEDS_MISSING, HEALTHY_CONNECTOR)
            .writeJar(faulty.resolve("faulty.jar"));

        try (LogCapture logs = LogCapture.of("dev.sluice.runtime.plugins")) {
            onlyScan = Plugins.discover(PluginPath.parse(plugins.toString()), PluginDiscoveryMode.ONLY_SCAN);
            serviceLoad = Plugins.discover(PluginPath.parse(plugins.toString()), PluginDiscoveryMode.SERVICE_LOAD);
            problems = logs.messagesAtLeast(Level.WARN);
        }
    }

    @AfterAll
    static void close() {
        onlyScan.close();
        serviceLoad.close();
    }

    private static Set<String> classNames(Plugins plugins) {
        return plugins.descriptors().stream().map(PluginDescriptor::className).collect(Collectors.toSet());
    }

    private static void assertLogged(String... fragments) {
        assertTrue(problems.stream().anyMatch(m -> List.of(fragments).stream().allMatch(m::contains)),
            "expected a warning or error containing " + List.of(fragments) + " in " + problems);
    }

    @Test
    void healthyPluginsBesideBrokenOnesAreFoundInEveryMode() {
        for (Plugins found : List.of(onlyScan, serviceLoad)) {
            assertTrue(classNames(found).containsAll(Set.of(HEALTHY_CONNECTOR, HEALTHY_CONVERTER)), classNames(found).toString());
        }
        assertEquals("old", onlyScan.descriptors(PluginType.SOURCE).stream()
            .filter(d -> d.className().equals(HEALTHY_CONNECTOR)).findFirst().orElseThrow().version());
    }

    @Test
    void corruptArchiveIsSkippedAndTheOtherArchivesOfItsLocationStillLoad() {
        assertTrue(classNames(onlyScan).contains(SURVIVOR));
        assertLogged("a-corrupt.jar", plugins.resolve("mixed").toString());
        assertLogged(plugins.resolve("corrupt.jar").toString());
    }

    @Test
    void pluginWhoseStaticInitializerThrowsIsSkipped() {
        assertFalse(classNames(onlyScan).contains(EXPLODING));
        assertFalse(classNames(serviceLoad).contains(EXPLODING));
        assertLogged(EXPLODING, plugins.resolve("faulty").toString(), "static initializer exploded");
    }

    @Test
    void connectorWhoseConstructorNeedsAMissingClassIsSkipped() {
        assertFalse(classNames(onlyScan).contains(NEEDS_MISSING));
        assertLogged(NEEDS_MISSING, plugins.resolve("faulty").toString(), "NoClassDefFoundError", "com/acme/missing/Gone");
    }

    @Test
    void pluginImplementingAMissingInterfaceIsSkipped() {
        assertFalse(classNames(onlyScan).contains(MISSING_INTERFACE));
        assertFalse(classNames(serviceLoad).contains(MISSING_INTERFACE));
        assertLogged(MISSING_INTERFACE, "com/acme/missing/GoneApi");
    }

    @Test
    void pluginLinkedAgainstANewerLibraryThanItBundlesIsSkipped() {
        assertFalse(classNames(onlyScan).contains(LINK_FAIL));
        assertLogged(LINK_FAIL, plugins.resolve("faulty").toString(), "NoSuchMethodError");
    }

    @Test
    void manifestEntryWithoutAClassIsReportedAndTheFollowingEntriesAreStillRead() {
        assertLogged("com.acme.faulty.NotThere");
        assertTrue(classNames(serviceLoad).contains(HEALTHY_CONVERTER));
    }

    @Test
    void pluginWhoseVersionMethodFailsIsListedWithUndefinedVersion() {
        assertEquals("undefined", onlyScan.descriptors(PluginType.CONVERTER).stream()
            .filter(d -> d.className().equals(BAD_VERSION)).findFirst().orElseThrow().version());
        assertLogged(BAD_VERSION, "no version");
    }
}
