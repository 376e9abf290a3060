package dev.sluice.runtime.worker.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class OffsetCommitTrackerTest {

    private static final Map<String, Object> P1 = Map.of("file", "one");
    private static final Map<String, Object> P2 = Map.of("file", "two");

    private final OffsetCommitTracker tracker = new OffsetCommitTracker();

    @Test
    void nothingIsCommittableBeforeAnyAck() {
        tracker.submit(P1, offset(1));
        CommittableOffsets taken = tracker.takeCommittableOffsets();
        assertTrue(taken.isEmpty(), "no record acknowledged yet");
        assertEquals(1, taken.pendingRecords());
        assertEquals(1, taken.pendingPartitions());
    }

    @Test
    void committableOffsetIsTheLastOfTheAcknowledgedPrefix() {
        SubmittedRecord r1 = tracker.submit(P1, offset(1));
        SubmittedRecord r2 = tracker.submit(P1, offset(2));
        tracker.submit(P1, offset(3));
        r1.ack();
        r2.ack();
        assertEquals(Map.of(P1, offset(2)), tracker.takeCommittableOffsets().offsets());
    }

    @Test
    void outOfOrderAckWaitsForTheEarlierRecord() {
        SubmittedRecord r1 = tracker.submit(P1, offset(1));
        SubmittedRecord r2 = tracker.submit(P1, offset(2));
        SubmittedRecord r3 = tracker.submit(P1, offset(3));
        r3.ack();
        r2.ack();
        assertTrue(tracker.takeCommittableOffsets().isEmpty(), "record 1 is unacknowledged and holds back 2 and 3");
        r1.ack();
        assertEquals(Map.of(P1, offset(3)), tracker.takeCommittableOffsets().offsets(), "1..3 all acknowledged");
    }

    @Test
    void takingRemovesTheAcknowledgedPrefix() {
        SubmittedRecord r1 = tracker.submit(P1, offset(1));
        SubmittedRecord r2 = tracker.submit(P1, offset(2));
        r1.ack();
        CommittableOffsets first = tracker.takeCommittableOffsets();
        assertEquals(Map.of(P1, offset(1)), first.offsets());
        assertEquals(1, first.committableRecords());
        assertEquals(1, first.pendingRecords());
        assertTrue(tracker.takeCommittableOffsets().isEmpty(), "offset 1 was taken already");
        r2.ack();
        CommittableOffsets second = tracker.takeCommittableOffsets();
        assertEquals(Map.of(P1, offset(2)), second.offsets());
        assertEquals(0, second.pendingRecords());
        assertEquals(0, second.pendingPartitions(), "an emptied partition is no longer tracked");
    }

    @Test
    void pruningKeepsOnlyRecordsInFlightAndTheNextTakeStillCommitsWhatWasPruned() {
        SubmittedRecord r1 = tracker.submit(P1, offset(1));
        SubmittedRecord r2 = tracker.submit(P1, offset(2));
        tracker.submit(P1, offset(3));
        SubmittedRecord q1 = tracker.submit(P2, offset(7));
        r1.ack();
        r2.ack();
        q1.ack();
        tracker.pruneAcknowledged();
        SubmittedRecord r4 = tracker.submit(P1, offset(4));
        tracker.pruneAcknowledged();

        CommittableOffsets taken = tracker.takeCommittableOffsets();
        assertEquals(Map.of(P1, offset(2), P2, offset(7)), taken.offsets(), "pruned prefixes are committed at the next take");
        assertEquals(3, taken.committableRecords(), "the pruned records count as committable");
        assertEquals(2, taken.pendingRecords(), "only records 3 and 4 are still tracked");
        assertEquals(1, taken.pendingPartitions());
        assertTrue(tracker.takeCommittableOffsets().isEmpty(), "what was taken is not taken again");
        r4.ack();
        assertTrue(tracker.takeCommittableOffsets().isEmpty(), "record 3 still holds back record 4");
    }

    @Test
    void partitionsAreIndependent() {
        SubmittedRecord a1 = tracker.submit(P1, offset(1));
        tracker.submit(P2, offset(10));
        SubmittedRecord b2 = tracker.submit(P2, offset(11));
        SubmittedRecord a2 = tracker.submit(P1, offset(2));
        a1.ack();
        a2.ack();
        b2.ack();
        CommittableOffsets taken = tracker.takeCommittableOffsets();
        assertEquals(Map.of(P1, offset(2)), taken.offsets(), "P2's first record is pending, P1 is not held back by it");
        assertEquals(P2, taken.largestPendingPartition());
        assertEquals(2, taken.largestPendingCount());
    }

    @Test
    void filteredRecordCountsAsAcknowledged() {
        SubmittedRecord r1 = tracker.submit(P1, offset(1));
        tracker.submitFiltered(P1, offset(2));
        assertTrue(tracker.takeCommittableOffsets().isEmpty(), "the filtered record still waits behind record 1");
        r1.ack();
        assertEquals(Map.of(P1, offset(2)), tracker.takeCommittableOffsets().offsets(), "the filtered record's offset advances P1");
        tracker.submitFiltered(P2, offset(5));
        assertEquals(Map.of(P2, offset(5)), tracker.takeCommittableOffsets().offsets());
        assertEquals(0, tracker.unacknowledgedCount());
    }

    @Test
    void nullPartitionAndNullOffsetAreTracked() {
        tracker.submit(null, offset(1)).ack();
        tracker.submit(P1, null).ack();
        Map<Map<String, Object>, Map<String, Object>> expected = new HashMap<>();
        expected.put(null, offset(1));
        expected.put(P1, null);
        CommittableOffsets taken = tracker.takeCommittableOffsets();
        assertEquals(expected, taken.offsets());
        assertEquals(2, taken.committableRecords());
    }

    @Test
    void sourceRecordIsTrackedByItsPartitionAndOffset() {
        SourceRecord record = new SourceRecord(P1, offset(7), "topic", null, "value");
        tracker.submit(record).ack();
        assertEquals(Map.of(P1, offset(7)), tracker.takeCommittableOffsets().offsets());
    }

    @Test
    void droppedRecordNoLongerHoldsBackLaterOnes() {
        SubmittedRecord r1 = tracker.submit(P1, offset(1));
        SubmittedRecord r2 = tracker.submit(P1, offset(2));
        r2.ack();
        assertTrue(r1.drop(), "a pending record can be dropped");
        assertEquals(Map.of(P1, offset(2)), tracker.takeCommittableOffsets().offsets());
        assertEquals(0, tracker.unacknowledgedCount());
    }

    @Test
    void droppingAnAcknowledgedRecordOrAckingADroppedOneHasNoEffect() {
        SubmittedRecord acked = tracker.submit(P1, offset(1));
        acked.ack();
        assertFalse(acked.drop(), "an acknowledged record stays");
        SubmittedRecord dropped = tracker.submit(P2, offset(1));
        dropped.drop();
        dropped.ack();
        assertFalse(dropped.acknowledged());
        assertEquals(Map.of(P1, offset(1)), tracker.takeCommittableOffsets().offsets());
        assertEquals(0, tracker.unacknowledgedCount(), "repeated calls never count twice");
    }

    @Test
    void repeatedAckCountsOnce() {
        SubmittedRecord r1 = tracker.submit(P1, offset(1));
        tracker.submit(P1, offset(2));
        r1.ack();
        r1.ack();
        assertEquals(1, tracker.unacknowledgedCount());
    }

    @Test
    void awaitReturnsFalseWhileRecordsAreUnacknowledged() throws Exception {
        tracker.submit(P1, offset(1));
        assertFalse(tracker.awaitAllAcknowledged(30, TimeUnit.MILLISECONDS), "one record is never acknowledged");
    }

    @Test
    void awaitReturnsOnceTheProducerAcknowledgesEverything() throws Exception {
        List<SubmittedRecord> records = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            records.add(tracker.submit(i % 2 == 0 ? P1 : P2, offset(i)));
        }
        CompletableFuture<Boolean> awaited = CompletableFuture.supplyAsync(() -> {
            try {
                return tracker.awaitAllAcknowledged(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Collections.shuffle(records, new Random(7));
        CompletableFuture.runAsync(() -> records.forEach(SubmittedRecord::ack));
        assertTrue(awaited.get(10, TimeUnit.SECONDS), "all records were acknowledged");
        assertEquals(Map.of(P1, offset(98), P2, offset(99)), tracker.takeCommittableOffsets().offsets());
    }

    @Test
    void awaitWithNothingSubmittedReturnsAtOnce() throws Exception {
        assertTrue(tracker.awaitAllAcknowledged(0, TimeUnit.MILLISECONDS));
    }

    /**
     * The task thread submits and takes while a producer thread acknowledges in shuffled batches: every taken
     * offset of a partition is later than the previous one, never beyond what was acknowledged without a gap,
     * and the final take reaches the last record of each partition.
     */
    @Test
    void concurrentAcksAndTakesCommitOnlyContiguousAcknowledgedOffsets() throws Exception {
        int perPartition = 5_000;
        List<Map<String, Object>> partitions = List.of(P1, P2, Map.of("file", "three"));
        BlockingQueue<List<SubmittedRecord>> batches = new ArrayBlockingQueue<>(16);
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            Random random = new Random(42);
            try {
                while (true) {
                    List<SubmittedRecord> batch = batches.take();
                    if (batch.isEmpty()) {
                        return;
                    }
                    Collections.shuffle(batch, random);
                    batch.forEach(SubmittedRecord::ack);
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Map<Map<String, Object>, Long> lastTaken = new HashMap<>();
        List<SubmittedRecord> batch = new ArrayList<>();
        for (int i = 0; i < perPartition; i++) {
            for (Map<String, Object> partition : partitions) {
                SubmittedRecord record = tracker.submit(partition, offset(i));
                if (i % 10 == 3) {
                    record.drop();
                } else {
                    batch.add(record);
                }
            }
            if (batch.size() >= 50) {
                batches.put(batch);
                batch = new ArrayList<>();
                checkMonotonic(tracker.takeCommittableOffsets(), lastTaken);
            }
        }
        batches.put(batch);
        batches.put(List.of());
        producer.get(10, TimeUnit.SECONDS);
        assertTrue(tracker.awaitAllAcknowledged(10, TimeUnit.SECONDS));
        checkMonotonic(tracker.takeCommittableOffsets(), lastTaken);
        for (Map<String, Object> partition : partitions) {
            assertEquals(perPartition - 1L, lastTaken.get(partition), "final committed offset of " + partition);
        }
        assertEquals(0, tracker.takeCommittableOffsets().pendingRecords(), "nothing left tracked");
    }

    private static void checkMonotonic(CommittableOffsets taken, Map<Map<String, Object>, Long> lastTaken) {
        taken.offsets().forEach((partition, offset) -> {
            long position = (Long) offset.get("pos");
            Long previous = lastTaken.put(partition, position);
            assertTrue(previous == null || previous < position,
                "offsets of " + partition + " must advance, got " + position + " after " + previous);
        });
    }

    private static Map<String, Object> offset(long position) {
        return Map.of("pos", position);
    }

    @Test
    void largestPendingPartitionIsNullWhenNothingIsPending() {
        tracker.submit(P1, offset(1)).ack();
        CommittableOffsets taken = tracker.takeCommittableOffsets();
        assertNull(taken.largestPendingPartition());
        assertEquals(0, taken.largestPendingCount());
    }
}
