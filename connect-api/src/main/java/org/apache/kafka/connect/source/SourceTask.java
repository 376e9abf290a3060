package org.apache.kafka.connect.source;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.connector.Task;

/**
 * A task that reads data from another system and returns it as {@link SourceRecord}s from
 * {@link #poll()}. The worker sends the records to Kafka and commits their source offsets.
 */
public abstract class SourceTask implements Task {

    /** The connector configuration key that chooses how transactions are delimited. */
    public static final String TRANSACTION_BOUNDARY_CONFIG = "transaction.boundary";

    /** The context the worker handed to {@link #initialize(SourceTaskContext)}. */
    protected SourceTaskContext context;

    /**
     * Creates a source task; the worker calls {@link #initialize(SourceTaskContext)} before {@link #start(Map)}.
     */
    public SourceTask() {
    }

    /**
     * Gives the task the context it runs in.
     *
     * @param context the context
     */
    public void initialize(SourceTaskContext context) {
        this.context = context;
    }

    @Override
    public abstract void start(Map<String, String> props);

    /**
     * Returns the next records, or null if there are none for now. May block briefly, but should
     * return from time to time so the worker can pause or stop the task.
     *
     * @return the records, or null
     * @throws InterruptedException if the task thread is interrupted
     */
    public abstract List<SourceRecord> poll() throws InterruptedException;

    /**
     * Called after the worker committed offsets, for tasks that acknowledge data in the source
     * system. The default does nothing.
     *
     * @throws InterruptedException if the task thread is interrupted
     */
    public void commit() throws InterruptedException {
    }

    @Override
    public abstract void stop();

    /**
     * Called for each record once Kafka acknowledged it, or once it was filtered out by a
     * transformation ({@code metadata} null). The default does nothing.
     *
     * @param record the record as returned by {@link #poll()}, before transformation
     * @param metadata where Kafka stored it, or null if it was not sent
     * @throws InterruptedException if the task thread is interrupted
     */
    public void commitRecord(SourceRecord record, RecordMetadata metadata) throws InterruptedException {
    }

    /**
     * How the transactions of a source connector are delimited when exactly-once support is on;
     * the value of {@link #TRANSACTION_BOUNDARY_CONFIG}. The property form is the lower-case name.
     */
    public enum TransactionBoundary {
        /** One transaction per batch returned by {@link #poll()}. */
        POLL,
        /** One transaction per {@code transaction.boundary.interval.ms}. */
        INTERVAL,
        /** The task delimits transactions through its {@link TransactionContext}. */
        CONNECTOR;

        /** The boundary used when the property is not set. */
        public static final TransactionBoundary DEFAULT = POLL;

        /**
         * Parses the property value, ignoring case and surrounding whitespace.
         *
         * @param property the property value
         * @return the boundary
         * @throws NullPointerException if the value is null
         * @throws IllegalArgumentException if the value names no boundary
         */
        public static TransactionBoundary fromProperty(String property) {
            Objects.requireNonNull(property, "Value for transaction boundary property may not be null");
            return valueOf(property.trim().toUpperCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
