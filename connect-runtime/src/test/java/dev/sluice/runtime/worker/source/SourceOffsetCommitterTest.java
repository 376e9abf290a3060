package dev.sluice.runtime.worker.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.metrics.PluginInfo;
import dev.sluice.runtime.metrics.TaskMetricGroups;
import dev.sluice.runtime.storage.ConnectorOffsetReader;
import dev.sluice.runtime.storage.OffsetCodec;
import dev.sluice.runtime.storage.OffsetStore;
import dev.sluice.runtime.storage.SourceOffsetWriter;
import dev.sluice.runtime.storage.WriteCallback;
import dev.sluice.runtime.storage.memory.MemoryOffsetStore;
import dev.sluice.runtime.worker.ConnectorTaskId;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SourceOffsetCommitterTest {

    /** A memory store whose next writes can be scripted to fail or never finish. */
    private static final class ScriptedStore implements OffsetStore {
        final MemoryOffsetStore memory = new MemoryOffsetStore();
        final Queue<CompletableFuture<Void>> nextWrites = new ConcurrentLinkedQueue<>();

        @Override
        public void start() {
            memory.start();
        }

        @Override
        public void stop() {
            memory.stop();
        }

        @Override
        public CompletableFuture<Map<ByteBuffer, ByteBuffer>> get(Collection<ByteBuffer> keys) {
            return memory.get(keys);
        }

        @Override
        public CompletableFuture<Void> set(Map<ByteBuffer, ByteBuffer> values, WriteCallback callback) {
            CompletableFuture<Void> scripted = nextWrites.poll();
            return scripted != null ? scripted : memory.set(values, callback);
        }

        @Override
        public Set<Map<String, Object>> connectorPartitions(String connectorName) {
            return memory.connectorPartitions(connectorName);
        }
    }

    private static final long INTERVAL_MS = 1_000;
    private static final Map<String, String> PARTITION = Map.of("file", "a");

    private final ScriptedStore store = new ScriptedStore();
    private final OffsetCommitTracker tracker = new OffsetCommitTracker();
    private final ScriptedSourceTask task = new ScriptedSourceTask();
    private final AtomicLong clock = new AtomicLong(5_000);
    private final TaskMetricGroups taskMetrics = TaskMetricGroups.unreported("src", 0, "source",
        new PluginInfo("SomeSource", PluginInfo.UNDEFINED_VERSION), PluginInfo.of(task));
    private final SourceOffsetCommitter committer;

    SourceOffsetCommitterTest() {
        store.start();
        committer = new SourceOffsetCommitter(new ConnectorTaskId("src", 0), tracker,
            new SourceOffsetWriter(store, "src", new OffsetCodec()), task, INTERVAL_MS, 200, clock::get,
            taskMetrics.task());
    }

    @AfterEach
    void stopStore() {
        store.stop();
        taskMetrics.close();
    }

    private Map<String, Object> committed() {
        try (ConnectorOffsetReader reader = new ConnectorOffsetReader(store, "src", new OffsetCodec())) {
            return reader.offset(PARTITION);
        }
    }

    @Test
    void taskCommitIsCalledEvenWhenThereIsNothingToCommit() {
        assertTrue(committer.commit(), "an empty commit succeeds");
        assertEquals(1, task.commits.get(), "as in Apache, SourceTask.commit() is called anyway");
    }

    @Test
    void aFailedFlushKeepsTheOffsetsForTheNextCommitAndDoesNotCallTaskCommit() {
        tracker.submit(PARTITION, Map.of("line", 1L)).ack();
        store.nextWrites.add(CompletableFuture.failedFuture(new ConnectException("store down")));
        assertFalse(committer.commit(), "the write failed");
        assertEquals(0, task.commits.get(), "commit() is only called after a successful flush");
        assertNull(committed());

        assertTrue(committer.commit(), "the next commit writes the offsets kept from the failed one");
        assertEquals(Map.of("line", 1L), committed());
        assertEquals(1, task.commits.get());
    }

    @Test
    void aFlushThatTimesOutIsCancelledAndRetriedWithTheLatestOffsets() {
        tracker.submit(PARTITION, Map.of("line", 1L)).ack();
        store.nextWrites.add(new CompletableFuture<>());
        assertFalse(committer.commit(), "the write did not finish within offset.flush.timeout.ms");

        tracker.submit(PARTITION, Map.of("line", 2L)).ack();
        assertTrue(committer.commit(), "a new flush can begin after the cancelled one");
        assertEquals(Map.of("line", 2L), committed());
    }

    @Test
    void periodicCommitsHappenOncePerInterval() {
        assertFalse(committer.commitIfDue(), "not due before one interval has passed");
        clock.addAndGet(INTERVAL_MS);
        assertTrue(committer.commitIfDue(), "due after one interval");
        assertFalse(committer.commitIfDue(), "not due again right after");
        clock.addAndGet(INTERVAL_MS - 1);
        assertFalse(committer.commitIfDue());
        clock.addAndGet(1);
        assertTrue(committer.commitIfDue());
        assertEquals(2, task.commits.get());
    }
}
