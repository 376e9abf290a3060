package dev.sluice.runtime.herder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.storage.memory.MemoryStatusStore;
import dev.sluice.runtime.worker.ConnectorStatus;
import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.LifecycleState;
import dev.sluice.runtime.worker.TaskStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class StatusStoreWriterTest {

    private static final String CONNECTOR = "orders";
    private static final ConnectorTaskId TASK = new ConnectorTaskId(CONNECTOR, 3);

    private final MemoryStatusStore store = new MemoryStatusStore();
    private final AtomicInteger generation = new AtomicInteger(4);
    private final StatusStoreWriter writer = new StatusStoreWriter(store, "worker-a:8083", generation::get,
        connector -> connector.equals(CONNECTOR) ? "1.0.0" : null,
        id -> id.equals(TASK) ? "2.0.0" : null);

    @Test
    void connectorEventsAreRecordedWithTheirLifecycleState() {
        Map<LifecycleState, Consumer<String>> events = Map.of(
            LifecycleState.RUNNING, writer::onStartup,
            LifecycleState.PAUSED, writer::onPause,
            LifecycleState.STOPPED, writer::onStop,
            LifecycleState.UNASSIGNED, writer::onShutdown,
            LifecycleState.RESTARTING, writer::onRestart);
        events.forEach((expected, event) -> {
            event.accept(CONNECTOR);
            assertEquals(expected, store.get(CONNECTOR).orElseThrow().state(), "state written for the " + expected + " event");
        });

        writer.onPause(CONNECTOR);
        writer.onResume(CONNECTOR);
        assertEquals(LifecycleState.RUNNING, store.get(CONNECTOR).orElseThrow().state(), "a resume is reported RUNNING");

        writer.onAssigned(CONNECTOR);
        assertEquals(LifecycleState.UNASSIGNED, store.get(CONNECTOR).orElseThrow().state(),
            "an assigned connector that has not reported yet is UNASSIGNED");
    }

    @Test
    void connectorStatusCarriesWorkerGenerationAndPluginVersion() {
        writer.onStartup(CONNECTOR);
        ConnectorStatus first = store.get(CONNECTOR).orElseThrow();
        assertEquals("worker-a:8083", first.workerId());
        assertEquals(4, first.generation());
        assertEquals("1.0.0", first.version(), "the connector plugin's version comes from the version function");
        assertNull(first.trace(), "only failures carry a trace");

        generation.set(9);
        writer.onPause(CONNECTOR);
        assertEquals(9, store.get(CONNECTOR).orElseThrow().generation(), "the generation is read at every write");

        writer.onStartup("unknown-version");
        assertNull(store.get("unknown-version").orElseThrow().version(), "an unknown version is recorded as null");
    }

    @Test
    void failureRecordsTheFullStackTrace() {
        IllegalStateException cause = new IllegalStateException("disk full",
            new java.io.IOException("no space left on device"));

        writer.onFailure(CONNECTOR, cause);
        writer.onFailure(TASK, cause);

        for (String trace : List.of(store.get(CONNECTOR).orElseThrow().trace(), store.get(TASK).orElseThrow().trace())) {
            assertTrue(trace.startsWith("java.lang.IllegalStateException: disk full"), "trace starts with the exception: " + trace);
            assertTrue(trace.contains("Caused by: java.io.IOException: no space left on device"),
                "trace includes the cause: " + trace);
            assertTrue(trace.contains("\tat "), "trace includes stack frames: " + trace);
        }
        assertEquals(LifecycleState.FAILED, store.get(CONNECTOR).orElseThrow().state());
        assertEquals(LifecycleState.FAILED, store.get(TASK).orElseThrow().state());
    }

    @Test
    void taskEventsAreRecordedWithTheirLifecycleState() {
        Map<LifecycleState, Consumer<ConnectorTaskId>> events = Map.of(
            LifecycleState.RUNNING, writer::onStartup,
            LifecycleState.PAUSED, writer::onPause,
            LifecycleState.UNASSIGNED, writer::onShutdown,
            LifecycleState.RESTARTING, writer::onRestart);
        events.forEach((expected, event) -> {
            event.accept(TASK);
            TaskStatus status = store.get(TASK).orElseThrow();
            assertEquals(expected, status.state(), "state written for the task's " + expected + " event");
            assertEquals("worker-a:8083", status.workerId());
            assertEquals("2.0.0", status.version(), "the task plugin's version comes from the task version function");
        });

        writer.onPause(TASK);
        writer.onResume(TASK);
        assertEquals(LifecycleState.RUNNING, store.get(TASK).orElseThrow().state(), "a resumed task is reported RUNNING");
    }

    @Test
    void deletionRemovesTheStatusInsteadOfRecordingDestroyed() {
        writer.onStartup(CONNECTOR);
        writer.onStartup(TASK);

        writer.onDeletion(TASK);
        assertTrue(store.get(TASK).isEmpty(), "a deleted task has no status");
        assertTrue(store.get(CONNECTOR).isPresent(), "deleting a task keeps its connector's status");

        writer.onDeletion(CONNECTOR);
        assertTrue(store.get(CONNECTOR).isEmpty(), "a deleted connector has no status");
        assertTrue(store.connectors().isEmpty(), "no DESTROYED status may remain: " + store.connectors());
    }
}
