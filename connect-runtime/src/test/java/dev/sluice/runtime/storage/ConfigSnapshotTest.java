package dev.sluice.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.TargetState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigSnapshotTest {

    @Test
    void emptySnapshotKnowsNoConnector() {
        ConfigSnapshot empty = ConfigSnapshot.EMPTY;

        assertTrue(empty.connectors().isEmpty());
        assertFalse(empty.contains("a"));
        assertNull(empty.connectorConfig("a"), "an unknown connector has no configuration");
        assertEquals(List.of(), empty.taskConfigs("a"));
        assertEquals(List.of(), empty.tasks("a"));
        assertEquals(TargetState.STARTED, empty.targetState("a"), "a connector without target state is STARTED");
    }

    @Test
    void connectorsAreListedSorted() {
        ConfigSnapshot snapshot = ConfigSnapshot.EMPTY
            .withConnector("zeta", Map.of("k", "v"), null)
            .withConnector("alpha", Map.of("k", "v"), null)
            .withConnector("mid", Map.of("k", "v"), null);

        assertEquals(List.of("alpha", "mid", "zeta"), new ArrayList<>(snapshot.connectors()));
    }

    @Test
    void withConnectorSetsTheTargetStateOnlyWhenGiven() {
        ConfigSnapshot paused = ConfigSnapshot.EMPTY.withConnector("c", Map.of("k", "1"), TargetState.PAUSED);
        ConfigSnapshot updated = paused.withConnector("c", Map.of("k", "2"), null);

        assertEquals(TargetState.PAUSED, paused.targetState("c"));
        assertEquals(TargetState.PAUSED, updated.targetState("c"), "a null target state keeps the stored one");
        assertEquals(Map.of("k", "2"), updated.connectorConfig("c"), "the configuration is replaced");
        assertEquals(TargetState.STARTED, ConfigSnapshot.EMPTY.withConnector("n", Map.of(), null).targetState("n"),
            "a new connector without target state is STARTED");
    }

    @Test
    void copiesAreIndependentOfTheirSourceAndOfTheCallersMaps() {
        Map<String, String> config = new HashMap<>(Map.of("k", "1"));
        ConfigSnapshot first = ConfigSnapshot.EMPTY.withConnector("c", config, null);
        config.put("k", "changed");
        ConfigSnapshot second = first.withTargetState("c", TargetState.STOPPED)
            .withTaskConfigs("c", List.of(Map.of("t", "0")));

        assertEquals("1", first.connectorConfig("c").get("k"), "changing the caller's map must not change the snapshot");
        assertEquals(TargetState.STARTED, first.targetState("c"), "a derived snapshot must not change its source");
        assertEquals(List.of(), first.taskConfigs("c"));
        assertEquals(TargetState.STOPPED, second.targetState("c"));
        assertThrows(UnsupportedOperationException.class, () -> first.connectorConfig("c").put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> second.taskConfigs("c").get(0).put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> second.taskConfigs("c").add(Map.of()));
        assertThrows(UnsupportedOperationException.class, () -> second.connectors().add("other"));
    }

    @Test
    void taskIdsAndConfigsFollowTheTaskOrder() {
        ConfigSnapshot snapshot = ConfigSnapshot.EMPTY.withConnector("c", Map.of(), null)
            .withTaskConfigs("c", List.of(Map.of("i", "0"), Map.of("i", "1"), Map.of("i", "2")));

        assertEquals(List.of(new ConnectorTaskId("c", 0), new ConnectorTaskId("c", 1), new ConnectorTaskId("c", 2)),
            snapshot.tasks("c"));
        assertEquals(Map.of("i", "1"), snapshot.taskConfig(new ConnectorTaskId("c", 1)));
        assertNull(snapshot.taskConfig(new ConnectorTaskId("c", 3)), "a task beyond the last has no configuration");
        assertNull(snapshot.taskConfig(new ConnectorTaskId("other", 0)), "another connector's task has no configuration");
    }

    @Test
    void emptyTaskListLeavesTheConnectorWithoutTasks() {
        ConfigSnapshot withTasks = ConfigSnapshot.EMPTY.withConnector("c", Map.of(), null)
            .withTaskConfigs("c", List.of(Map.of("i", "0")));

        ConfigSnapshot without = withTasks.withTaskConfigs("c", List.of());

        assertEquals(List.of(), without.tasks("c"));
        assertTrue(without.contains("c"), "removing the tasks keeps the connector");
    }

    @Test
    void withoutConnectorForgetsItsConfigTargetStateAndTasks() {
        ConfigSnapshot full = ConfigSnapshot.EMPTY.withConnector("c", Map.of("k", "v"), TargetState.PAUSED)
            .withTaskConfigs("c", List.of(Map.of("i", "0")))
            .withConnector("keep", Map.of("k", "v"), null);

        ConfigSnapshot removed = full.withoutConnector("c");

        assertFalse(removed.contains("c"));
        assertNull(removed.connectorConfig("c"));
        assertEquals(List.of(), removed.tasks("c"), "the tasks go with the connector");
        assertEquals(TargetState.STARTED, removed.targetState("c"), "the target state goes with the connector");
        assertTrue(removed.contains("keep"), "other connectors stay");
        assertTrue(full.contains("c"), "the source snapshot is unchanged");
    }

    @Test
    void toStringNamesConnectorsAndTaskCountsButNoConfiguration() {
        String text = ConfigSnapshot.EMPTY.withConnector("c", Map.of("password", "s3cret"), TargetState.PAUSED)
            .withTaskConfigs("c", List.of(Map.of("password", "s3cret"), Map.of()))
            .toString();

        assertTrue(text.contains("c") && text.contains("PAUSED") && text.contains("c=2"), text);
        assertFalse(text.contains("s3cret"), "configuration values (secrets) must not appear in logs: " + text);
    }
}
