package dev.sluice.runtime.storage.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.storage.OffsetCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

class MemoryOffsetStoreTest {

    private final List<MemoryOffsetStore> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(MemoryOffsetStore::stop);
    }

    @Test
    void getAnswersEveryRequestedKeyWithNullForUnknownOnes() throws Exception {
        MemoryOffsetStore store = started(new MemoryOffsetStore());
        store.set(Map.of(bytes("k1"), bytes("v1")), null).get(5, TimeUnit.SECONDS);
        Map<ByteBuffer, ByteBuffer> found = store.get(List.of(bytes("k1"), bytes("k2"))).get(5, TimeUnit.SECONDS);
        Map<ByteBuffer, ByteBuffer> expected = new HashMap<>();
        expected.put(bytes("k1"), bytes("v1"));
        expected.put(bytes("k2"), null);
        assertEquals(expected, found);
    }

    @Test
    void nullValueDeletesTheKey() throws Exception {
        MemoryOffsetStore store = started(new MemoryOffsetStore());
        store.set(Map.of(bytes("k"), bytes("v")), null).get(5, TimeUnit.SECONDS);
        Map<ByteBuffer, ByteBuffer> deletion = new HashMap<>();
        deletion.put(bytes("k"), null);
        store.set(deletion, null).get(5, TimeUnit.SECONDS);
        assertNull(store.get(List.of(bytes("k"))).get(5, TimeUnit.SECONDS).get(bytes("k")));
    }

    @Test
    void storedKeysAreCopiesUnaffectedByTheCallersBuffers() throws Exception {
        MemoryOffsetStore store = started(new MemoryOffsetStore());
        ByteBuffer key = bytes("key");
        store.set(Map.of(key, bytes("v")), null).get(5, TimeUnit.SECONDS);
        key.get();
        assertEquals(bytes("v"), store.get(List.of(bytes("key"))).get(5, TimeUnit.SECONDS).get(bytes("key")));
    }

    @Test
    void callbackIsToldBeforeTheFutureCompletes() throws Exception {
        MemoryOffsetStore store = started(new MemoryOffsetStore());
        List<String> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> written = store.set(Map.of(bytes("k"), bytes("v")), error -> events.add("callback " + error));
        written.thenRun(() -> events.add("future")).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("callback null", "future"), events);
    }

    @Test
    void failedSaveIsUndoneInMemoryAndReported() throws Exception {
        FlakyPersistence persistence = new FlakyPersistence();
        MemoryOffsetStore store = started(new MemoryOffsetStore("flaky", persistence, new OffsetCodec()));
        store.set(Map.of(bytes("k"), bytes("old")), null).get(5, TimeUnit.SECONDS);
        persistence.failing = true;
        List<Throwable> outcomes = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> written = store.set(Map.of(bytes("k"), bytes("new"), bytes("other"), bytes("x")), outcomes::add);
        ExecutionException e = assertThrows(ExecutionException.class, () -> written.get(5, TimeUnit.SECONDS));
        assertEquals("disk full", e.getCause().getMessage());
        assertEquals(1, outcomes.size(), "callback told once");
        Map<ByteBuffer, ByteBuffer> found = store.get(List.of(bytes("k"), bytes("other"))).get(5, TimeUnit.SECONDS);
        assertEquals(bytes("old"), found.get(bytes("k")), "the unsaved update is undone");
        assertNull(found.get(bytes("other")), "the unsaved insert is undone");
    }

    @Test
    void requestsBeforeStartOrAfterStopFailAndStillTellTheCallback() throws Exception {
        MemoryOffsetStore store = new MemoryOffsetStore();
        List<Throwable> outcomes = new CopyOnWriteArrayList<>();
        ExecutionException notStarted = assertThrows(ExecutionException.class,
            () -> store.set(Map.of(bytes("k"), bytes("v")), outcomes::add).get(5, TimeUnit.SECONDS));
        assertTrue(notStarted.getCause().getMessage().contains("not started"), notStarted.getCause().getMessage());
        store.start();
        store.stop();
        ExecutionException stopped = assertThrows(ExecutionException.class,
            () -> store.get(List.of(bytes("k"))).get(5, TimeUnit.SECONDS));
        assertInstanceOf(ConnectException.class, stopped.getCause());
        assertTrue(stopped.getCause().getMessage().contains("stopped"), stopped.getCause().getMessage());
        assertEquals(1, outcomes.size(), "the rejected write's callback was told");
    }

    @Test
    void connectorPartitionsFollowWritesAndIgnoreForeignKeys() throws Exception {
        OffsetCodec codec = new OffsetCodec();
        MemoryOffsetStore store = started(new MemoryOffsetStore());
        Map<ByteBuffer, ByteBuffer> writes = new HashMap<>();
        writes.put(codec.encodeKey("c", Map.of("p", 1)), codec.encodeValue("c", Map.of("o", 1)));
        writes.put(codec.encodeKey("c", Map.of("p", 2)), codec.encodeValue("c", Map.of("o", 2)));
        writes.put(codec.encodeKey("c", null), codec.encodeValue("c", Map.of("o", 3)));
        writes.put(codec.encodeKey("d", Map.of("p", 1)), codec.encodeValue("d", Map.of("o", 1)));
        writes.put(bytes("{\"not\":\"a key\"}"), bytes("{}"));
        store.set(writes, null).get(5, TimeUnit.SECONDS);
        assertEquals(Set.of(Map.of("p", 1L), Map.of("p", 2L)), store.connectorPartitions("c"));
        Map<ByteBuffer, ByteBuffer> deletion = new HashMap<>();
        deletion.put(codec.encodeKey("c", Map.of("p", 1)), null);
        store.set(deletion, null).get(5, TimeUnit.SECONDS);
        assertEquals(Set.of(Map.of("p", 2L)), store.connectorPartitions("c"), "a deleted partition is no longer listed");
        assertEquals(Set.of(Map.of("p", 1L)), store.connectorPartitions("d"));
        assertEquals(Set.of(), store.connectorPartitions("unknown"));
    }

    @Test
    void writesAreAppliedInTheOrderIssued() throws Exception {
        MemoryOffsetStore store = started(new MemoryOffsetStore());
        CompletableFuture<Void> last = null;
        for (int i = 0; i < 200; i++) {
            last = store.set(Map.of(bytes("k"), bytes("v" + i)), null);
        }
        last.get(5, TimeUnit.SECONDS);
        assertEquals(bytes("v199"), store.get(List.of(bytes("k"))).get(5, TimeUnit.SECONDS).get(bytes("k")));
    }

    private MemoryOffsetStore started(MemoryOffsetStore store) {
        store.start();
        started.add(store);
        return store;
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Saves until told to fail. */
    private static final class FlakyPersistence implements OffsetPersistence {
        volatile boolean failing;

        @Override
        public Map<ByteBuffer, ByteBuffer> load() {
            return Map.of();
        }

        @Override
        public void save(Map<ByteBuffer, ByteBuffer> offsets) {
            if (failing) {
                throw new ConnectException("disk full");
            }
        }
    }
}
