package dev.sluice.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SourceOffsetWriterTest {

    private static final Map<String, Object> A = Map.of("file", "a");
    private static final Map<String, Object> B = Map.of("file", "b");

    private final OffsetCodec codec = new OffsetCodec();
    private final HeldOffsetStore store = new HeldOffsetStore();
    private final SourceOffsetWriter writer = new SourceOffsetWriter(store, "conn", codec);
    private final ConnectorOffsetReader reader = new ConnectorOffsetReader(store, "conn", codec);
    private final List<Throwable> outcomes = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        reader.close();
        store.stop();
    }

    @Test
    void flushCommitsStagedOffsetsAndTellsTheCallback() throws Exception {
        writer.offset(A, Map.of("pos", 1));
        writer.offset(A, Map.of("pos", 2));
        writer.offset(B, Map.of("pos", 7));
        assertTrue(writer.beginFlush(), "offsets are staged");
        writer.doFlush(outcomes::add).get(5, TimeUnit.SECONDS);
        assertEquals(Map.of("pos", 2L), reader.offset(A), "the last staged offset of a partition is committed");
        assertEquals(Map.of("pos", 7L), reader.offset(B));
        assertEquals(java.util.Collections.singletonList(null), outcomes, "callback told of success once");
        assertFalse(writer.hasStagedOffsets(), "nothing left staged after a successful flush");
        assertFalse(writer.beginFlush(), "nothing to flush");
    }

    @Test
    void nullOffsetDeletesTheStoredOffset() throws Exception {
        flush(A, Map.of("pos", 1));
        flush(A, null);
        assertNull(reader.offset(A), "deleted");
        assertEquals(java.util.Set.of(), store.connectorPartitions("conn"), "a deleted partition is not listed");
    }

    @Test
    void secondFlushIsRejectedWhileOneIsOpen() {
        writer.offset(A, Map.of("pos", 1));
        assertTrue(writer.beginFlush());
        writer.offset(B, Map.of("pos", 1));
        ConnectException e = assertThrows(ConnectException.class, writer::beginFlush);
        assertTrue(e.getMessage().contains("previous flush is still open"), e.getMessage());
    }

    @Test
    void timedBeginFlushWaitsForTheOpenFlushAndTimesOut() throws Exception {
        store.hold(true);
        writer.offset(A, Map.of("pos", 1));
        writer.beginFlush();
        CompletableFuture<Void> first = writer.doFlush(null);
        writer.offset(B, Map.of("pos", 2));
        assertThrows(TimeoutException.class, () -> writer.beginFlush(20, TimeUnit.MILLISECONDS));
        store.nextHeld().release().run();
        first.get(5, TimeUnit.SECONDS);
        assertTrue(writer.beginFlush(5, TimeUnit.SECONDS), "the staged offset of B opens the next flush");
    }

    @Test
    void offsetsStagedDuringAFlushGoToTheNextFlush() throws Exception {
        writer.offset(A, Map.of("pos", 1));
        writer.beginFlush();
        writer.offset(B, Map.of("pos", 2));
        writer.doFlush(null).get(5, TimeUnit.SECONDS);
        assertNull(reader.offset(B), "B was staged after the snapshot");
        assertTrue(writer.beginFlush(), "B is staged for the next flush");
        writer.doFlush(null).get(5, TimeUnit.SECONDS);
        assertEquals(Map.of("pos", 2L), reader.offset(B));
    }

    @Test
    void cancelledFlushIsIncludedInTheNextWithNewerOffsetsWinning() throws Exception {
        writer.offset(A, Map.of("pos", 1));
        writer.offset(B, Map.of("pos", 1));
        writer.beginFlush();
        writer.offset(B, Map.of("pos", 2));
        writer.cancelFlush();
        assertTrue(writer.beginFlush(), "cancelled offsets are staged again");
        writer.doFlush(null).get(5, TimeUnit.SECONDS);
        assertEquals(Map.of("pos", 1L), reader.offset(A), "A from the cancelled flush");
        assertEquals(Map.of("pos", 2L), reader.offset(B), "B staged after the snapshot wins over the snapshot's");
    }

    @Test
    void failedWriteStagesItsOffsetsAgain() throws Exception {
        store.hold(true);
        writer.offset(A, Map.of("pos", 1));
        writer.beginFlush();
        CompletableFuture<Void> flushed = writer.doFlush(outcomes::add);
        store.nextHeld().fail(new ConnectException("broker unavailable"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> flushed.get(5, TimeUnit.SECONDS));
        assertEquals("broker unavailable", e.getCause().getMessage());
        assertEquals(1, outcomes.size(), "callback told once");
        assertEquals("broker unavailable", outcomes.get(0).getMessage());
        store.hold(false);
        assertTrue(writer.beginFlush(), "the failed offsets are staged again and no flush is open");
        writer.doFlush(null).get(5, TimeUnit.SECONDS);
        assertEquals(Map.of("pos", 1L), reader.offset(A));
    }

    @Test
    void lateOutcomeOfACancelledFlushChangesNothing() throws Exception {
        store.hold(true);
        writer.offset(A, Map.of("pos", 1));
        writer.beginFlush();
        CompletableFuture<Void> stale = writer.doFlush(outcomes::add);
        HeldOffsetStore.Held<?> write = store.nextHeld();
        writer.cancelFlush();
        writer.offset(B, Map.of("pos", 2));
        assertTrue(writer.beginFlush(), "a new flush opens after the cancel");
        write.release().run();
        stale.get(5, TimeUnit.SECONDS);
        assertEquals(List.of(), outcomes, "the cancelled flush's callback is not told");
        assertThrows(ConnectException.class, writer::beginFlush, "the new flush is still open");
        CompletableFuture<Void> current = writer.doFlush(null);
        store.nextHeld().release().run();
        current.get(5, TimeUnit.SECONDS);
        store.hold(false);
        assertEquals(Map.of("pos", 1L), reader.offset(A), "A went out with both the stale and the new flush");
        assertEquals(Map.of("pos", 2L), reader.offset(B));
    }

    @Test
    void unserializableOffsetFailsTheFlushAndStaysStaged() {
        writer.offset(A, Map.of("pos", List.of(1, 2)));
        writer.beginFlush();
        CompletableFuture<Void> flushed = writer.doFlush(outcomes::add);
        ExecutionException e = assertThrows(ExecutionException.class, () -> flushed.get(5, TimeUnit.SECONDS));
        assertInstanceOf(DataException.class, e.getCause());
        assertEquals(1, outcomes.size(), "callback told of the failure");
        assertTrue(writer.hasStagedOffsets(), "kept staged until the task replaces it");
        writer.offset(A, Map.of("pos", 3));
        assertTrue(writer.beginFlush(), "no flush left open by the failure");
    }

    @Test
    void flushWithoutBeginIsAnError() {
        assertThrows(IllegalStateException.class, () -> writer.doFlush(null));
    }

    private void flush(Map<String, Object> partition, Map<String, Object> offset) throws Exception {
        writer.offset(partition, offset);
        assertTrue(writer.beginFlush());
        writer.doFlush(null).get(5, TimeUnit.SECONDS);
    }
}
