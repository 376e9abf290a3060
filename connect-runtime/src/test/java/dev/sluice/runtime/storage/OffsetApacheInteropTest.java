package dev.sluice.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.compat.ApacheClassLoader;
import dev.sluice.runtime.storage.file.FileOffsetStore;
import dev.sluice.runtime.storage.file.OffsetFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offset files and offset bytes are exchanged with Apache Kafka Connect 4.3.1 itself: its
 * {@code FileOffsetBackingStore} + {@code OffsetStorageWriter} write a file that our store and reader read
 * (and the raw keys and values are byte-identical to what our codec produces), and a file our writer writes
 * is read by Apache's store and {@code OffsetStorageReaderImpl} with the same result (see {@link ApacheOffsetDriver}).
 */
class OffsetApacheInteropTest {

    private static final String CONNECTOR = "file-source";

    private static ApacheClassLoader apache;
    private static Function<List<Object>, Object> theirs;

    private final OffsetCodec codec = new OffsetCodec();

    @TempDir
    Path folder;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void loadApache() {
        apache = ApacheClassLoader.forArtifacts("connect-api", "connect-runtime", "connect-json", "connect-transforms");
        theirs = apache.newDriver(ApacheOffsetDriver.class, Function.class);
    }

    @AfterAll
    static void closeApache() throws Exception {
        apache.close();
    }

    @Test
    void fileWrittenByApacheIsReadByOursWithIdenticalBytes() throws Exception {
        Path file = folder.resolve("apache.offsets");
        Map<Map<String, Object>, Map<String, Object>> written = sampleOffsets();
        theirs.apply(List.of("write", file.toString(), CONNECTOR, pairs(written)));

        Map<ByteBuffer, ByteBuffer> raw = new OffsetFile(file).load();
        for (Map.Entry<Map<String, Object>, Map<String, Object>> entry : written.entrySet()) {
            ByteBuffer key = codec.encodeKey(CONNECTOR, entry.getKey());
            if (entry.getValue() == null) {
                assertNull(raw.get(key), "a deleted offset must not be stored: " + text(key));
                continue;
            }
            assertTrue(raw.containsKey(key), "Apache's file has no key byte-identical to ours: " + text(key) + " in " + texts(raw));
            assertEquals(text(codec.encodeValue(CONNECTOR, entry.getValue())), text(raw.get(key)),
                "stored value bytes of " + text(key) + " differ from ours");
        }

        FileOffsetStore store = new FileOffsetStore(file);
        store.start();
        try (ConnectorOffsetReader reader = new ConnectorOffsetReader(store, CONNECTOR, codec)) {
            List<Map<String, Object>> partitions = new ArrayList<>(written.keySet());
            List<?> apacheRead = (List<?>) theirs.apply(List.of("read", file.toString(), CONNECTOR, partitions));
            assertEquals(apacheRead.get(0), new HashMap<>(reader.offsets(partitions)),
                "our reader must return what Apache's reader returns for Apache's file");
            assertEquals(expectedReadBack(), new HashMap<>(reader.offsets(partitions)), "offsets read back from Apache's file");
            assertEquals(new HashSet<>((List<?>) apacheRead.get(1)), store.connectorPartitions(CONNECTOR),
                "listed partitions of Apache's file differ from Apache's listing");
        } finally {
            store.stop();
        }
    }

    @Test
    void fileWrittenByOursIsReadByApache() throws Exception {
        Path file = folder.resolve("ours.offsets");
        FileOffsetStore store = new FileOffsetStore(file);
        store.start();
        SourceOffsetWriter writer = new SourceOffsetWriter(store, CONNECTOR, codec);
        sampleOffsets().forEach(writer::offset);
        assertTrue(writer.beginFlush(), "offsets were staged");
        writer.doFlush(null).get(10, TimeUnit.SECONDS);
        store.stop();

        List<Map<String, Object>> partitions = new ArrayList<>(sampleOffsets().keySet());
        List<?> apacheRead = (List<?>) theirs.apply(List.of("read", file.toString(), CONNECTOR, partitions));
        assertEquals(expectedReadBack(), apacheRead.get(0), "Apache's reader over our file");
        assertEquals(expectedPartitions(), new HashSet<>((List<?>) apacheRead.get(1)), "Apache's partition listing of our file");
    }

    @Test
    void bothWorkersKeepUpdatingTheSameFile() throws Exception {
        Path file = folder.resolve("shared.offsets");
        Map<String, Object> first = Map.of("file", "a");
        Map<String, Object> second = Map.of("file", "b");
        theirs.apply(List.of("write", file.toString(), CONNECTOR, List.of(Arrays.asList(first, Map.of("pos", 1)))));

        FileOffsetStore store = new FileOffsetStore(file);
        store.start();
        SourceOffsetWriter writer = new SourceOffsetWriter(store, CONNECTOR, codec);
        writer.offset(second, Map.of("pos", 2));
        writer.beginFlush();
        writer.doFlush(null).get(10, TimeUnit.SECONDS);
        store.stop();

        theirs.apply(List.of("write", file.toString(), CONNECTOR, List.of(Arrays.asList(first, Map.of("pos", 3)))));

        FileOffsetStore reopened = new FileOffsetStore(file);
        reopened.start();
        try (ConnectorOffsetReader reader = new ConnectorOffsetReader(reopened, CONNECTOR, codec)) {
            assertEquals(Map.of("pos", 3L), reader.offset(first), "Apache's last update of partition a");
            assertEquals(Map.of("pos", 2L), reader.offset(second), "our update of partition b, kept by Apache's rewrite");
        } finally {
            reopened.stop();
        }
    }

    @Test
    void codecBytesMatchApacheJsonConverter() {
        List<Object> samples = new ArrayList<>();
        for (Map<String, Object> partition : sampleOffsets().keySet()) {
            samples.add(Arrays.asList(CONNECTOR, partition));
        }
        sampleOffsets().values().stream().filter(v -> v != null).forEach(samples::add);
        for (Object sample : samples) {
            byte[] apacheBytes = (byte[]) theirs.apply(Arrays.asList("json", sample));
            byte[] ours = sample instanceof List<?> list
                ? ByteBuffers.toArray(codec.encodeKey((String) list.get(0), castPartition(list.get(1))))
                : ByteBuffers.toArray(codec.encodeValue(CONNECTOR, castPartition(sample)));
            assertArrayEquals(apacheBytes, ours, "bytes for " + sample + ": Apache "
                + new String(apacheBytes, StandardCharsets.UTF_8) + " / ours " + new String(ours, StandardCharsets.UTF_8));
        }
    }

    @Test
    void validationAcceptsAndRejectsWhatApacheDoes() {
        org.apache.kafka.connect.data.Schema schema = org.apache.kafka.connect.data.SchemaBuilder.struct()
            .field("f", org.apache.kafka.connect.data.Schema.INT32_SCHEMA).build();
        List<Object> values = Arrays.asList(1, 2L, (short) 3, (byte) 4, 1.5f, 2.5, true, "s", new byte[] {1},
            ByteBuffer.wrap(new byte[] {2}), null, List.of(1), Map.of("x", 1), new java.math.BigDecimal("1.5"),
            new org.apache.kafka.connect.data.Struct(schema).put("f", 1), new Object(), 'c', new java.util.Date(0));
        List<String> differences = new ArrayList<>();
        for (Object value : values) {
            Map<String, Object> offset = new HashMap<>();
            offset.put("field", value);
            differences.addAll(compareValidation(offset));
        }
        Map<Object, Object> nonStringKey = new HashMap<>();
        nonStringKey.put(1, "x");
        differences.addAll(compareValidation(nonStringKey));
        differences.addAll(compareValidation("not a map"));
        differences.addAll(compareValidation(null));
        assertEquals(List.of(), differences, "values whose acceptance differs from Apache's OffsetUtils.validateFormat");
    }

    private static List<String> compareValidation(Object value) {
        String apacheOutcome = (String) theirs.apply(Arrays.asList("validate", value));
        String ourOutcome;
        try {
            OffsetFormat.validate("Source offset", value);
            ourOutcome = "ok";
        } catch (RuntimeException e) {
            ourOutcome = e.getClass().getSimpleName();
        }
        return apacheOutcome.equals(ourOutcome) ? List.of() : List.of(value + ": Apache " + apacheOutcome + " / ours " + ourOutcome);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castPartition(Object value) {
        return (Map<String, Object>) value;
    }

    /** Partitions and offsets of every primitive type, entry order significant, plus a null partition and a deletion. */
    private static Map<Map<String, Object>, Map<String, Object>> sampleOffsets() {
        Map<Map<String, Object>, Map<String, Object>> offsets = new LinkedHashMap<>();
        offsets.put(Map.of("filename", "/var/log/app.log"), Map.of("position", 42));
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("zeta", "last-first");
        ordered.put("alpha", 7);
        ordered.put("unicode", "caf\u00e9 \"q\" \\ \u2603");
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("long", Long.MAX_VALUE);
        typed.put("short", (short) 3);
        typed.put("byte", (byte) -4);
        typed.put("float", 1.5f);
        typed.put("double", 0.1);
        typed.put("bool", true);
        typed.put("bytes", new byte[] {1, 2, 3});
        typed.put("none", null);
        offsets.put(ordered, typed);
        offsets.put(null, Map.of("heartbeat", 1));
        offsets.put(Map.of("table", "deleted"), null);
        return offsets;
    }

    /** What a reader returns for {@link #sampleOffsets()}: integers as Long, floats as Double, bytes as base64. */
    private static Map<Map<String, Object>, Map<String, Object>> expectedReadBack() {
        Map<Map<String, Object>, Map<String, Object>> expected = new HashMap<>();
        List<Map<String, Object>> partitions = new ArrayList<>(sampleOffsets().keySet());
        expected.put(partitions.get(0), Map.of("position", 42L));
        Map<String, Object> typed = new HashMap<>();
        typed.put("long", Long.MAX_VALUE);
        typed.put("short", 3L);
        typed.put("byte", -4L);
        typed.put("float", 1.5);
        typed.put("double", 0.1);
        typed.put("bool", true);
        typed.put("bytes", "AQID");
        typed.put("none", null);
        expected.put(partitions.get(1), typed);
        // The null partition is stored (see the raw bytes) but, as in Apache's reader, cannot be looked up.
        expected.put(partitions.get(3), null);
        return expected;
    }

    /** The partitions listed for the connector: the null partition and the deleted one are not. */
    private static Set<Map<String, Object>> expectedPartitions() {
        List<Map<String, Object>> partitions = new ArrayList<>(sampleOffsets().keySet());
        Map<String, Object> second = new HashMap<>(partitions.get(1));
        second.put("alpha", 7L);
        return Set.of(partitions.get(0), second);
    }

    private static List<List<Map<String, Object>>> pairs(Map<Map<String, Object>, Map<String, Object>> offsets) {
        List<List<Map<String, Object>>> pairs = new ArrayList<>();
        offsets.forEach((partition, offset) -> pairs.add(Arrays.asList(partition, offset)));
        return pairs;
    }

    private static String text(ByteBuffer bytes) {
        return bytes == null ? null : new String(ByteBuffers.toArray(bytes), StandardCharsets.UTF_8);
    }

    private static List<String> texts(Map<ByteBuffer, ByteBuffer> raw) {
        List<String> texts = new ArrayList<>();
        raw.forEach((key, value) -> texts.add(text(key) + "=" + text(value)));
        return texts;
    }
}
