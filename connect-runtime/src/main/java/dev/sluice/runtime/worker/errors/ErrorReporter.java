package dev.sluice.runtime.worker.errors;

import java.util.concurrent.CompletableFuture;

/** Something told about every failed operation: the error log, the dead letter queue. */
public interface ErrorReporter extends AutoCloseable {

    /**
     * Reports one failure.
     *
     * @return a future completed once the report is durable (a dead letter queue write acknowledged); already
     *     completed for reporters that finish synchronously
     */
    CompletableFuture<Void> report(FailedRecord failure);

    /** Releases what the reporter holds; by default nothing. */
    @Override
    default void close() {
    }
}
