package dev.sluice.runtime.storage.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.storage.ConfigSnapshot;
import dev.sluice.runtime.worker.TargetState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryConfigStoreTest {

    private final MemoryConfigStore store = new MemoryConfigStore();

    @Test
    void newStoreIsEmpty() {
        store.start();

        assertTrue(store.snapshot().connectors().isEmpty(), "a standalone store starts without connectors");
    }

    @Test
    void everyWriteIsVisibleInTheNextSnapshotAndEarlierSnapshotsStayAsTheyWere() {
        ConfigSnapshot before = store.snapshot();

        store.putConnectorConfig("c", Map.of("connector.class", "X"), TargetState.PAUSED);
        ConfigSnapshot created = store.snapshot();
        store.putTaskConfigs("c", List.of(Map.of("i", "0"), Map.of("i", "1")));
        ConfigSnapshot withTasks = store.snapshot();
        store.putTargetState("c", TargetState.STOPPED);

        assertFalse(before.contains("c"), "a snapshot taken earlier must not see later writes");
        assertEquals(TargetState.PAUSED, created.targetState("c"));
        assertEquals(List.of(), created.tasks("c"));
        assertEquals(2, withTasks.tasks("c").size());
        assertEquals(TargetState.STOPPED, store.snapshot().targetState("c"));
        assertEquals(2, store.snapshot().tasks("c").size(), "a target state change keeps the tasks");
    }

    @Test
    void updatingAConfigurationWithoutTargetStateKeepsTheStoredState() {
        store.putConnectorConfig("c", Map.of("v", "1"), TargetState.PAUSED);

        store.putConnectorConfig("c", Map.of("v", "2"), null);

        assertEquals(TargetState.PAUSED, store.snapshot().targetState("c"), "an update keeps the connector's state");
        assertEquals(Map.of("v", "2"), store.snapshot().connectorConfig("c"));
    }

    @Test
    void removingAConnectorForgetsItsTasksAndTargetState() {
        store.putConnectorConfig("c", Map.of("v", "1"), TargetState.STOPPED);
        store.putTaskConfigs("c", List.of(Map.of("i", "0")));

        store.removeConnectorConfig("c");
        store.putConnectorConfig("c", Map.of("v", "again"), null);

        assertEquals(List.of(), store.snapshot().tasks("c"), "a re-created connector must not inherit old tasks");
        assertEquals(TargetState.STARTED, store.snapshot().targetState("c"),
            "a re-created connector must not inherit the old target state");
    }

    @Test
    void concurrentWritesAreAllApplied() throws Exception {
        int threads = 4;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        String name = "c-" + thread + "-" + i;
                        store.putConnectorConfig(name, Map.of("i", String.valueOf(i)), null);
                        store.putTaskConfigs(name, List.of(Map.of()));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> writer : writers) {
                writer.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        ConfigSnapshot snapshot = store.snapshot();
        assertEquals(threads * perThread, snapshot.connectors().size(), "a write was lost under concurrent writers");
        for (String name : snapshot.connectors()) {
            assertEquals(1, snapshot.tasks(name).size(), "the task configuration of " + name + " was lost");
        }
    }
}
