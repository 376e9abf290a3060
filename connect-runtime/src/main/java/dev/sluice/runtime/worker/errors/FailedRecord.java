package dev.sluice.runtime.worker.errors;

import java.util.Objects;

/**
 * One failed operation on a record, as the error reporters see it. Created only when an operation fails.
 *
 * @param original the record as the task received it: a {@code ConsumerRecord<byte[], byte[]>} in a sink task, a
 *     {@code SourceRecord} (before transformations) in a source task; null when there is none (a failed poll)
 * @param stage where it failed
 * @param executingClass the class of the plugin (or task) that failed
 * @param attempts how many times the operation was tried
 * @param error the last error
 */
public record FailedRecord(Object original, Stage stage, Class<?> executingClass, int attempts, Throwable error) {

    /** Checks the components. */
    public FailedRecord {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(executingClass, "executingClass");
        Objects.requireNonNull(error, "error");
    }
}
