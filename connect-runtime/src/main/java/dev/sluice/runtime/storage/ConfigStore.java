package dev.sluice.runtime.storage;

import dev.sluice.runtime.worker.TargetState;
import java.util.List;
import java.util.Map;

/**
 * Where a herder keeps connector configurations, target states and task configurations. Standalone
 * workers keep them in memory ({@code memory.MemoryConfigStore}); distributed workers in the compacted
 * config topic shared by the group. Writes are made by the herder's control thread; {@link #snapshot()} may
 * be called from any thread and returns the state after the last completed write.
 */
public interface ConfigStore {

    /** Loads what is stored and starts accepting writes. */
    void start();

    /** Stops accepting writes and releases resources. */
    void stop();

    /** The current state, immutable. */
    ConfigSnapshot snapshot();

    /**
     * Stores a connector's raw configuration.
     *
     * @param targetState the target state to store with it, or {@code null} to keep the current one (STARTED for
     *                    a new connector)
     */
    void putConnectorConfig(String connector, Map<String, String> config, TargetState targetState);

    /** Removes a connector with its target state and task configurations. */
    void removeConnectorConfig(String connector);

    /** Replaces the connector's task configurations (task 0 first); an empty list leaves it without tasks. */
    void putTaskConfigs(String connector, List<Map<String, String>> taskConfigs);

    /** Stores the connector's target state. */
    void putTargetState(String connector, TargetState state);
}
