package dev.sluice.runtime.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.compat.ApacheJars;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class and resource delegation of a plugin loader, including a plugin that bundles Apache's own
 * connect-api jar (as Debezium does) and must still link against the runtime's API classes.
 */
class PluginClassLoaderTest {

    private static final String BUNDLED = "com.acme.bundled.BundledSourceConnector";
    private static final String ONLY_IN_PLUGIN = "org.apache.kafka.connect.sluicetest.OnlyInPlugin";
    private static final String CONVERTER_MANIFEST = "META-INF/services/" + Converter.class.getName();

    @TempDir
    static Path root;

    private static Path location;
    private static Path pluginJar;
    private static Plugins plugins;

    @BeforeAll
    static void buildPluginBundlingTheApi() throws Exception {
        location = root.resolve("plugins").resolve("bundles-api");
        Files.createDirectories(location);
        Files.copy(ApacheJars.fromSystemProperty().jar("connect-api"), location.resolve("connect-api-4.3.1.jar"));
        pluginJar = new PluginJarBuilder()
            .source(BUNDLED, PluginSources.sourceConnector(BUNDLED, "9.9",
                "    public Object get() { return new Object[] {\n"
                    + "        org.apache.kafka.connect.source.SourceConnector.class,\n"
                    + "        org.apache.kafka.connect.data.Schema.class,\n"
                    + "        org.apache.kafka.connect.data.Struct.class,\n"
                    + "        org.apache.kafka.connect.storage.StringConverter.class };\n"
                    + "    }\n"))
            .source(ONLY_IN_PLUGIN, "package org.apache.kafka.connect.sluicetest; public class OnlyInPlugin { }")
            .service(SourceConnector.class, BUNDLED)
            .resource("bundled-only.txt", "mine")
            .writeJar(location.resolve("bundled-connector.jar"));
        plugins = Plugins.discover(PluginPath.parse(root.resolve("plugins").toString()), PluginDiscoveryMode.HYBRID_WARN);
    }

    @AfterAll
    static void close() {
        plugins.close();
    }

    private static PluginClassLoader loader() {
        return (PluginClassLoader) plugins.connectorLoader(BUNDLED);
    }

    @Test
    void pluginBundlingConnectApiStillLinksAgainstTheRuntimesApiClasses() {
        Connector connector = plugins.newConnector("BundledSource");
        Object[] seen = (Object[]) ((Supplier<?>) connector).get();
        assertSame(SourceConnector.class, seen[0], "SourceConnector as the plugin sees it");
        assertSame(Schema.class, seen[1], "Schema as the plugin sees it");
        assertSame(Struct.class, seen[2], "Struct as the plugin sees it");
        assertTrue(connector instanceof SourceConnector, "the connector is a SourceConnector of the runtime");
    }

    @Test
    void bundledCopyOfAnIsolatableApiClassComesFromThePlugin() {
        Connector connector = plugins.newConnector(BUNDLED);
        Class<?> stringConverter = (Class<?>) ((Object[]) ((Supplier<?>) connector).get())[3];
        assertNotSame(StringConverter.class, stringConverter, "StringConverter is child-first");
        assertSame(loader(), stringConverter.getClassLoader());
        assertTrue(Converter.class.isAssignableFrom(stringConverter), "its copy implements the runtime's Converter");
    }

    @Test
    void bundledApiPluginsAreAttributedToTheLocationThatDefinesThem() {
        List<String> locations = plugins.descriptors(PluginType.CONVERTER).stream()
            .filter(d -> d.className().equals(StringConverter.class.getName()))
            .map(PluginDescriptor::location)
            .sorted()
            .toList();
        assertEquals(List.of(location.toString(), "classpath").stream().sorted().toList(), locations);
    }

    @Test
    void parentFirstNameThatOnlyThePluginHasIsLoadedFromThePlugin() throws Exception {
        assertSame(loader(), loader().loadClass(ONLY_IN_PLUGIN).getClassLoader());
        assertSame(String.class, loader().loadClass("java.lang.String"));
    }

    @Test
    void resourcesAreLookedUpInThePluginFirst() throws Exception {
        URL own = loader().getResource(CONVERTER_MANIFEST);
        assertTrue(own.toString().contains("connect-api-4.3.1.jar"), "the location's manifest first: " + own);
        List<URL> all = Collections.list(loader().getResources(CONVERTER_MANIFEST));
        assertTrue(all.get(0).toString().contains(location.toString()), "own resources first: " + all);
        assertTrue(all.stream().anyMatch(u -> !u.toString().contains(location.toString())), "then the parent's: " + all);
        assertTrue(loader().getResource("bundled-only.txt").toString().contains("bundled-connector.jar"));
        URL parentOnly = loader().getResource("org/apache/kafka/connect/converters/ByteArrayConverter.class");
        assertTrue(!parentOnly.toString().contains(location.toString()), "falls back to the runtime: " + parentOnly);
    }

    @Test
    void locationClassPathListsItsArchivesSorted() {
        assertEquals(List.of(location.resolve("bundled-connector.jar"), location.resolve("connect-api-4.3.1.jar")),
            loader().location().classPath());
    }
}
