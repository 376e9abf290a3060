package dev.sluice.runtime.worker;

import java.util.Comparator;
import java.util.Objects;

/**
 * Names one task of one connector: the connector's name and the task's number (0-based).
 *
 * <p>{@link #toString()} is {@code <connector>-<task>}, the form Apache uses in logs, thread names and
 * client ids.
 */
public record ConnectorTaskId(String connector, int task) implements Comparable<ConnectorTaskId> {

    private static final Comparator<ConnectorTaskId> ORDER =
        Comparator.comparing(ConnectorTaskId::connector).thenComparingInt(ConnectorTaskId::task);

    /** Checks that the connector is named and the task number is not negative. */
    public ConnectorTaskId {
        Objects.requireNonNull(connector, "connector");
        if (task < 0) {
            throw new IllegalArgumentException("Task number of connector '" + connector + "' must be >= 0, got " + task);
        }
    }

    @Override
    public int compareTo(ConnectorTaskId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return connector + "-" + task;
    }
}
