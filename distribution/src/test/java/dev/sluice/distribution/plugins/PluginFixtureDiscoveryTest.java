package dev.sluice.distribution.plugins;

import static dev.sluice.distribution.plugins.TestPlugin.JSON_CONVERTER;
import static dev.sluice.distribution.plugins.TestPlugin.LEGACY_SINK;
import static dev.sluice.distribution.plugins.TestPlugin.LEGACY_SMT;
import static dev.sluice.distribution.plugins.TestPlugin.LEGACY_SOURCE;
import static dev.sluice.distribution.plugins.TestPlugin.MODERN_SINK;
import static dev.sluice.distribution.plugins.TestPlugin.MODERN_SMT;
import static dev.sluice.distribution.plugins.TestPlugin.MODERN_SOURCE;
import static dev.sluice.distribution.plugins.TestPlugin.PREFIX_SMT;
import static dev.sluice.distribution.plugins.TestPlugin.PROBE_SOURCE;
import static dev.sluice.distribution.plugins.TestPlugin.UNLISTED_SMT;
import static dev.sluice.distribution.plugins.TestPlugin.UNLISTED_SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.sluice.runtime.plugins.PluginDescriptor;
import dev.sluice.runtime.plugins.PluginDiscoveryMode;
import dev.sluice.runtime.plugins.PluginPath;
import dev.sluice.runtime.plugins.PluginType;
import dev.sluice.runtime.plugins.Plugins;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin folders that {@link PluginPathFixture} builds from real Apache API jars are what they claim to be, and
 * the runtime's plugin discovery treats them as Apache 4.3.1 would: every plugin found in its own location, the
 * manifest-less one found by scanning (with a warning in {@code hybrid_warn}, silently in {@code only_scan},
 * not at all in {@code service_load}), the bundled Kafka jars ignored in favour of the runtime's, and the old
 * connect-json converter skipped with its location and linkage error while its neighbour still loads.
 */
class PluginFixtureDiscoveryTest {

    @TempDir
    static Path root;

    private static PluginPathFixture fixture;
    private static Plugins hybridWarn;
    private static Plugins onlyScan;
    private static Plugins serviceLoad;
    private static List<String> hybridWarnProblems;
    private static List<String> onlyScanProblems;

    @BeforeAll
    static void buildAndDiscover() {
        fixture = PluginPathFixture.build(root);
        PluginPath pluginPath = PluginPath.parse(fixture.pluginPathValue());
        try (CapturedLogs logs = new CapturedLogs("dev.sluice.runtime.plugins")) {
            hybridWarn = Plugins.discover(pluginPath, PluginDiscoveryMode.HYBRID_WARN);
            hybridWarnProblems = logs.atLeast(Level.WARN);
        }
        try (CapturedLogs logs = new CapturedLogs("dev.sluice.runtime.plugins")) {
            onlyScan = Plugins.discover(pluginPath, PluginDiscoveryMode.ONLY_SCAN);
            onlyScanProblems = logs.atLeast(Level.WARN);
        }
        serviceLoad = Plugins.discover(pluginPath, PluginDiscoveryMode.SERVICE_LOAD);
    }

    @AfterAll
    static void closeLoaders() {
        for (Plugins plugins : new Plugins[] {hybridWarn, onlyScan, serviceLoad}) {
            if (plugins != null) {
                plugins.close();
            }
        }
    }

    @Test
    void pluginsAreCompiledForTheJavaReleaseOfTheirApacheApiVersion() throws IOException {
        assertEquals(61, majorVersion(fixture.modernJar(), "com/example/modern/CountingSourceTask.class"), "modern plugin: Java 17");
        assertEquals(52, majorVersion(fixture.legacyJar(), "com/example/legacy/CountingSourceTask.class"), "legacy plugin: Java 8");
        assertEquals(52, majorVersion(fixture.bundlingDir().resolve("loader-probe-1.0.jar"),
            "com/example/bundling/LoaderProbeSourceTask.class"), "bundling plugin: Java 8");
        assertEquals(55, majorVersion(fixture.manifestlessDir().resolve("unlisted-plugin-1.0.jar"),
            "com/example/manifestless/UnlistedSourceTask.class"), "manifest-less plugin: Java 11");
    }

    @Test
    void manifestlessPluginJarReallyHasNoServiceManifests() throws IOException {
        try (JarFile jar = new JarFile(fixture.manifestlessDir().resolve("unlisted-plugin-1.0.jar").toFile())) {
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("META-INF/services/")),
                "the manifest-less plugin jar must not list services");
        }
        try (JarFile jar = new JarFile(fixture.modernJar().toFile())) {
            assertTrue(jar.getEntry("META-INF/services/org.apache.kafka.connect.source.SourceConnector") != null,
                "the modern plugin jar lists its source connector");
        }
    }

    @Test
    void hybridWarnFindsEveryTestPluginInItsOwnLocation() {
        assertFound(hybridWarn, MODERN_SOURCE, PluginType.SOURCE, fixture.modernJar(), "1.0-modern");
        assertFound(hybridWarn, MODERN_SINK, PluginType.SINK, fixture.modernJar(), "1.0-modern");
        assertFound(hybridWarn, MODERN_SMT, PluginType.TRANSFORMATION, fixture.modernJar(), "1.0-modern");
        assertFound(hybridWarn, LEGACY_SOURCE, PluginType.SOURCE, fixture.legacyJar(), "1.0-legacy");
        assertFound(hybridWarn, LEGACY_SINK, PluginType.SINK, fixture.legacyJar(), "1.0-legacy");
        assertFound(hybridWarn, LEGACY_SMT, PluginType.TRANSFORMATION, fixture.legacyJar(), "1.0-legacy");
        assertFound(hybridWarn, PROBE_SOURCE, PluginType.SOURCE, fixture.bundlingDir(), "1.0-bundling");
        assertFound(hybridWarn, UNLISTED_SOURCE, PluginType.SOURCE, fixture.manifestlessDir(), "1.0-manifestless");
        assertFound(hybridWarn, UNLISTED_SMT, PluginType.TRANSFORMATION, fixture.manifestlessDir(), "undefined");
        assertFound(hybridWarn, PREFIX_SMT, PluginType.TRANSFORMATION, fixture.jsonBundleDir(), "undefined");
    }

    @Test
    void hybridWarnWarnsAboutThePluginsWithoutManifestsAndOnlyAboutThem() {
        String warning = hybridWarnProblems.stream().filter(m -> m.contains("no service manifest")).findFirst()
            .orElseThrow(() -> new AssertionError("hybrid_warn logs no warning about missing manifests: " + hybridWarnProblems));
        assertTrue(warning.contains(UNLISTED_SOURCE) && warning.contains(UNLISTED_SMT)
                && warning.contains(fixture.manifestlessDir().toString()),
            "the warning names both manifest-less plugins and their location: " + warning);
        for (String listed : List.of(MODERN_SOURCE, LEGACY_SOURCE, PROBE_SOURCE, PREFIX_SMT)) {
            assertFalse(warning.contains(listed), listed + " has a manifest and must not be named: " + warning);
        }
    }

    @Test
    void onlyScanFindsThePluginsWithoutManifestsAndDoesNotWarnAboutManifests() {
        assertFound(onlyScan, UNLISTED_SOURCE, PluginType.SOURCE, fixture.manifestlessDir(), "1.0-manifestless");
        assertFound(onlyScan, UNLISTED_SMT, PluginType.TRANSFORMATION, fixture.manifestlessDir(), "undefined");
        assertFound(onlyScan, LEGACY_SOURCE, PluginType.SOURCE, fixture.legacyJar(), "1.0-legacy");
        assertTrue(onlyScanProblems.stream().noneMatch(m -> m.contains("manifest")),
            "only_scan does not look at manifests, so it must not warn about them: " + onlyScanProblems);
    }

    @Test
    void hybridFailRefusesToStartAndNamesThePluginsWithoutManifests() {
        ConnectException failure = assertThrows(ConnectException.class,
            () -> Plugins.discover(PluginPath.parse(fixture.pluginPathValue()), PluginDiscoveryMode.HYBRID_FAIL).close(),
            "plugin.discovery=hybrid_fail must refuse a plugin.path with plugins that have no manifest");
        assertTrue(failure.getMessage().contains(UNLISTED_SOURCE) && failure.getMessage().contains(UNLISTED_SMT),
            "the failure names the manifest-less plugins: " + failure.getMessage());
    }

    @Test
    void serviceLoadFindsOnlyPluginsWithManifests() {
        assertFound(serviceLoad, MODERN_SOURCE, PluginType.SOURCE, fixture.modernJar(), "1.0-modern");
        assertFound(serviceLoad, LEGACY_SMT, PluginType.TRANSFORMATION, fixture.legacyJar(), "1.0-legacy");
        assertTrue(locationsOf(serviceLoad, UNLISTED_SOURCE).isEmpty() && locationsOf(serviceLoad, UNLISTED_SMT).isEmpty(),
            "service_load must not see the plugins without manifests");
    }

    @Test
    void oldConnectJsonConverterIsSkippedWithItsLocationAndLinkageErrorWhileItsNeighbourLoads() {
        String bundle = fixture.jsonBundleDir().toString();
        for (Plugins plugins : List.of(hybridWarn, onlyScan, serviceLoad)) {
            assertFalse(locationsOf(plugins, JSON_CONVERTER).contains(bundle),
                "the old JsonConverter must not be listed from " + bundle + ": " + locationsOf(plugins, JSON_CONVERTER));
            assertTrue(locationsOf(plugins, JSON_CONVERTER).contains("classpath"), "the runtime's own JsonConverter stays listed");
            assertTrue(locationsOf(plugins, PREFIX_SMT).contains(bundle), "the SMT beside the broken converter still loads");
        }
        assertTrue(hybridWarnProblems.stream().anyMatch(m -> m.contains(JSON_CONVERTER) && m.contains(bundle)
                && m.contains("NoSuchMethodError") && m.contains("mkSet")),
            "the skipped converter is logged with its location and the linkage error: " + hybridWarnProblems);
    }

    @Test
    void bundlingPluginLinksAgainstTheRuntimesKafkaClassesNotItsBundledCopies() throws ClassNotFoundException {
        ClassLoader probeLoader = hybridWarn.connectorLoader(PROBE_SOURCE);
        assertSame(SourceRecord.class, probeLoader.loadClass(SourceRecord.class.getName()),
            "connect-api classes must come from the runtime, not from the bundled connect-api-3.0.0.jar");
        assertSame(AppInfoParser.class, probeLoader.loadClass(AppInfoParser.class.getName()),
            "kafka-clients classes must come from the runtime, not from the bundled kafka-clients-3.0.0.jar");
        assertInstanceOf(SourceConnector.class, hybridWarn.newConnector(PROBE_SOURCE),
            "the bundling plugin's connector is a SourceConnector of the runtime's API");
    }

    @Test
    void transformationsOfBothApiVersionsTransformRecordsInProcess() {
        SourceRecord record = new SourceRecord(null, null, "topic", Schema.STRING_SCHEMA, "value-1");
        Transformation<SourceRecord> upper = hybridWarn.newTransformation(MODERN_SMT, null);
        upper.configure(Map.of());
        assertEquals("VALUE-1", upper.apply(record).value(), "the SMT compiled against 4.3.1 upper-cases the value");
        Transformation<SourceRecord> wrap = hybridWarn.newTransformation(LEGACY_SMT, null);
        wrap.configure(Map.of("left", "<", "right", ">"));
        assertEquals("<value-1>", wrap.apply(record).value(), "the SMT compiled against 3.0.0 wraps the value");
    }

    private static void assertFound(Plugins plugins, String className, PluginType type, Path location, String version) {
        List<PluginDescriptor> matches = plugins.descriptors(type).stream()
            .filter(d -> d.className().equals(className) && d.location().equals(location.toString()))
            .toList();
        assertEquals(1, matches.size(), className + " (" + type + ") must be found once in " + location + "; found in "
            + locationsOf(plugins, className));
        assertEquals(version, matches.get(0).version(), "version of " + className);
    }

    private static List<String> locationsOf(Plugins plugins, String className) {
        return plugins.descriptors().stream().filter(d -> d.className().equals(className))
            .map(PluginDescriptor::location).distinct().toList();
    }

    private static int majorVersion(Path jar, String entry) throws IOException {
        try (JarFile file = new JarFile(jar.toFile());
             InputStream in = file.getInputStream(file.getJarEntry(entry));
             DataInputStream data = new DataInputStream(in)) {
            assertEquals(0xCAFEBABE, data.readInt(), entry + " in " + jar + " is a class file");
            data.readUnsignedShort(); // minor version
            return data.readUnsignedShort();
        }
    }
}
