package dev.sluice.runtime.storage.memory;

import dev.sluice.runtime.storage.StatusStore;
import dev.sluice.runtime.worker.ConnectorStatus;
import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.TaskStatus;
import dev.sluice.runtime.worker.TopicStatus;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The status store of a standalone worker: the latest statuses, in memory, for as long as the process lives. */
public final class MemoryStatusStore implements StatusStore {

    private final ConcurrentMap<String, ConnectorStatus> connectors = new ConcurrentHashMap<>();
    private final ConcurrentMap<ConnectorTaskId, TaskStatus> tasks = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConcurrentMap<String, TopicStatus>> topics = new ConcurrentHashMap<>();

    @Override
    public void start() {
        // Nothing is persisted, so there is nothing to load.
    }

    @Override
    public void stop() {
        // Nothing to release.
    }

    @Override
    public void put(ConnectorStatus status) {
        connectors.put(status.connector(), status);
    }

    @Override
    public void put(TaskStatus status) {
        tasks.put(status.id(), status);
    }

    @Override
    public void remove(String connector) {
        connectors.remove(connector);
    }

    @Override
    public void remove(ConnectorTaskId id) {
        tasks.remove(id);
    }

    @Override
    public Optional<ConnectorStatus> get(String connector) {
        return Optional.ofNullable(connectors.get(connector));
    }

    @Override
    public Optional<TaskStatus> get(ConnectorTaskId id) {
        return Optional.ofNullable(tasks.get(id));
    }

    @Override
    public List<TaskStatus> tasks(String connector) {
        return tasks.values().stream().filter(status -> status.id().connector().equals(connector))
            .sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    @Override
    public Set<String> connectors() {
        return Collections.unmodifiableSet(new TreeSet<>(connectors.keySet()));
    }

    @Override
    public void put(TopicStatus status) {
        topics.computeIfAbsent(status.connector(), c -> new ConcurrentHashMap<>()).putIfAbsent(status.topic(), status);
    }

    @Override
    public List<TopicStatus> topics(String connector) {
        Map<String, TopicStatus> used = topics.getOrDefault(connector, new ConcurrentHashMap<>());
        return used.values().stream().sorted(Comparator.comparing(TopicStatus::topic)).toList();
    }

    @Override
    public void removeTopics(String connector) {
        topics.remove(connector);
    }
}
