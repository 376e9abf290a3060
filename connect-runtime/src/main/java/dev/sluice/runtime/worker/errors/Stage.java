package dev.sluice.runtime.worker.errors;

/**
 * Where in a task's data flow an operation failed; the names are Apache Connect's and appear in error logs and in
 * the {@code __connect.errors.stage} header of dead letter queue records.
 */
public enum Stage {
    /** A source task's {@code poll()}. */
    TASK_POLL,
    /** A sink task's {@code put()}, or a record the task reported as errant. */
    TASK_PUT,
    /** A transformation or its predicate. */
    TRANSFORMATION,
    /** The key converter. */
    KEY_CONVERTER,
    /** The value converter. */
    VALUE_CONVERTER,
    /** The header converter. */
    HEADER_CONVERTER,
    /** Sending a source record to Kafka. */
    KAFKA_PRODUCE,
    /** Consuming a record from Kafka. */
    KAFKA_CONSUME;

    /**
     * Whether any exception of an operation in this stage can be tolerated; in the other stages only a
     * {@link org.apache.kafka.connect.errors.RetriableException} can.
     */
    public boolean toleratesAnyException() {
        return this == TRANSFORMATION || this == KEY_CONVERTER || this == VALUE_CONVERTER || this == HEADER_CONVERTER;
    }
}
