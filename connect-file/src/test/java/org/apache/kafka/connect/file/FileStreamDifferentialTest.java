package org.apache.kafka.connect.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.compat.ApacheClassLoader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs Apache's connect-file 4.3.1 and ours side by side on the same inputs. */
class FileStreamDifferentialTest {

    /** Mixed line endings, empty lines, multi-byte characters and a trailing line without terminator. */
    private static final String CONTENT = "plain\r\n\nlone-cr\rafter\n\r\n"
        + "unicode é€😀 ✓\n"
        + "ascii again\r\n\ttabs and spaces \n"
        + "partial";
    private static final int COMPLETE_LINES = 8;

    private static ApacheClassLoader apache;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadApache() {
        apache = ApacheClassLoader.forArtifacts("connect-api", "connect-file");
    }

    @AfterAll
    static void closeApache() throws Exception {
        apache.close();
    }

    @Test
    void bothReadTheSameLinesAndOnlyPositionsAfterMultiByteCharactersDiffer() throws Exception {
        Path file = dir.resolve("mixed.txt");
        byte[] bytes = CONTENT.getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        Map<String, Object> input = Map.of("file", file.toString(), "records", COMPLETE_LINES, "extraPoll", true);

        List<List<Object>>[] results = runBoth(input);
        List<List<Object>> theirs = results[0];
        List<List<Object>> ours = results[1];

        assertEquals(COMPLETE_LINES, ours.size(), "the trailing partial line is not emitted: " + ours);
        assertEquals(column(theirs, 0), column(ours, 0), "line values");
        assertEquals(column(theirs, 1), column(ours, 1), "source partitions");
        assertEquals(column(theirs, 3), column(ours, 3), "topics");
        assertEquals(column(theirs, 4), column(ours, 4), "value schema types");
        // Ours is the byte position after the line; Apache 4.3.1 counts the UTF-16 chars of that same prefix,
        // which equals it until the first multi-byte character and which its own restart (a byte skip) misreads.
        List<Object> apacheStyle = new ArrayList<>();
        for (Object position : column(ours, 2)) {
            int end = Math.toIntExact((Long) position);
            apacheStyle.add((long) new String(Arrays.copyOf(bytes, end), StandardCharsets.UTF_8).length());
        }
        assertEquals(column(theirs, 2), apacheStyle, "Apache's positions are char counts of our byte prefixes");
        assertEquals(column(theirs, 2).subList(0, 5), column(ours, 2).subList(0, 5),
            "positions agree while the file is ASCII");
    }

    @Test
    void bothResumeAtTheSameLineFromAStoredBytePosition() throws Exception {
        Path file = dir.resolve("resume.txt");
        Files.write(file, CONTENT.getBytes(StandardCharsets.UTF_8));
        long afterUnicodeLine = ("plain\r\n\nlone-cr\rafter\n\r\nunicode é€😀 ✓\n").getBytes(StandardCharsets.UTF_8).length;
        Map<String, Object> input = Map.of("file", file.toString(), "records", 2, "storedPosition", afterUnicodeLine);

        List<List<Object>>[] results = runBoth(input);

        assertEquals(List.of("ascii again", "\ttabs and spaces "), column(results[1], 0));
        assertEquals(results[0], results[1], "same records and offsets after resuming at a byte position");
    }

    @Test
    @SuppressWarnings("unchecked")
    void bothSinksWriteTheSameBytes() throws Exception {
        List<Object> values = Arrays.asList("plain", null, 42, "unicode é€😀", "", "with\nnewline", 3.5, true);
        Path theirs = dir.resolve("apache-sink.txt");
        Path ours = dir.resolve("our-sink.txt");
        Files.writeString(theirs, "existing\n");
        Files.writeString(ours, "existing\n");

        Function<Map<String, Object>, Integer> apacheSink = apache.newDriver(SinkTaskDriver.class, Function.class);
        apacheSink.apply(Map.of("file", theirs.toString(), "values", values));
        new SinkTaskDriver().apply(Map.of("file", ours.toString(), "values", values));

        assertEquals(Files.readString(theirs, StandardCharsets.UTF_8), Files.readString(ours, StandardCharsets.UTF_8));
    }

    @Test
    void connectorConfigDefinitionsEqualApaches() throws Exception {
        assertEquals(describe(apacheConnector("FileStreamSourceConnector", "config")),
            describe(new FileStreamSourceConnector().config()));
        assertEquals(describe(apacheConnector("FileStreamSinkConnector", "config")),
            describe(new FileStreamSinkConnector().config()));
    }

    @Test
    void sourceConnectorDecisionsEqualApaches() throws Exception {
        List<Map<String, String>> configs = List.of(
            Map.of("file", "/f", "topic", "t"),
            Map.of("topic", "t"),
            Map.of("file", "  ", "topic", "t"),
            Map.of("file", "/f", "topic", "a,b"),
            Map.of("file", "/f"),
            Map.of("file", "/f", "topic", ""),
            Map.of("file", "/f", "topic", "t", "batch.size", "x"),
            Map.of("file", "/f", "topic", "t", "batch.size", "-5"));
        for (Map<String, String> config : configs) {
            assertEquals(outcome(apacheConnector("FileStreamSourceConnector", "exactlyOnceSupport", config)),
                outcome(() -> new FileStreamSourceConnector().exactlyOnceSupport(config)), "exactlyOnceSupport " + config);
            assertEquals(outcome(apacheConnector("FileStreamSourceConnector", "startAndTaskConfigs", config)),
                outcome(() -> startAndTaskConfigs(new FileStreamSourceConnector(), config)), "start " + config);
        }
        Map<String, String> valid = Map.of("file", "/f", "topic", "t");
        for (Map<Map<String, ?>, Map<String, ?>> offsets : alteredOffsets()) {
            assertEquals(outcome(apacheConnector("FileStreamSourceConnector", "alterOffsets", valid, offsets)),
                outcome(() -> new FileStreamSourceConnector().alterOffsets(valid, offsets)), "alterOffsets " + offsets);
        }
    }

    private static List<Map<Map<String, ?>, Map<String, ?>>> alteredOffsets() {
        List<Map<Map<String, ?>, Map<String, ?>>> cases = new ArrayList<>();
        cases.add(single(Map.of("filename", "/f"), Map.of("position", 3L)));
        cases.add(single(Map.of("filename", "/other"), null));
        cases.add(single(null, null));
        cases.add(single(null, Map.of("position", 3L)));
        cases.add(single(Map.of("name", "/f"), Map.of("position", 3L)));
        cases.add(single(Map.of("filename", "/f"), Map.of("pos", 3L)));
        cases.add(single(Map.of("filename", "/f"), Map.of("position", 3)));
        cases.add(single(Map.of("filename", "/f"), Collections.singletonMap("position", null)));
        cases.add(single(Map.of("filename", "/f"), Map.of("position", -3L)));
        cases.add(single(Map.of("name", "/f"), Map.of("position", -3L)));
        return cases;
    }

    private static Map<Map<String, ?>, Map<String, ?>> single(Map<String, ?> partition, Map<String, ?> offset) {
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        offsets.put(partition, offset);
        return offsets;
    }

    @SuppressWarnings("unchecked")
    private List<List<Object>>[] runBoth(Map<String, Object> input) throws Exception {
        Function<Map<String, Object>, List<List<Object>>> theirs = apache.newDriver(SourceTaskDriver.class, Function.class);
        CompletableFuture<List<List<Object>>> apacheRun = CompletableFuture.supplyAsync(() -> theirs.apply(input));
        List<List<Object>> ours = new SourceTaskDriver().apply(input);
        return new List[] {apacheRun.get(30, TimeUnit.SECONDS), ours};
    }

    private static List<Object> column(List<List<Object>> rows, int index) {
        return rows.stream().map(row -> row.get(index)).toList();
    }

    private static int startAndTaskConfigs(Object connector, Map<String, String> config) {
        if (connector instanceof FileStreamSourceConnector ours) {
            ours.start(config);
            return ours.taskConfigs(3).size();
        }
        throw new IllegalArgumentException();
    }

    /** Calls a method of a fresh Apache connector, or runs start + taskConfigs(3) for "startAndTaskConfigs". */
    private static Callable apacheConnector(String simpleName, String method, Object... args) throws Exception {
        Class<?> type = apache.apacheClass("org.apache.kafka.connect.file." + simpleName);
        Object connector = type.getDeclaredConstructor().newInstance();
        return () -> {
            if (method.equals("startAndTaskConfigs")) {
                type.getMethod("start", Map.class).invoke(connector, args[0]);
                return ((List<?>) type.getMethod("taskConfigs", int.class).invoke(connector, 3)).size();
            }
            Method target = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(method) && m.getParameterCount() == args.length)
                .findFirst().orElseThrow();
            return target.invoke(connector, args);
        };
    }

    /** Something to run whose result or exception class is compared. */
    @FunctionalInterface
    private interface Callable {
        Object call() throws Exception;
    }

    private static String outcome(Callable call) {
        try {
            Object result = call.call();
            return "returned " + (result instanceof Enum<?> constant ? constant.name() : result);
        } catch (InvocationTargetException e) {
            return "threw " + e.getCause().getClass().getName();
        } catch (Exception e) {
            return "threw " + e.getClass().getName();
        }
    }

    private static Object describe(Object configDef) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (ConfigDef.ConfigKey key : ((ConfigDef) configDef).configKeys().values()) {
            keys.put(key.name, key.type + " default=" + key.defaultValue + " importance=" + key.importance
                + " validator=" + key.validator + " doc=" + key.documentation + " group=" + key.group
                + " order=" + key.orderInGroup + " width=" + key.width + " display=" + key.displayName
                + " dependents=" + key.dependents + " recommender=" + (key.recommender != null)
                + " internal=" + key.internalConfig);
        }
        return keys;
    }

    private static Object describe(Callable call) throws Exception {
        return describe(call.call());
    }
}
