package dev.sluice.runtime.storage.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.config.StandaloneConfig;
import dev.sluice.runtime.storage.OffsetCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOffsetStoreTest {

    @TempDir
    Path folder;

    private final List<FileOffsetStore> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(FileOffsetStore::stop);
    }

    @Test
    void offsetsSurviveARestart() throws Exception {
        Path file = folder.resolve("offsets.dat");
        FileOffsetStore store = started(file);
        store.set(Map.of(bytes("k1"), bytes("v1"), bytes("k2"), bytes("v2")), null).get(5, TimeUnit.SECONDS);
        store.stop();
        FileOffsetStore reopened = started(file);
        Map<ByteBuffer, ByteBuffer> found = reopened.get(List.of(bytes("k1"), bytes("k2"))).get(5, TimeUnit.SECONDS);
        assertEquals(Map.of(bytes("k1"), bytes("v1"), bytes("k2"), bytes("v2")), found);
    }

    @Test
    void fileIsOneSerializedHashMapOfByteArrays() throws Exception {
        Path file = folder.resolve("offsets.dat");
        started(file).set(Map.of(bytes("k"), bytes("v")), null).get(5, TimeUnit.SECONDS);
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
            Object stored = in.readObject();
            assertEquals(HashMap.class, stored.getClass());
            Map.Entry<?, ?> entry = ((Map<?, ?>) stored).entrySet().iterator().next();
            assertEquals("k", new String((byte[]) entry.getKey(), StandardCharsets.UTF_8));
            assertEquals("v", new String((byte[]) entry.getValue(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void deletionIsSaved() throws Exception {
        Path file = folder.resolve("offsets.dat");
        FileOffsetStore store = started(file);
        store.set(Map.of(bytes("k"), bytes("v")), null).get(5, TimeUnit.SECONDS);
        Map<ByteBuffer, ByteBuffer> deletion = new HashMap<>();
        deletion.put(bytes("k"), null);
        store.set(deletion, null).get(5, TimeUnit.SECONDS);
        store.stop();
        assertNull(started(file).get(List.of(bytes("k"))).get(5, TimeUnit.SECONDS).get(bytes("k")));
    }

    @Test
    void missingAndEmptyFilesAreEmptyStores() throws Exception {
        Path missing = folder.resolve("missing.dat");
        assertNull(started(missing).get(List.of(bytes("k"))).get(5, TimeUnit.SECONDS).get(bytes("k")));
        assertFalse(Files.exists(missing), "nothing is written until the first flush");
        Path empty = Files.createFile(folder.resolve("empty.dat"));
        assertNull(started(empty).get(List.of(bytes("k"))).get(5, TimeUnit.SECONDS).get(bytes("k")));
    }

    @Test
    void configuredFileIsUsed() {
        Map<String, String> props = Map.of("bootstrap.servers", "localhost:9092", "key.converter", "org.apache.kafka.connect.json.JsonConverter",
            "value.converter", "org.apache.kafka.connect.json.JsonConverter",
            StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME, folder.resolve("configured.dat").toString());
        assertEquals(folder.resolve("configured.dat").toAbsolutePath(), new FileOffsetStore(new StandaloneConfig(props)).path());
    }

    @Test
    void strayAndPartialTemporaryFilesLeaveTheOldFileValid() throws Exception {
        Path file = folder.resolve("offsets.dat");
        FileOffsetStore store = started(file);
        store.set(Map.of(bytes("k"), bytes("old")), null).get(5, TimeUnit.SECONDS);
        store.stop();
        // A crash mid-save: the next version was being written to the temporary file and never renamed.
        Path temporary = new OffsetFile(file).temporaryPath();
        byte[] next = serialized(Map.of("k".getBytes(StandardCharsets.UTF_8), "new".getBytes(StandardCharsets.UTF_8)));
        Files.write(temporary, Arrays.copyOf(next, next.length / 2));
        Files.write(folder.resolve("offsets.dat.tmp-stray"), "garbage".getBytes(StandardCharsets.UTF_8));

        FileOffsetStore restarted = started(file);
        assertEquals(bytes("old"), restarted.get(List.of(bytes("k"))).get(5, TimeUnit.SECONDS).get(bytes("k")),
            "the old file is intact and read");
        restarted.set(Map.of(bytes("k"), bytes("newer")), null).get(5, TimeUnit.SECONDS);
        restarted.stop();
        assertFalse(Files.exists(temporary), "the temporary file was renamed over the offset file");
        assertEquals(bytes("newer"), new OffsetFile(file).load().get(bytes("k")));
    }

    @Test
    void failedSaveKeepsTheOldFileAndTheOldOffsets() throws Exception {
        Path file = folder.resolve("offsets.dat");
        FileOffsetStore store = started(file);
        store.set(Map.of(bytes("k"), bytes("old")), null).get(5, TimeUnit.SECONDS);
        Path temporary = new OffsetFile(file).temporaryPath();
        Files.createDirectory(temporary);
        Files.createFile(temporary.resolve("blocker"));
        List<Throwable> outcomes = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> written = store.set(Map.of(bytes("k"), bytes("new")), outcomes::add);
        ExecutionException e = assertThrows(ExecutionException.class, () -> written.get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof ConnectException && e.getCause().getMessage().contains("offsets saved before are intact"),
            String.valueOf(e.getCause()));
        assertEquals(1, outcomes.size(), "callback told of the failure");
        assertEquals(bytes("old"), store.get(List.of(bytes("k"))).get(5, TimeUnit.SECONDS).get(bytes("k")),
            "the store answers what the file holds");
        assertEquals(bytes("old"), new OffsetFile(file).load().get(bytes("k")), "the old file is intact");
    }

    @Test
    void serializedObjectOtherThanAHashMapIsRejectedNamingItsClass() throws Exception {
        Path file = folder.resolve("offsets.dat");
        Files.write(file, serialized(new ArrayList<>(List.of("a"))));
        ConnectException e = assertThrows(ConnectException.class, () -> new OffsetFile(file).load());
        assertTrue(e.getMessage().contains("an instance of java.util.ArrayList"), e.getMessage());
    }

    @Test
    void gadgetInsideAHashMapIsRejectedBeforeItRuns() throws Exception {
        Path file = folder.resolve("offsets.dat");
        Path sideEffect = folder.resolve("gadget-ran");
        HashMap<Object, Object> map = new HashMap<>();
        map.put("k".getBytes(StandardCharsets.UTF_8), new Gadget(sideEffect.toString()));
        Files.write(file, serialized(map));
        ConnectException e = assertThrows(ConnectException.class, () -> started(file));
        assertTrue(e.getMessage().contains("an instance of " + Gadget.class.getName()), e.getMessage());
        assertFalse(Files.exists(sideEffect), "the gadget's readObject must never run");
    }

    @Test
    void hashMapOfOtherTypesIsRejectedNamingTheType() throws Exception {
        Path file = folder.resolve("offsets.dat");
        Files.write(file, serialized(new HashMap<>(Map.of("k", "v"))));
        ConnectException e = assertThrows(ConnectException.class, () -> new OffsetFile(file).load());
        assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
    }

    @Test
    void nestedMapsAreRejected() throws Exception {
        Path file = folder.resolve("offsets.dat");
        HashMap<Object, Object> inner = new HashMap<>(Map.of(new byte[] {1}, new byte[] {2}));
        HashMap<Object, Object> outer = new HashMap<>();
        outer.put(new byte[] {0}, inner);
        Files.write(file, serialized(outer));
        ConnectException e = assertThrows(ConnectException.class, () -> new OffsetFile(file).load());
        assertTrue(e.getMessage().contains("nested 3 levels deep"), e.getMessage());
    }

    @Test
    void partitionsOfTheFileAreListedAfterStart() throws Exception {
        OffsetCodec codec = new OffsetCodec();
        Path file = folder.resolve("offsets.dat");
        FileOffsetStore store = started(file);
        store.set(Map.of(codec.encodeKey("c", Map.of("f", "a")), codec.encodeValue("c", Map.of("pos", 1))), null)
            .get(5, TimeUnit.SECONDS);
        store.stop();
        assertEquals(Set.of(Map.of("f", "a")), started(file).connectorPartitions("c"));
    }

    private FileOffsetStore started(Path file) {
        FileOffsetStore store = new FileOffsetStore(file);
        store.start();
        started.add(store);
        return store;
    }

    private static byte[] serialized(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Stands for a deserialization gadget: reading it has a side effect. */
    static final class Gadget implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String path;

        Gadget(String path) {
            this.path = path;
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            Files.createFile(Path.of(path));
        }
    }
}
