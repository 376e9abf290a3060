package dev.sluice.distribution.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A {@code plugin.path} folder built at test time from the {@link TestPlugin} sources, with the layouts real plugins
 * are installed in:
 *
 * <pre>
 * plugins/                                  the plugin.path element
 *   modern-plugin-1.0.jar                   (a) one top-level jar: Apache 4.3.1 API, Java 17 bytecode
 *   legacy-plugin-1.0.jar                   (a) one top-level jar: Apache 3.0.0 API, Java 8 bytecode
 *   loader-probe/                           (b) a plugin folder that ships its own Kafka jars, as Debezium does:
 *     loader-probe-1.0.jar                      the connector (Apache 3.0.0 API, Java 8)
 *     connect-api-3.0.0.jar, kafka-clients-3.0.0.jar
 *   unlisted-plugin/                        (c) a plugin folder whose jar has no META-INF/services manifests
 *     unlisted-plugin-1.0.jar
 *   json-bundle/                            (d) a plugin folder with a healthy SMT and an old connect-json
 *     prefix-value-1.0.jar
 *     connect-json-2.8.2.jar
 * </pre>
 *
 * <p>Why connect-json 2.8.2 cannot link: its {@code JsonConverter} constructor calls
 * {@code org.apache.kafka.common.utils.Utils.mkSet(Object[])}, which kafka-clients 4.0 removed. The converter class is
 * isolated (loaded from the bundled jar, child-first) while {@code Utils} comes from the runtime's kafka-clients
 * 4.3.1, so instantiating it throws {@code NoSuchMethodError}; found by experiment (3.0.0 fails the same way, while
 * 0.10.2.2, 0.11.0.3 and 1.1.1 still link and would load).
 *
 * @param pluginPath     the {@code plugin.path} value (one folder)
 * @param modernJar      location (a), Apache 4.3.1 API
 * @param legacyJar      location (a), Apache 3.0.0 API
 * @param bundlingDir    location (b)
 * @param manifestlessDir location (c)
 * @param jsonBundleDir  location (d)
 */
record PluginPathFixture(Path pluginPath, Path modernJar, Path legacyJar, Path bundlingDir, Path manifestlessDir,
                         Path jsonBundleDir) {

    private static final String SOURCES_RESOURCE = "/plugin-sources/";

    /**
     * Compiles and packages every test plugin under {@code root} ({@code root/plugins} is the plugin path,
     * {@code root/build} holds class files).
     */
    static PluginPathFixture build(Path root) {
        ApacheJars apache = ApacheJars.ofBuild();
        PluginCompiler compiler = new PluginCompiler(apache);
        Path plugins = root.resolve("plugins");
        Path build = root.resolve("build");

        Path modern = packagePlugin(compiler, TestPlugin.MODERN, build, plugins.resolve("modern-plugin-1.0.jar"));
        Path legacy = packagePlugin(compiler, TestPlugin.LEGACY, build, plugins.resolve("legacy-plugin-1.0.jar"));

        Path bundling = plugins.resolve("loader-probe");
        packagePlugin(compiler, TestPlugin.BUNDLING, build, bundling.resolve("loader-probe-1.0.jar"));
        copy(apache.connectApi("3.0.0"), bundling);
        copy(apache.kafkaClients("3.0.0"), bundling);

        Path manifestless = plugins.resolve("unlisted-plugin");
        packagePlugin(compiler, TestPlugin.MANIFESTLESS, build, manifestless.resolve("unlisted-plugin-1.0.jar"));

        Path jsonBundle = plugins.resolve("json-bundle");
        packagePlugin(compiler, TestPlugin.JSON_BUNDLE, build, jsonBundle.resolve("prefix-value-1.0.jar"));
        copy(apache.jar("connect-json", TestPlugin.OLD_CONNECT_JSON_VERSION), jsonBundle);

        return new PluginPathFixture(plugins, modern, legacy, bundling, manifestless, jsonBundle);
    }

    /** The {@code plugin.path} setting's value. */
    String pluginPathValue() {
        return pluginPath.toString();
    }

    private static Path packagePlugin(PluginCompiler compiler, TestPlugin plugin, Path build, Path jar) {
        Path sources = sourcesOf(plugin);
        Path classes = compiler.compile(plugin, sources, build.resolve(plugin.sourceSet()));
        return PluginArchive.write(jar, classes, sources, plugin.sourceSet() + " test plugin");
    }

    private static Path sourcesOf(TestPlugin plugin) {
        String name = SOURCES_RESOURCE + plugin.sourceSet();
        URL url = PluginPathFixture.class.getResource(name);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("Test plugin sources " + name + " are not a folder on the test class path (" + url + ")");
        }
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Test plugin sources " + name + " have no path: " + url, e);
        }
    }

    private static void copy(Path jar, Path folder) {
        try {
            Files.createDirectories(folder);
            Files.copy(jar, folder.resolve(jar.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + jar + " into plugin folder " + folder, e);
        }
    }
}
