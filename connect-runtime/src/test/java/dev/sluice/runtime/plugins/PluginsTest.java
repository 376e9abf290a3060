package dev.sluice.runtime.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.transforms.predicates.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery over a real plugin.path with every kind of location, in every discovery mode, and the
 * resolution and instantiation of the plugins found.
 */
class PluginsTest {

    private static final String ALPHA_SOURCE = "com.acme.alpha.AlphaSourceConnector";
    private static final String ALPHA_CONVERTER = "com.acme.alpha.AlphaConverter";
    private static final String ALPHA_PROVIDER = "com.acme.alpha.VaultConfigProvider";
    private static final String ALPHA_UNLISTED_PROVIDER = "com.acme.alpha.UnlistedConfigProvider";
    private static final String SHARED_CONVERTER = "com.acme.shared.SharedConverter";
    private static final String BETA_SINK = "com.acme.beta.BetaSinkConnector";
    private static final String BETA_TRANSFORM = "com.acme.beta.BetaTransformation";
    private static final String BETA_PREDICATE = "com.acme.beta.HasBetaPredicate";
    private static final String GAMMA_SOURCE = "com.acme.gamma.GammaSourceConnector";
    private static final String DELTA_CONVERTER = "com.acme.delta.DeltaConverter";
    private static final String DUPLICATE_ONE = "com.acme.one.DuplicateNameConverter";
    private static final String DUPLICATE_TWO = "com.acme.two.DuplicateNameConverter";
    private static final String BYTE_ARRAY_CONVERTER = "org.apache.kafka.connect.converters.ByteArrayConverter";

    @TempDir
    static Path root;

    private static Path pluginDir;
    private static Path deltaJar;
    private static String pluginPath;
    private static Plugins onlyScan;

    @BeforeAll
    static void buildPluginPath() {
        pluginDir = root.resolve("plugins");
        String sharedVersion = "new java.util.Scanner(getClass().getResourceAsStream(\"/shared-version.txt\")).nextLine()";
        new PluginJarBuilder()
            .source(ALPHA_SOURCE, PluginSources.sourceConnector(ALPHA_SOURCE, "1.0.0"))
            .source(ALPHA_CONVERTER, PluginSources.converterAndHeaderConverter(ALPHA_CONVERTER, "1.0.0"))
            .source(SHARED_CONVERTER, PluginSources.converter(SHARED_CONVERTER, sharedVersion, "", ""))
            .source(ALPHA_PROVIDER, PluginSources.configProvider(ALPHA_PROVIDER))
            .source(ALPHA_UNLISTED_PROVIDER, PluginSources.configProvider(ALPHA_UNLISTED_PROVIDER))
            .service(SourceConnector.class, ALPHA_SOURCE)
            .service(Converter.class, ALPHA_CONVERTER, SHARED_CONVERTER, BYTE_ARRAY_CONVERTER)
            .service(HeaderConverter.class, ALPHA_CONVERTER)
            .service(ConfigProvider.class, ALPHA_PROVIDER)
            .resource("shared-version.txt", "1.0\n")
            .writeJar(pluginDir.resolve("alpha.jar"));

        Path beta = pluginDir.resolve("beta");
        Path betaUtil = new PluginJarBuilder()
            .source("com.acme.beta.util.Release", "package com.acme.beta.util; public class Release { public static String number() { return \"2.5\"; } }")
            .writeJar(beta.resolve("lib").resolve("beta-util.jar"));
        new PluginJarBuilder()
            .compileAgainst(betaUtil)
            .source(BETA_SINK, PluginSources.sinkConnector(BETA_SINK, "\" + com.acme.beta.util.Release.number() + \""))
            .source(BETA_TRANSFORM, PluginSources.transformation(BETA_TRANSFORM))
            .source(BETA_PREDICATE, PluginSources.predicate(BETA_PREDICATE))
            .source(SHARED_CONVERTER, PluginSources.converter(SHARED_CONVERTER, sharedVersion, "", ""))
            .service(SinkConnector.class, BETA_SINK)
            .service(Predicate.class, BETA_PREDICATE)
            .service(Converter.class, SHARED_CONVERTER)
            .resource("shared-version.txt", "2.0\n")
            .writeJar(beta.resolve("beta-plugins.jar"));

        new PluginJarBuilder()
            .source(GAMMA_SOURCE, PluginSources.sourceConnector(GAMMA_SOURCE, "3.0"))
            .writeClasses(pluginDir.resolve("gamma"));

        new PluginJarBuilder()
            .source(DUPLICATE_ONE, PluginSources.converter(DUPLICATE_ONE, "1"))
            .source(DUPLICATE_TWO, PluginSources.converter(DUPLICATE_TWO, "1"))
            .service(Converter.class, DUPLICATE_ONE, DUPLICATE_TWO)
            .writeJar(pluginDir.resolve("dups").resolve("dups.jar"));

        deltaJar = new PluginJarBuilder()
            .source(DELTA_CONVERTER, PluginSources.converter(DELTA_CONVERTER, "4.0"))
            .service(Converter.class, DELTA_CONVERTER)
            .writeJar(root.resolve("standalone").resolve("delta.jar"));

        pluginPath = " " + pluginDir + " ,  " + deltaJar + " ";
        onlyScan = discover(PluginDiscoveryMode.ONLY_SCAN);
    }

    @AfterAll
    static void closePlugins() {
        onlyScan.close();
    }

    private static Plugins discover(PluginDiscoveryMode mode) {
        return Plugins.discover(PluginPath.parse(pluginPath), mode);
    }

    private static Set<String> classNames(Plugins plugins, PluginType type) {
        return plugins.descriptors(type).stream().map(PluginDescriptor::className).collect(Collectors.toSet());
    }

    private static PluginDescriptor descriptor(Plugins plugins, String className, PluginType type) {
        return plugins.descriptors(type).stream()
            .filter(d -> d.className().equals(className))
            .findFirst()
            .orElseThrow(() -> new AssertionError(className + " not discovered as " + type + " in " + plugins.descriptors()));
    }

    @Test
    void findsPluginsInSingleJarMultiJarClassFolderAndTopLevelJarLocations() {
        assertEquals(pluginDir.resolve("alpha.jar").toString(), descriptor(onlyScan, ALPHA_SOURCE, PluginType.SOURCE).location());
        assertEquals(pluginDir.resolve("beta").toString(), descriptor(onlyScan, BETA_SINK, PluginType.SINK).location());
        assertEquals(pluginDir.resolve("gamma").toString(), descriptor(onlyScan, GAMMA_SOURCE, PluginType.SOURCE).location());
        assertEquals(deltaJar.toString(), descriptor(onlyScan, DELTA_CONVERTER, PluginType.CONVERTER).location());
    }

    @Test
    void versionComesFromTheInstanceAndMayUseOtherJarsOfTheLocation() {
        assertEquals("1.0.0", descriptor(onlyScan, ALPHA_SOURCE, PluginType.SOURCE).version());
        assertEquals("2.5", descriptor(onlyScan, BETA_SINK, PluginType.SINK).version(), "version read through beta/lib/beta-util.jar");
        assertEquals("3.0", descriptor(onlyScan, GAMMA_SOURCE, PluginType.SOURCE).version());
    }

    @Test
    void classImplementingTwoPluginTypesIsRegisteredUnderEach() {
        assertTrue(classNames(onlyScan, PluginType.CONVERTER).contains(ALPHA_CONVERTER));
        assertTrue(classNames(onlyScan, PluginType.HEADER_CONVERTER).contains(ALPHA_CONVERTER));
    }

    @Test
    void manifestEntryForARuntimeClassIsNotAttributedToThePluginLocation() {
        List<String> locations = onlyScan.descriptors(PluginType.CONVERTER).stream()
            .filter(d -> d.className().equals(BYTE_ARRAY_CONVERTER))
            .map(PluginDescriptor::location)
            .toList();
        assertEquals(List.of("classpath"), locations, "alpha.jar lists ByteArrayConverter but does not define it");
    }

    @Test
    void builtInPluginsOfTheRuntimeClassPathAreDiscoveredWithoutPluginPath() {
        try (Plugins none = Plugins.discover(PluginPath.parse(""), PluginDiscoveryMode.HYBRID_WARN)) {
            assertEquals("classpath", descriptor(none, BYTE_ARRAY_CONVERTER, PluginType.CONVERTER).location());
            assertEquals("classpath", descriptor(none, "org.apache.kafka.connect.storage.StringConverter", PluginType.CONVERTER).location());
            assertSame(none.delegatingLoader(), none.resolve("ByteArray", Converter.class, null).loader(),
                "class-path plugins run with the delegating loader as context loader");
        }
    }

    @Test
    void serviceLoadModeSeesOnlyPluginsListedInManifests() {
        try (Plugins plugins = discover(PluginDiscoveryMode.SERVICE_LOAD)) {
            assertTrue(classNames(plugins, PluginType.SOURCE).contains(ALPHA_SOURCE));
            assertTrue(classNames(plugins, PluginType.SINK).contains(BETA_SINK));
            assertTrue(classNames(plugins, PluginType.PREDICATE).contains(BETA_PREDICATE));
            assertTrue(classNames(plugins, PluginType.CONVERTER).contains(DELTA_CONVERTER));
            assertFalse(classNames(plugins, PluginType.TRANSFORMATION).contains(BETA_TRANSFORM), "no manifest lists BetaTransformation");
            assertFalse(classNames(plugins, PluginType.SOURCE).contains(GAMMA_SOURCE), "gamma has no manifest");
        }
    }

    @Test
    void onlyScanFindsPluginsWithAndWithoutManifests() {
        assertTrue(classNames(onlyScan, PluginType.TRANSFORMATION).contains(BETA_TRANSFORM));
        assertTrue(classNames(onlyScan, PluginType.SOURCE).containsAll(Set.of(GAMMA_SOURCE, ALPHA_SOURCE)));
        assertTrue(classNames(onlyScan, PluginType.PREDICATE).contains(BETA_PREDICATE));
    }

    @Test
    void configProvidersAreFoundThroughManifestsOnlyEvenWhenScanning() {
        Set<String> providers = classNames(onlyScan, PluginType.CONFIGPROVIDER);
        assertTrue(providers.contains(ALPHA_PROVIDER), "listed provider: " + providers);
        assertFalse(providers.contains(ALPHA_UNLISTED_PROVIDER), "unlisted provider must stay invisible: " + providers);
    }

    @Test
    void hybridWarnFindsEverythingAndWarnsAboutPluginsWithoutManifests() {
        try (LogCapture logs = LogCapture.of(PluginDiscovery.class);
             Plugins plugins = discover(PluginDiscoveryMode.HYBRID_WARN)) {
            assertTrue(classNames(plugins, PluginType.TRANSFORMATION).contains(BETA_TRANSFORM));
            assertTrue(classNames(plugins, PluginType.SOURCE).containsAll(Set.of(GAMMA_SOURCE, ALPHA_SOURCE)));
            List<String> warnings = logs.messagesAtLeast(Level.WARN);
            assertTrue(warnings.stream().anyMatch(w -> w.contains(BETA_TRANSFORM) && w.contains(GAMMA_SOURCE)),
                "expected one warning naming the plugins without manifests, got " + warnings);
            assertFalse(warnings.stream().anyMatch(w -> w.contains(ALPHA_SOURCE + " ")), "AlphaSourceConnector has a manifest: " + warnings);
        }
    }

    @Test
    void hybridFailRefusesToStartNamingPluginsWithoutManifests() {
        ConnectException failure = assertThrows(ConnectException.class, () -> discover(PluginDiscoveryMode.HYBRID_FAIL));
        assertTrue(failure.getMessage().contains(BETA_TRANSFORM), failure.getMessage());
        assertTrue(failure.getMessage().contains(GAMMA_SOURCE), failure.getMessage());
    }

    @Test
    void discoveryModeIsParsedIgnoringCase() {
        assertEquals(PluginDiscoveryMode.HYBRID_FAIL, PluginDiscoveryMode.parse("Hybrid_Fail"));
        assertEquals(PluginDiscoveryMode.SERVICE_LOAD, PluginDiscoveryMode.parse(" service_load "));
        assertEquals("only_scan", PluginDiscoveryMode.ONLY_SCAN.toString());
        ConfigException invalid = assertThrows(ConfigException.class, () -> PluginDiscoveryMode.parse("scan_everything"));
        assertTrue(invalid.getMessage().contains("hybrid_warn"), invalid.getMessage());
    }

    @Test
    void simpleAndPrunedNamesAreAliases() {
        Map<String, String> aliases = onlyScan.aliases();
        assertEquals(ALPHA_SOURCE, aliases.get("AlphaSource"));
        assertEquals(ALPHA_SOURCE, aliases.get("AlphaSourceConnector"));
        assertEquals(ALPHA_CONVERTER, aliases.get("Alpha"));
        assertEquals(BETA_TRANSFORM, aliases.get("Beta"), "pruned at the last occurrence of 'Transformation'");
        assertEquals(List.of("AlphaSource", "AlphaSourceConnector"), descriptor(onlyScan, ALPHA_SOURCE, PluginType.SOURCE).aliases());
        assertSame(onlyScan.resolve(ALPHA_SOURCE, Connector.class, null).pluginClass(),
            onlyScan.resolve("AlphaSource", Connector.class, null).pluginClass());
    }

    @Test
    void aliasNamingTwoClassesIsDropped() {
        Map<String, String> aliases = onlyScan.aliases();
        assertFalse(aliases.containsKey("DuplicateNameConverter"), aliases.toString());
        assertFalse(aliases.containsKey("DuplicateName"), aliases.toString());
        PluginNotFoundException notFound = assertThrows(PluginNotFoundException.class,
            () -> onlyScan.newConverter("DuplicateName", null));
        assertTrue(notFound.closeMatches().containsAll(List.of(DUPLICATE_ONE, DUPLICATE_TWO)), notFound.getMessage());
        assertEquals(DUPLICATE_ONE, onlyScan.newConverter(DUPLICATE_ONE, null).getClass().getName());
    }

    @Test
    void converterInTheConnectorsOwnLocationIsPreferred() {
        ClassLoader alpha = onlyScan.connectorLoader("AlphaSource");
        ClassLoader beta = onlyScan.connectorLoader(BETA_SINK);
        assertNotEquals(alpha, beta);
        assertSame(alpha, onlyScan.newConverter(SHARED_CONVERTER, alpha).getClass().getClassLoader());
        assertSame(beta, onlyScan.newConverter("Shared", beta).getClass().getClassLoader());
        assertSame(beta, onlyScan.newConverter(SHARED_CONVERTER, null).getClass().getClassLoader(),
            "without a connector the highest version (2.0, in beta) wins");
        assertSame(beta, onlyScan.newConverter(SHARED_CONVERTER, onlyScan.connectorLoader(GAMMA_SOURCE)).getClass().getClassLoader(),
            "gamma has no copy, so the highest version wins");
    }

    @Test
    void pluginIsConstructedWithItsOwnLoaderAsContextLoaderWhichIsRestoredAfterwards() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Connector connector = onlyScan.newConnector("AlphaSource");
        assertSame(connector.getClass().getClassLoader(), ((Supplier<?>) connector).get());
        assertTrue(connector.getClass().getClassLoader() instanceof PluginClassLoader);
        Object transformation = onlyScan.newTransformation("Beta", null);
        assertSame(transformation.getClass().getClassLoader(), ((Supplier<?>) transformation).get());
        assertSame(before, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void delegatingLoaderRoutesPluginClassNamesToTheirLocation() throws Exception {
        Class<?> viaDelegating = Class.forName(ALPHA_CONVERTER, false, onlyScan.delegatingLoader());
        assertSame(onlyScan.connectorLoader(ALPHA_SOURCE), viaDelegating.getClassLoader());
        assertSame(Converter.class, Class.forName(Converter.class.getName(), false, onlyScan.delegatingLoader()));
    }

    @Test
    void unknownNameFailsWithCloseMatches() {
        PluginNotFoundException notFound = assertThrows(PluginNotFoundException.class, () -> onlyScan.newConnector("AlphaSorce"));
        assertTrue(notFound.getMessage().contains(ALPHA_SOURCE), notFound.getMessage());
        assertEquals("AlphaSorce", notFound.requestedName());
        PluginNotFoundException nothingClose = assertThrows(PluginNotFoundException.class,
            () -> onlyScan.newPredicate("com.example.Zzzzzzzzzzzzzz", null));
        assertTrue(nothingClose.getMessage().contains("plugin.path"), nothingClose.getMessage());
    }

    @Test
    void classOfAnotherTypeIsRejectedWithItsName() {
        ConnectException wrongType = assertThrows(ConnectException.class, () -> onlyScan.newConverter(ALPHA_SOURCE, null));
        assertFalse(wrongType instanceof PluginNotFoundException);
        assertTrue(wrongType.getMessage().contains(ALPHA_SOURCE) && wrongType.getMessage().contains("converter"), wrongType.getMessage());
    }

    @Test
    void missingPluginPathElementIsSkipped() {
        String withMissing = root.resolve("does-not-exist") + "," + deltaJar;
        try (Plugins plugins = Plugins.discover(PluginPath.parse(withMissing), PluginDiscoveryMode.ONLY_SCAN)) {
            assertTrue(classNames(plugins, PluginType.CONVERTER).contains(DELTA_CONVERTER));
        }
    }
}
