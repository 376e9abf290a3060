package dev.sluice.runtime.storage.memory;

import dev.sluice.runtime.storage.ConfigSnapshot;
import dev.sluice.runtime.storage.ConfigStore;
import dev.sluice.runtime.worker.TargetState;
import java.util.List;
import java.util.Map;

/**
 * The config store of a standalone worker: connectors live as long as the process, as in Apache's
 * standalone mode. Each write replaces the immutable snapshot, so readers never see a half-applied write.
 */
public final class MemoryConfigStore implements ConfigStore {

    private volatile ConfigSnapshot snapshot = ConfigSnapshot.EMPTY;

    @Override
    public void start() {
        // Nothing is persisted, so there is nothing to load.
    }

    @Override
    public void stop() {
        // Nothing to release: the snapshot is garbage once the store is dropped.
    }

    @Override
    public ConfigSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public synchronized void putConnectorConfig(String connector, Map<String, String> config, TargetState targetState) {
        snapshot = snapshot.withConnector(connector, config, targetState);
    }

    @Override
    public synchronized void removeConnectorConfig(String connector) {
        snapshot = snapshot.withoutConnector(connector);
    }

    @Override
    public synchronized void putTaskConfigs(String connector, List<Map<String, String>> taskConfigs) {
        snapshot = snapshot.withTaskConfigs(connector, taskConfigs);
    }

    @Override
    public synchronized void putTargetState(String connector, TargetState state) {
        snapshot = snapshot.withTargetState(connector, state);
    }
}
