package dev.sluice.runtime.worker.errors;

import dev.sluice.runtime.metrics.ErrorCounts;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The error counts of one task, with the meaning of Apache Connect's {@code task-error-metrics} group; updated by the
 * task thread and by dead letter queue callbacks, readable from any thread (and read by that group's metrics).
 */
public final class ErrorCounters implements ErrorCounts {

    private final LongAdder recordFailures = new LongAdder();
    private final LongAdder recordErrors = new LongAdder();
    private final LongAdder recordsSkipped = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder errorsLogged = new LongAdder();
    private final LongAdder deadLetterQueueRequests = new LongAdder();
    private final LongAdder deadLetterQueueFailures = new LongAdder();
    private final AtomicLong lastErrorTimestamp = new AtomicLong();

    /** Counts one failed attempt of an operation and remembers when it happened. */
    public void recordFailure(long nowMillis) {
        recordFailures.increment();
        lastErrorTimestamp.set(nowMillis);
    }

    /** Counts one operation that failed for good (after any retries). */
    public void recordError() {
        recordErrors.increment();
    }

    /** Counts one record skipped because its failure was tolerated. */
    public void recordSkipped() {
        recordsSkipped.increment();
    }

    /** Counts one retry. */
    public void recordRetry() {
        retries.increment();
    }

    /** Counts one failure written to the error log. */
    public void recordErrorLogged() {
        errorsLogged.increment();
    }

    /** Counts one record sent to the dead letter queue. */
    public void recordDeadLetterQueueRequest() {
        deadLetterQueueRequests.increment();
    }

    /** Counts one record the dead letter queue did not take. */
    public void recordDeadLetterQueueFailure() {
        deadLetterQueueFailures.increment();
    }

    /** Failed attempts ({@code total-record-failures}). */
    @Override
    public long recordFailures() {
        return recordFailures.sum();
    }

    /** Operations that failed for good ({@code total-record-errors}). */
    @Override
    public long recordErrors() {
        return recordErrors.sum();
    }

    /** Records skipped ({@code total-records-skipped}). */
    @Override
    public long recordsSkipped() {
        return recordsSkipped.sum();
    }

    /** Retries ({@code total-retries}). */
    @Override
    public long retries() {
        return retries.sum();
    }

    /** Failures logged ({@code total-errors-logged}). */
    @Override
    public long errorsLogged() {
        return errorsLogged.sum();
    }

    /** Dead letter queue writes ({@code deadletterqueue-produce-requests}). */
    @Override
    public long deadLetterQueueRequests() {
        return deadLetterQueueRequests.sum();
    }

    /** Failed dead letter queue writes ({@code deadletterqueue-produce-failures}). */
    @Override
    public long deadLetterQueueFailures() {
        return deadLetterQueueFailures.sum();
    }

    /** When the last failure happened, in epoch milliseconds, or 0 ({@code last-error-timestamp}). */
    @Override
    public long lastErrorTimestamp() {
        return lastErrorTimestamp.get();
    }
}
