package org.apache.kafka.connect.health;

import java.util.Map;
import java.util.Objects;

/**
 * The health of one connector as REST extensions see it: its state, the state of each of its
 * tasks, and its kind.
 */
public class ConnectorHealth {

    private final String name;
    private final ConnectorState connectorState;
    private final Map<Integer, TaskState> tasks;
    private final ConnectorType type;

    /**
     * Creates a connector health report.
     *
     * @param name the connector's name; must not be null or empty
     * @param connectorState the connector's state; must not be null
     * @param tasks the state of each task by task number; must not be null
     * @param type the connector's kind; must not be null
     */
    public ConnectorHealth(String name, ConnectorState connectorState,
                           Map<Integer, TaskState> tasks, ConnectorType type) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("Connector name is required");
        }
        Objects.requireNonNull(connectorState, "connectorState can't be null");
        Objects.requireNonNull(tasks, "tasks can't be null");
        Objects.requireNonNull(type, "type can't be null");
        this.name = name;
        this.connectorState = connectorState;
        this.tasks = tasks;
        this.type = type;
    }

    /** @return the connector's name */
    public String name() {
        return name;
    }

    /** @return the connector's state */
    public ConnectorState connectorState() {
        return connectorState;
    }

    /** @return the state of each task, by task number */
    public Map<Integer, TaskState> tasksState() {
        return tasks;
    }

    /** @return the connector's kind */
    public ConnectorType type() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        ConnectorHealth that = (ConnectorHealth) o;
        return name.equals(that.name)
            && connectorState.equals(that.connectorState)
            && tasks.equals(that.tasks)
            && type == that.type;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, connectorState, tasks, type);
    }

    @Override
    public String toString() {
        return "ConnectorHealth{"
            + "name='" + name + '\''
            + ", connectorState=" + connectorState
            + ", tasks=" + tasks
            + ", type=" + type
            + '}';
    }
}
