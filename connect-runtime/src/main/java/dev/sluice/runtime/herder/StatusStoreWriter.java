package dev.sluice.runtime.herder;

import dev.sluice.runtime.storage.StatusStore;
import dev.sluice.runtime.worker.ConnectorStatus;
import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.LifecycleState;
import dev.sluice.runtime.worker.StateChangeListener;
import dev.sluice.runtime.worker.TaskStatus;
import dev.sluice.runtime.worker.TopicStatus;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Turns the state changes that connectors and tasks report into status records in a {@link StatusStore},
 * stamped with this worker's id, the current generation and the plugin's version. A deletion removes the
 * status instead of recording DESTROYED.
 */
public final class StatusStoreWriter extends StateChangeListener {

    private final StatusStore store;
    private final String workerId;
    private final IntSupplier generation;
    private final Function<String, String> connectorVersions;
    private final Function<ConnectorTaskId, String> taskVersions;

    /**
     * A writer for one worker.
     *
     * @param connectorVersions the version of a running connector's plugin (e.g. {@code worker::connectorVersion})
     * @param taskVersions      the version of a running task's plugin
     */
    public StatusStoreWriter(StatusStore store, String workerId, IntSupplier generation,
                             Function<String, String> connectorVersions, Function<ConnectorTaskId, String> taskVersions) {
        this.store = Objects.requireNonNull(store, "store");
        this.workerId = Objects.requireNonNull(workerId, "workerId");
        this.generation = Objects.requireNonNull(generation, "generation");
        this.connectorVersions = Objects.requireNonNull(connectorVersions, "connectorVersions");
        this.taskVersions = Objects.requireNonNull(taskVersions, "taskVersions");
    }

    @Override
    protected void connectorState(String connector, LifecycleState state, String trace) {
        if (state == LifecycleState.DESTROYED) {
            store.remove(connector);
        } else {
            put(connector, state, trace);
        }
    }

    @Override
    protected void taskState(ConnectorTaskId id, LifecycleState state, String trace) {
        if (state == LifecycleState.DESTROYED) {
            store.remove(id);
        } else {
            put(id, state, trace);
        }
    }

    @Override
    public void onTopicUsed(ConnectorTaskId id, String topic) {
        store.put(new TopicStatus(topic, id.connector(), id.task(), System.currentTimeMillis()));
    }

    /** Records that the connector is assigned here but has not reported a state yet: UNASSIGNED. */
    public void onAssigned(String connector) {
        put(connector, LifecycleState.UNASSIGNED, null);
    }

    private void put(String connector, LifecycleState state, String trace) {
        store.put(new ConnectorStatus(connector, state, trace, workerId, generation.getAsInt(),
            connectorVersions.apply(connector)));
    }

    private void put(ConnectorTaskId id, LifecycleState state, String trace) {
        store.put(new TaskStatus(id, state, trace, workerId, generation.getAsInt(), taskVersions.apply(id)));
    }
}
