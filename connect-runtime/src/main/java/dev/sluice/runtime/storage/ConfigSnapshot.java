package dev.sluice.runtime.storage;

import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.TargetState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable view of every connector configuration, target state and task configuration a
 * {@link ConfigStore} holds at one moment. Readers (REST GETs) use a snapshot without asking the herder's
 * control thread, so a busy control thread never delays them.
 *
 * <p>Configurations are raw: config provider references ({@code ${file:...}}) are kept as written.
 */
public final class ConfigSnapshot {

    /** A snapshot without connectors. */
    public static final ConfigSnapshot EMPTY = new ConfigSnapshot(Map.of(), Map.of(), Map.of());

    private final Map<String, Map<String, String>> connectorConfigs;
    private final Map<String, TargetState> targetStates;
    private final Map<String, List<Map<String, String>>> taskConfigs;

    /**
     * A snapshot of the given maps, which are copied.
     *
     * @param connectorConfigs connector name to its configuration
     * @param targetStates     connector name to its target state (connectors missing here are STARTED)
     * @param taskConfigs      connector name to its task configurations, task 0 first
     */
    public ConfigSnapshot(Map<String, Map<String, String>> connectorConfigs, Map<String, TargetState> targetStates,
                          Map<String, List<Map<String, String>>> taskConfigs) {
        Map<String, Map<String, String>> configs = new TreeMap<>();
        connectorConfigs.forEach((name, config) -> configs.put(name, Collections.unmodifiableMap(new TreeMap<>(config))));
        this.connectorConfigs = Collections.unmodifiableMap(configs);
        this.targetStates = Map.copyOf(targetStates);
        Map<String, List<Map<String, String>>> tasks = new TreeMap<>();
        taskConfigs.forEach((name, list) -> {
            List<Map<String, String>> copies = new ArrayList<>(list.size());
            list.forEach(task -> copies.add(Collections.unmodifiableMap(new TreeMap<>(task))));
            tasks.put(name, List.copyOf(copies));
        });
        this.taskConfigs = Collections.unmodifiableMap(tasks);
    }

    /** Whether a connector of that name is configured. */
    public boolean contains(String connector) {
        return connectorConfigs.containsKey(connector);
    }

    /** The names of the configured connectors, sorted. */
    public SortedSet<String> connectors() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(connectorConfigs.keySet()));
    }

    /** The connector's raw configuration, or {@code null} if it is not configured. */
    public Map<String, String> connectorConfig(String connector) {
        return connectorConfigs.get(connector);
    }

    /** The connector's target state; STARTED unless set otherwise. */
    public TargetState targetState(String connector) {
        return targetStates.getOrDefault(connector, TargetState.STARTED);
    }

    /** The connector's task configurations, task 0 first; empty if it has none (or is not configured). */
    public List<Map<String, String>> taskConfigs(String connector) {
        return taskConfigs.getOrDefault(connector, List.of());
    }

    /** The ids of the connector's tasks, in order. */
    public List<ConnectorTaskId> tasks(String connector) {
        int count = taskConfigs(connector).size();
        List<ConnectorTaskId> ids = new ArrayList<>(count);
        for (int task = 0; task < count; task++) {
            ids.add(new ConnectorTaskId(connector, task));
        }
        return ids;
    }

    /** The configuration of one task, or {@code null} if there is no such task. */
    public Map<String, String> taskConfig(ConnectorTaskId id) {
        List<Map<String, String>> tasks = taskConfigs(id.connector());
        return id.task() < tasks.size() ? tasks.get(id.task()) : null;
    }

    /** A copy of this snapshot with the connector's configuration (and target state, if not null) set. */
    public ConfigSnapshot withConnector(String connector, Map<String, String> config, TargetState targetState) {
        Map<String, Map<String, String>> configs = new TreeMap<>(connectorConfigs);
        configs.put(connector, Objects.requireNonNull(config, "config"));
        Map<String, TargetState> states = new TreeMap<>(targetStates);
        if (targetState != null) {
            states.put(connector, targetState);
        }
        return new ConfigSnapshot(configs, states, taskConfigs);
    }

    /** A copy of this snapshot without the connector, its target state and its tasks. */
    public ConfigSnapshot withoutConnector(String connector) {
        Map<String, Map<String, String>> configs = new TreeMap<>(connectorConfigs);
        configs.remove(connector);
        Map<String, TargetState> states = new TreeMap<>(targetStates);
        states.remove(connector);
        Map<String, List<Map<String, String>>> tasks = new TreeMap<>(taskConfigs);
        tasks.remove(connector);
        return new ConfigSnapshot(configs, states, tasks);
    }

    /** A copy of this snapshot with the connector's task configurations replaced (an empty list removes them). */
    public ConfigSnapshot withTaskConfigs(String connector, List<Map<String, String>> configs) {
        Map<String, List<Map<String, String>>> tasks = new TreeMap<>(taskConfigs);
        if (configs.isEmpty()) {
            tasks.remove(connector);
        } else {
            tasks.put(connector, configs);
        }
        return new ConfigSnapshot(connectorConfigs, targetStates, tasks);
    }

    /** A copy of this snapshot with the connector's target state set. */
    public ConfigSnapshot withTargetState(String connector, TargetState state) {
        Map<String, TargetState> states = new TreeMap<>(targetStates);
        states.put(connector, Objects.requireNonNull(state, "state"));
        return new ConfigSnapshot(connectorConfigs, states, taskConfigs);
    }

    @Override
    public String toString() {
        return "ConfigSnapshot{connectors=" + connectorConfigs.keySet() + ", targetStates=" + targetStates
            + ", taskCounts=" + taskCounts() + "}";
    }

    private Map<String, Integer> taskCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        taskConfigs.forEach((name, list) -> counts.put(name, list.size()));
        return counts;
    }
}
