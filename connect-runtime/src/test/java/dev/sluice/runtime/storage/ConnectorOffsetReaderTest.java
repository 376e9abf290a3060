package dev.sluice.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectorOffsetReaderTest {

    private final OffsetCodec codec = new OffsetCodec();
    private final HeldOffsetStore store = new HeldOffsetStore();
    private final ConnectorOffsetReader reader = new ConnectorOffsetReader(store, "conn", codec);

    @AfterEach
    void stop() {
        reader.close();
        store.stop();
    }

    @Test
    void returnsStoredOffsetsAndNullForPartitionsWithout() throws Exception {
        store(Map.of("file", "a"), Map.of("pos", 5));
        Map<Map<String, Object>, Map<String, Object>> found = reader.offsets(List.of(Map.of("file", "a"), Map.of("file", "b")));
        Map<Map<String, Object>, Map<String, Object>> expected = new HashMap<>();
        expected.put(Map.of("file", "a"), Map.of("pos", 5L));
        expected.put(Map.of("file", "b"), null);
        assertEquals(expected, found);
        assertEquals(Map.of("pos", 5L), reader.offset(Map.of("file", "a")));
        assertNull(reader.offset(Map.of("file", "b")), "no offset stored for b");
    }

    @Test
    void seesOnlyItsOwnConnectorsOffsets() throws Exception {
        SourceOffsetWriter other = new SourceOffsetWriter(store, "other", codec);
        other.offset(Map.of("file", "a"), Map.of("pos", 9));
        other.beginFlush();
        other.doFlush(null).get(5, TimeUnit.SECONDS);
        assertNull(reader.offset(Map.of("file", "a")), "connector 'other' has the offset, not 'conn'");
    }

    @Test
    void partitionThatCannotBeSerializedIsLeftOutWhileOthersAreAnswered() throws Exception {
        store(Map.of("file", "a"), Map.of("pos", 1));
        Map<String, Object> invalid = Map.of("nested", Map.of("x", 1));
        Map<Map<String, Object>, Map<String, Object>> found = reader.offsets(List.of(invalid, Map.of("file", "a")));
        assertEquals(Map.of(Map.of("file", "a"), Map.of("pos", 1L)), found);
    }

    @Test
    void nullPartitionIsNotLookedUpAsInApache() throws Exception {
        store(null, Map.of("pos", 1));
        store(Map.of("file", "a"), Map.of("pos", 2));
        Map<Map<String, Object>, Map<String, Object>> found = reader.offsets(java.util.Arrays.asList(null, Map.of("file", "a")));
        assertEquals(Map.of(Map.of("file", "a"), Map.of("pos", 2L)), found, "the null partition is left out");
        assertNull(reader.offset(null));
    }

    @Test
    void storedOffsetThatIsNotAnObjectIsLeftOut() throws Exception {
        store.set(Map.of(codec.encodeKey("conn", Map.of("file", "a")), ByteBuffer.wrap("[1]".getBytes(StandardCharsets.UTF_8))), null)
            .get(5, TimeUnit.SECONDS);
        assertFalse(reader.offsets(List.of(Map.of("file", "a"))).containsKey(Map.of("file", "a")),
            "an unreadable offset is not returned");
    }

    @Test
    void closingFailsALookupInFlightInsteadOfHanging() throws Exception {
        store.hold(true);
        CompletableFuture<Map<String, Object>> lookup = CompletableFuture.supplyAsync(() -> reader.offset(Map.of("file", "a")));
        store.nextHeld();
        assertFalse(lookup.isDone(), "the lookup waits for the store");
        reader.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> lookup.get(5, TimeUnit.SECONDS));
        assertInstanceOf(ConnectException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("offset reader of connector 'conn' is closed"), e.getCause().getMessage());
    }

    @Test
    void lookupAfterCloseFails() {
        reader.close();
        ConnectException e = assertThrows(ConnectException.class, () -> reader.offset(Map.of("file", "a")));
        assertTrue(e.getMessage().contains("is closed"), e.getMessage());
    }

    @Test
    void storeFailureIsReportedAsConnectExceptionNamingTheConnector() throws Exception {
        store.hold(true);
        CompletableFuture<Map<String, Object>> lookup = CompletableFuture.supplyAsync(() -> reader.offset(Map.of("file", "a")));
        store.nextHeld().fail(new IllegalStateException("disk gone"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> lookup.get(5, TimeUnit.SECONDS));
        assertInstanceOf(ConnectException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("connector 'conn'") && e.getCause().getMessage().contains("disk gone"),
            e.getCause().getMessage());
    }

    private void store(Map<String, Object> partition, Map<String, Object> offset) throws Exception {
        store.set(Map.of(codec.encodeKey("conn", partition), codec.encodeValue("conn", offset)), null).get(5, TimeUnit.SECONDS);
    }
}
