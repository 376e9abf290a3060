package org.apache.kafka.connect.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthTypesTest {

    @Test
    void statesPrintLikeApache() {
        assertEquals("ConnectorState{state='RUNNING', traceMessage='null', workerId='w1'}",
            new ConnectorState("RUNNING", "w1", null).toString());
        // Apache prints no separator between taskId and state
        assertEquals("TaskState{taskId='3'state='FAILED', traceMessage='boom', workerId='w1'}",
            new TaskState(3, "FAILED", "w1", "boom").toString());
        assertEquals("ConnectorHealth{name='n', connectorState=ConnectorState{state='RUNNING', traceMessage='null', "
            + "workerId='w1'}, tasks={0=TaskState{taskId='0'state='RUNNING', traceMessage='null', workerId='w1'}}, "
            + "type=sink}",
            new ConnectorHealth("n", new ConnectorState("RUNNING", "w1", null),
                Map.of(0, new TaskState(0, "RUNNING", "w1", null)), ConnectorType.SINK).toString());
    }

    @Test
    void statesRequireStateAndWorker() {
        assertEquals("State must not be null or empty",
            assertThrows(IllegalArgumentException.class, () -> new ConnectorState("", "w", null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TaskState(0, null, "w", null));
        assertEquals("Worker ID must not be null or empty",
            assertThrows(IllegalArgumentException.class, () -> new ConnectorState("R", null, null)).getMessage());
    }

    @Test
    void connectorHealthRequiresEveryPart() {
        ConnectorState state = new ConnectorState("R", "w", null);
        assertEquals("Connector name is required", assertThrows(IllegalArgumentException.class,
            () -> new ConnectorHealth("", state, Map.of(), ConnectorType.SINK)).getMessage());
        assertThrows(NullPointerException.class, () -> new ConnectorHealth("n", null, Map.of(), ConnectorType.SINK));
        assertThrows(NullPointerException.class, () -> new ConnectorHealth("n", state, null, ConnectorType.SINK));
        assertThrows(NullPointerException.class, () -> new ConnectorHealth("n", state, Map.of(), null));
    }

    @Test
    void equalityAndHashMatchApache() {
        assertEquals(new ConnectorState("R", "w", "t"), new ConnectorState("R", "w", "t"));
        assertNotEquals(new ConnectorState("R", "w", "t"), new ConnectorState("R", "w", "u"));
        assertNotEquals(new ConnectorState("R", "w", "t"), new TaskState(0, "R", "w", "t"));
        assertNotEquals(new TaskState(0, "R", "w", "t"), new TaskState(1, "R", "w", "t"));
        // values printed by Apache connect-api 4.3.1
        assertEquals(112308, new ConnectorState("R", "w", "t").hashCode());
        assertEquals(3482513, new TaskState(4, "R", "w", "t").hashCode());
    }

    @Test
    void connectorTypePrintsLowerCase() {
        assertEquals("source", ConnectorType.SOURCE.toString());
        assertEquals("sink", ConnectorType.SINK.toString());
        assertEquals("unknown", ConnectorType.UNKNOWN.toString());
    }

    @Test
    void optionalClusterStateMethodsThrowUnlessImplemented() {
        ConnectClusterState minimal = new ConnectClusterState() {
            @Override
            public Collection<String> connectors() {
                return java.util.List.of();
            }

            @Override
            public ConnectorHealth connectorHealth(String connName) {
                return null;
            }
        };
        assertThrows(UnsupportedOperationException.class, () -> minimal.connectorConfig("x"));
        assertThrows(UnsupportedOperationException.class, minimal::clusterDetails);
    }
}
