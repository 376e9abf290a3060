package dev.sluice.runtime.worker;

import org.slf4j.MDC;

/**
 * The logging context of connector and task threads: the MDC key {@code connector.context} holds a prefix
 * such as {@code [my-connector|task-0] }, in Apache's format, so that log patterns using
 * {@code %X{connector.context}} read the same as with Apache.
 */
public final class ConnectorMdc {

    /** The MDC key, as Apache names it. */
    public static final String KEY = "connector.context";

    private ConnectorMdc() {
    }

    /** {@code [<connector>|worker] }: the connector instance's own work. */
    public static String forConnector(String connector) {
        return "[" + connector + "|worker] ";
    }

    /** {@code [<connector>|task-<n>] }: a task's work. */
    public static String forTask(ConnectorTaskId id) {
        return "[" + id.connector() + "|task-" + id.task() + "] ";
    }

    /** {@code [<connector>|task-<n>|offsets] }: offset commits of a task. */
    public static String forOffsets(ConnectorTaskId id) {
        return "[" + id.connector() + "|task-" + id.task() + "|offsets] ";
    }

    /** {@code [<connector>|validate] }: validation of a connector configuration. */
    public static String forValidation(String connector) {
        return "[" + connector + "|validate] ";
    }

    /** Sets the context to {@code prefix} on this thread until the returned scope is closed. */
    public static Scope enter(String prefix) {
        String previous = MDC.get(KEY);
        MDC.put(KEY, prefix);
        return new Scope(previous);
    }

    /** Restores the context that was set before {@link #enter(String)} when closed. */
    public static final class Scope implements AutoCloseable {

        private final String previous;

        private Scope(String previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (previous == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, previous);
            }
        }
    }
}
