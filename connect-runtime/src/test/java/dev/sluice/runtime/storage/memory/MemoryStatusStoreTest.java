package dev.sluice.runtime.storage.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.worker.ConnectorStatus;
import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.LifecycleState;
import dev.sluice.runtime.worker.TaskStatus;
import dev.sluice.runtime.worker.TopicStatus;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemoryStatusStoreTest {

    private final MemoryStatusStore store = new MemoryStatusStore();

    @Test
    void latestStatusWins() {
        store.put(connector("c", LifecycleState.UNASSIGNED));
        store.put(connector("c", LifecycleState.RUNNING));
        store.put(task("c", 0, LifecycleState.RUNNING));
        store.put(task("c", 0, LifecycleState.PAUSED));

        assertEquals(LifecycleState.RUNNING, store.get("c").orElseThrow().state());
        assertEquals(LifecycleState.PAUSED, store.get(new ConnectorTaskId("c", 0)).orElseThrow().state());
    }

    @Test
    void activeTopicsKeepTheirFirstRecordAreSortedAndAreForgottenOnReset() {
        store.put(new TopicStatus("orders", "c", 1, 200));
        store.put(new TopicStatus("orders", "c", 0, 300));
        store.put(new TopicStatus("audit", "c", 0, 100));
        store.put(new TopicStatus("other", "d", 0, 100));

        assertEquals(List.of(new TopicStatus("audit", "c", 0, 100), new TopicStatus("orders", "c", 1, 200)),
            store.topics("c"), "sorted by topic, the first record of each kept");
        store.removeTopics("c");
        assertEquals(List.of(), store.topics("c"));
        assertEquals(1, store.topics("d").size(), "other connectors keep theirs");
    }

    @Test
    void unknownConnectorsAndTasksHaveNoStatus() {
        assertTrue(store.get("nobody").isEmpty());
        assertTrue(store.get(new ConnectorTaskId("nobody", 0)).isEmpty());
        assertEquals(List.of(), store.tasks("nobody"));
    }

    @Test
    void tasksOfAConnectorAreOrderedByTaskNumberAndExcludeOtherConnectors() {
        store.put(task("c", 10, LifecycleState.RUNNING));
        store.put(task("c", 2, LifecycleState.RUNNING));
        store.put(task("c-other", 0, LifecycleState.RUNNING));
        store.put(task("c", 0, LifecycleState.FAILED));

        List<Integer> numbers = store.tasks("c").stream().map(status -> status.id().task()).toList();

        assertEquals(List.of(0, 2, 10), numbers, "tasks are ordered numerically, only those of the connector");
    }

    @Test
    void removingAConnectorKeepsItsTaskStatusesAndRemovingATaskKeepsTheOthers() {
        store.put(connector("c", LifecycleState.RUNNING));
        store.put(task("c", 0, LifecycleState.RUNNING));
        store.put(task("c", 1, LifecycleState.RUNNING));

        store.remove("c");
        store.remove(new ConnectorTaskId("c", 0));

        assertTrue(store.get("c").isEmpty());
        assertEquals(List.of(new ConnectorTaskId("c", 1)), store.tasks("c").stream().map(TaskStatus::id).toList(),
            "only the removed task's status is gone");
    }

    @Test
    void connectorsAreASortedCopy() {
        store.put(connector("b", LifecycleState.RUNNING));
        store.put(connector("a", LifecycleState.RUNNING));

        Set<String> connectors = store.connectors();
        store.put(connector("c", LifecycleState.RUNNING));

        assertEquals(List.of("a", "b"), List.copyOf(connectors), "sorted, and not changed by later writes");
        assertThrows(UnsupportedOperationException.class, () -> connectors.add("x"));
    }

    private static ConnectorStatus connector(String name, LifecycleState state) {
        return new ConnectorStatus(name, state, null, "w:8083", 0, "1.0");
    }

    private static TaskStatus task(String connector, int task, LifecycleState state) {
        return new TaskStatus(new ConnectorTaskId(connector, task), state, null, "w:8083", 0, "1.0");
    }
}
