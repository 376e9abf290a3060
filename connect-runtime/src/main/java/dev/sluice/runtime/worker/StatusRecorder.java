package dev.sluice.runtime.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * A {@link StatusListener} that keeps, in memory, the latest status and the history of statuses of every
 * connector and task it hears about, and lets a thread wait (bounded) for a state. For tests, and for
 * whatever needs the statuses of one worker without a status store.
 *
 * <p>A deletion removes the latest status (DESTROYED is never reported) and is kept in the history only.
 */
public final class StatusRecorder extends StateChangeListener {

    private final String workerId;
    private final IntSupplier generation;
    private final Function<String, String> connectorVersions;
    private final Function<ConnectorTaskId, String> taskVersions;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition recorded = lock.newCondition();
    private final Map<String, ConnectorStatus> connectors = new HashMap<>();
    private final Map<ConnectorTaskId, TaskStatus> tasks = new HashMap<>();
    private final Map<String, List<ConnectorStatus>> connectorHistory = new HashMap<>();
    private final Map<ConnectorTaskId, List<TaskStatus>> taskHistory = new HashMap<>();

    /**
     * A recorder whose statuses carry {@code workerId}, the current {@code generation} and the versions
     * that the given functions return (for example {@code worker::connectorVersion}).
     */
    public StatusRecorder(String workerId, IntSupplier generation, Function<String, String> connectorVersions,
                          Function<ConnectorTaskId, String> taskVersions) {
        this.workerId = Objects.requireNonNull(workerId, "workerId");
        this.generation = Objects.requireNonNull(generation, "generation");
        this.connectorVersions = Objects.requireNonNull(connectorVersions, "connectorVersions");
        this.taskVersions = Objects.requireNonNull(taskVersions, "taskVersions");
    }

    /** A recorder for generation 0 whose statuses carry no plugin versions. */
    public StatusRecorder(String workerId) {
        this(workerId, () -> 0, name -> null, id -> null);
    }

    /** The latest reported status of the connector, if any. */
    public Optional<ConnectorStatus> connectorStatus(String connector) {
        lock.lock();
        try {
            return Optional.ofNullable(connectors.get(connector));
        } finally {
            lock.unlock();
        }
    }

    /** The latest reported status of the task, if any. */
    public Optional<TaskStatus> taskStatus(ConnectorTaskId id) {
        lock.lock();
        try {
            return Optional.ofNullable(tasks.get(id));
        } finally {
            lock.unlock();
        }
    }

    /** Every status the connector reported, oldest first. */
    public List<ConnectorStatus> connectorHistory(String connector) {
        lock.lock();
        try {
            return List.copyOf(connectorHistory.getOrDefault(connector, List.of()));
        } finally {
            lock.unlock();
        }
    }

    /** Every status the task reported, oldest first. */
    public List<TaskStatus> taskHistory(ConnectorTaskId id) {
        lock.lock();
        try {
            return List.copyOf(taskHistory.getOrDefault(id, List.of()));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits up to {@code timeout} until the connector's latest status is in {@code state}.
     *
     * @throws IllegalStateException naming the history if it is not in time
     */
    public ConnectorStatus awaitConnector(String connector, LifecycleState state, Duration timeout) {
        return await(() -> connectors.get(connector), state, timeout,
            () -> "Connector " + connector + " did not reach " + state + " within " + timeout.toMillis() + " ms; its statuses: "
                + connectorHistory.getOrDefault(connector, List.of()));
    }

    /**
     * Waits up to {@code timeout} until the task's latest status is in {@code state}.
     *
     * @throws IllegalStateException naming the history if it is not in time
     */
    public TaskStatus awaitTask(ConnectorTaskId id, LifecycleState state, Duration timeout) {
        return await(() -> tasks.get(id), state, timeout,
            () -> "Task " + id + " did not reach " + state + " within " + timeout.toMillis() + " ms; its statuses: "
                + taskHistory.getOrDefault(id, List.of()));
    }

    @Override
    protected void connectorState(String connector, LifecycleState state, String trace) {
        ConnectorStatus status = new ConnectorStatus(connector, state, trace, workerId, generation.getAsInt(),
            connectorVersions.apply(connector));
        lock.lock();
        try {
            if (state.isReported()) {
                connectors.put(connector, status);
            } else {
                connectors.remove(connector);
            }
            connectorHistory.computeIfAbsent(connector, c -> new ArrayList<>()).add(status);
            recorded.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected void taskState(ConnectorTaskId id, LifecycleState state, String trace) {
        TaskStatus status = new TaskStatus(id, state, trace, workerId, generation.getAsInt(), taskVersions.apply(id));
        lock.lock();
        try {
            if (state.isReported()) {
                tasks.put(id, status);
            } else {
                tasks.remove(id);
            }
            taskHistory.computeIfAbsent(id, t -> new ArrayList<>()).add(status);
            recorded.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private <S> S await(Supplier<S> latest, LifecycleState state, Duration timeout, Supplier<String> failure) {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                S status = latest.get();
                if (status != null && stateOf(status) == state) {
                    return status;
                }
                if (remaining <= 0) {
                    throw new IllegalStateException(failure.get());
                }
                remaining = recorded.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + state, e);
        } finally {
            lock.unlock();
        }
    }

    private static LifecycleState stateOf(Object status) {
        return status instanceof ConnectorStatus c ? c.state() : ((TaskStatus) status).state();
    }
}
