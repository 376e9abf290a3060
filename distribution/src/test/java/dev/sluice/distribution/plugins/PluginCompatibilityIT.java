package dev.sluice.distribution.plugins;

import static dev.sluice.distribution.plugins.TestPlugin.JSON_CONVERTER;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.distribution.ConfigFiles;
import dev.sluice.distribution.WorkerProcess;
import dev.sluice.testkit.KafkaClusterExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real plugin jars, compiled at test time against Apache's connect-api 4.3.1 (Java 17) and 3.0.0 (Java 8) and laid
 * out in a temporary {@code plugin.path} as {@link PluginPathFixture} describes, load and run unchanged in a worker
 * started through {@code bin/connect-standalone.sh}: every connector's records arrive transformed by the SMTs of
 * either API version, a plugin that bundles its own Kafka jars links against the runtime's, a plugin without
 * service manifests is found by scanning, and a bundled old connect-json that cannot link is logged and skipped
 * without harming anything else in the same worker.
 */
class PluginCompatibilityIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final Duration STOP = Duration.ofSeconds(30);
    private static final int COUNT = 5;

    @RegisterExtension
    static KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

    @TempDir
    static Path dir;

    private static PluginPathFixture plugins;
    private static WorkerProcess worker;

    @BeforeAll
    static void startWorkerWithEveryPlugin() {
        plugins = PluginPathFixture.build(dir.resolve("fixture"));
        for (String topic : List.of("pc-modern", "pc-legacy", "pc-probe", "pc-unlisted")) {
            kafka.cluster().createTopic(topic, 1);
        }
        Path home = dir.resolve("hybrid-warn");
        List<Path> connectors = List.of(
            connectorFile(home, "pc-modern-source", Map.of(
                "connector.class", TestPlugin.MODERN_SOURCE,
                "topic", "pc-modern", "count", Integer.toString(COUNT), "prefix", "modern",
                "transforms", "upper",
                "transforms.upper.type", TestPlugin.MODERN_SMT,
                // the runtime's JsonConverter must still be usable while a broken copy sits in plugin.path
                "value.converter", JSON_CONVERTER,
                "value.converter.schemas.enable", "false")),
            connectorFile(home, "pc-legacy-sink", Map.of(
                "connector.class", TestPlugin.LEGACY_SINK,
                "topics", "pc-modern", "file", home.resolve("legacy-sink.txt").toString(),
                "value.converter", JSON_CONVERTER,
                "value.converter.schemas.enable", "false",
                "transforms", "wrap",
                "transforms.wrap.type", TestPlugin.LEGACY_SMT)),
            connectorFile(home, "pc-legacy-source", Map.of(
                "connector.class", TestPlugin.LEGACY_SOURCE,
                "topic", "pc-legacy", "count", Integer.toString(COUNT), "prefix", "legacy",
                "transforms", "wrap",
                "transforms.wrap.type", TestPlugin.LEGACY_SMT,
                "transforms.wrap.left", "<",
                "transforms.wrap.right", ">")),
            connectorFile(home, "pc-modern-sink", Map.of(
                "connector.class", TestPlugin.MODERN_SINK,
                "topics", "pc-legacy", "file", home.resolve("modern-sink.txt").toString(),
                "transforms", "upper",
                "transforms.upper.type", TestPlugin.MODERN_SMT)),
            connectorFile(home, "pc-probe-source", Map.of(
                "connector.class", TestPlugin.PROBE_SOURCE,
                "topic", "pc-probe", "count", Integer.toString(COUNT),
                // an SMT from the location whose bundled connect-json is broken
                "transforms", "prefix",
                "transforms.prefix.type", TestPlugin.PREFIX_SMT,
                "transforms.prefix.prefix", "neighbour:")),
            connectorFile(home, "pc-unlisted-source", Map.of(
                "connector.class", TestPlugin.UNLISTED_SOURCE,
                "topic", "pc-unlisted", "count", Integer.toString(COUNT),
                "transforms", "suffix",
                "transforms.suffix.type", TestPlugin.UNLISTED_SMT,
                "transforms.suffix.suffix", "+scanned")));
        worker = WorkerProcess.startStandalone(home, workerFile(home, "hybrid_warn"), connectors, Map.of());
        worker.awaitLog("Kafka Connect started", STARTUP);
    }

    @AfterAll
    static void stopWorker() {
        if (worker != null) {
            try {
                worker.terminate(STOP);
            } finally {
                worker.close();
            }
        }
    }

    @Test
    void connectorAndSmtCompiledAgainstApache431RunAndFeedTheSinkCompiledAgainst300() {
        assertEquals(numbered("\"MODERN-%d\""), values("pc-modern", worker),
            "the 4.3.1 source's records, upper-cased by the 4.3.1 SMT, written by the runtime's JsonConverter");
        assertEquals(numbered("[MODERN-%d]"), awaitLines("legacy-sink.txt"),
            "the 3.0.0 sink receives every record, wrapped by the 3.0.0 SMT with its default config");
    }

    @Test
    void connectorAndSmtCompiledAgainstApache300RunAndFeedTheSinkCompiledAgainst431() {
        assertEquals(numbered("<legacy-%d>"), values("pc-legacy", worker),
            "the 3.0.0 source's records, wrapped by the configured 3.0.0 SMT");
        assertEquals(numbered("<LEGACY-%d>"), awaitLines("modern-sink.txt"),
            "the 4.3.1 sink receives every record, upper-cased by the 4.3.1 SMT");
    }

    @Test
    void pluginThatBundlesItsOwnKafkaJarsLinksAgainstTheRuntimesClasses() {
        List<ConsumerRecord<String, String>> records = kafka.cluster().consume("pc-probe", COUNT, DELIVERY);
        assertEquals(numbered("neighbour:probe-%d"), records.stream().map(ConsumerRecord::value).toList(),
            "the bundling plugin's records, prefixed by the SMT that sits beside the broken connect-json");
        Path libs = WorkerProcess.distributionDir().resolve("libs");
        for (ConsumerRecord<String, String> record : records) {
            assertEquals("runtime", header(record, "connect-api-loader"),
                "SourceRecord must be the runtime's class, not one loaded child-first from the bundled connect-api-3.0.0.jar");
            assertTrue(Path.of(URI.create(header(record, "connect-api-jar"))).startsWith(libs),
                "SourceRecord must come from the distribution's libs/ (" + libs + "), not from the plugin: "
                    + header(record, "connect-api-jar"));
            assertEquals("4.3.1", header(record, "kafka-clients-version"),
                "the plugin must link against the runtime's kafka-clients, not its bundled 3.0.0 copy");
        }
    }

    @Test
    void pluginWithoutServiceManifestsRunsAndHybridWarnNamesIt() {
        assertEquals(numbered("unlisted-%d+scanned"), values("pc-unlisted", worker),
            "the manifest-less source's records, changed by the manifest-less SMT");
        String warning = lineMatching(worker.log(), "no service manifest");
        assertTrue(warning.contains(TestPlugin.UNLISTED_SOURCE) && warning.contains(TestPlugin.UNLISTED_SMT)
                && warning.contains(plugins.manifestlessDir().toString()),
            "plugin.discovery=hybrid_warn warns about both manifest-less plugins and their location: " + warning);
        assertFalse(warning.contains(TestPlugin.MODERN_SOURCE), "plugins with manifests are not named: " + warning);
    }

    @Test
    void oldConnectJsonThatCannotLinkIsLoggedWithItsLocationAndSkipped() {
        String error = lineMatching(worker.log(), "Skipping plugin " + Pattern.quote(JSON_CONVERTER));
        assertTrue(error.contains(plugins.jsonBundleDir().toString()),
            "the skipped converter's log line names its plugin location " + plugins.jsonBundleDir() + ": " + error);
        assertTrue(error.contains("NoSuchMethodError") && error.contains("mkSet"),
            "the skipped converter's log line names the linkage error: " + error);
        assertTrue(worker.isAlive(), "the worker keeps running");
        // Every other plugin of the worker, including the old converter's neighbour, runs: see the other tests.
    }

    @Test
    void onlyScanFindsAndRunsThePluginWithoutServiceManifestsWithoutWarning() {
        kafka.cluster().createTopic("pc-unlisted-only-scan", 1);
        Path home = dir.resolve("only-scan");
        Path connector = connectorFile(home, "pc-unlisted-only-scan", Map.of(
            "connector.class", TestPlugin.UNLISTED_SOURCE,
            "topic", "pc-unlisted-only-scan", "count", Integer.toString(COUNT),
            "transforms", "suffix",
            "transforms.suffix.type", TestPlugin.UNLISTED_SMT,
            "transforms.suffix.suffix", "+only-scan"));
        try (WorkerProcess onlyScan = WorkerProcess.startStandalone(home, workerFile(home, "only_scan"), List.of(connector), Map.of())) {
            onlyScan.awaitLog("Kafka Connect started", STARTUP);
            assertEquals(numbered("unlisted-%d+only-scan"), values("pc-unlisted-only-scan", onlyScan),
                "with plugin.discovery=only_scan the manifest-less plugins run");
            assertFalse(onlyScan.log().contains("no service manifest"),
                "only_scan does not read manifests, so it must not warn about missing ones");
            onlyScan.terminate(STOP);
        }
    }

    private static Path workerFile(Path home, String discovery) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", kafka.cluster().bootstrapServers());
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("offset.storage.file.filename", home.resolve("offsets").toString());
        props.put("offset.flush.interval.ms", "1000");
        props.put("plugin.path", plugins.pluginPathValue());
        props.put("plugin.discovery", discovery);
        props.put("listeners", "http://localhost:0"); // any free port: workers of other builds may run beside ours
        return ConfigFiles.write(home.resolve("worker.properties"), props);
    }

    private static Path connectorFile(Path home, String name, Map<String, String> settings) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("name", name);
        props.put("tasks.max", "1");
        props.putAll(settings);
        return ConfigFiles.write(home.resolve(name + ".properties"), props);
    }

    /** The values of the first {@link #COUNT} records of {@code topic}; on a timeout, the end of {@code from}'s log is shown. */
    private static List<String> values(String topic, WorkerProcess from) {
        try {
            return kafka.cluster().consume(topic, COUNT, DELIVERY).stream().map(ConsumerRecord::value).toList();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n--- end of the worker's log ---\n" + logTail(from), e);
        }
    }

    private static String logTail(WorkerProcess from) {
        List<String> lines = from.log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static List<String> numbered(String format) {
        return IntStream.range(0, COUNT).mapToObj(i -> String.format(format, i)).toList();
    }

    /** The lines of a sink's file in the hybrid-warn worker's home, once it has {@link #COUNT} complete ones. */
    private static List<String> awaitLines(String fileName) {
        Path file = dir.resolve("hybrid-warn").resolve(fileName);
        StringBuilder text = new StringBuilder();
        await("sink file " + file + " to have " + COUNT + " complete lines").atMost(DELIVERY).pollInterval(Duration.ofMillis(200))
            .until(() -> {
                text.setLength(0);
                text.append(Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "");
                return text.chars().filter(c -> c == '\n').count() >= COUNT && text.charAt(text.length() - 1) == '\n';
            });
        return text.toString().lines().toList();
    }

    private static String header(ConsumerRecord<String, String> record, String key) {
        Header header = record.headers().lastHeader(key);
        assertTrue(header != null, "record " + record.offset() + " of " + record.topic() + " has no header " + key);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String lineMatching(String log, String regex) {
        Pattern pattern = Pattern.compile(regex);
        return log.lines().filter(line -> pattern.matcher(line).find()).findFirst()
            .orElseThrow(() -> new AssertionError("the worker's log has no line matching /" + regex + "/"));
    }
}
