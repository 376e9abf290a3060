package dev.sluice.distribution.plugins;

import java.util.List;

/**
 * The test plugins whose Java sources live in {@code src/test/resources/plugin-sources/<sourceSet>}: the Apache
 * connect-api release each is compiled against, and the {@code --release} it is compiled for. Files of a source set
 * that are not Java sources (service manifests) are packaged as they are.
 */
enum TestPlugin {

    /** A source connector, a sink connector and an SMT built against Apache 4.3.1 for Java 17. */
    MODERN("modern", "4.3.1", 17),
    /** A source connector, a sink connector and an SMT built against Apache 3.0.0 for Java 8. */
    LEGACY("legacy", "3.0.0", 8),
    /** A source connector built against Apache 3.0.0 that is shipped with its own kafka-clients and connect-api jars. */
    BUNDLING("bundling", "3.0.0", 8),
    /** A source connector and an SMT without service manifests, built against Apache 4.3.1 for Java 11. */
    MANIFESTLESS("manifestless", "4.3.1", 11),
    /** An SMT shipped beside an old connect-json jar that cannot link against a 4.x runtime. */
    JSON_BUNDLE("jsonbundle", "4.3.1", 17);

    static final String MODERN_SOURCE = "com.example.modern.CountingSourceConnector";
    static final String MODERN_SINK = "com.example.modern.LineFileSinkConnector";
    static final String MODERN_SMT = "com.example.modern.UpperCaseValue";
    static final String LEGACY_SOURCE = "com.example.legacy.CountingSourceConnector";
    static final String LEGACY_SINK = "com.example.legacy.LineFileSinkConnector";
    static final String LEGACY_SMT = "com.example.legacy.WrapValue";
    static final String PROBE_SOURCE = "com.example.bundling.LoaderProbeSourceConnector";
    static final String UNLISTED_SOURCE = "com.example.manifestless.UnlistedSourceConnector";
    static final String UNLISTED_SMT = "com.example.manifestless.AppendSuffix";
    static final String PREFIX_SMT = "com.example.jsonbundle.PrefixValue";

    /** The old connect-json release bundled by {@link #JSON_BUNDLE}; see {@link PluginPathFixture}. */
    static final String OLD_CONNECT_JSON_VERSION = "2.8.2";
    static final String JSON_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";

    private final String sourceSet;
    private final String apiVersion;
    private final int release;

    TestPlugin(String sourceSet, String apiVersion, int release) {
        this.sourceSet = sourceSet;
        this.apiVersion = apiVersion;
        this.release = release;
    }

    /** The folder name under {@code plugin-sources/}. */
    String sourceSet() {
        return sourceSet;
    }

    /** The Apache Kafka release whose connect-api and kafka-clients the plugin is compiled against. */
    String apiVersion() {
        return apiVersion;
    }

    /** The {@code javac --release} value. */
    int release() {
        return release;
    }

    /** The class file major version that {@link #release()} produces (52 for Java 8, 61 for Java 17). */
    int classFileMajorVersion() {
        return 44 + release;
    }

    /** Every test plugin class that a worker should discover, in no particular order. */
    static List<String> pluginClasses() {
        return List.of(MODERN_SOURCE, MODERN_SINK, MODERN_SMT, LEGACY_SOURCE, LEGACY_SINK, LEGACY_SMT, PROBE_SOURCE,
            UNLISTED_SOURCE, UNLISTED_SMT, PREFIX_SMT);
    }
}
