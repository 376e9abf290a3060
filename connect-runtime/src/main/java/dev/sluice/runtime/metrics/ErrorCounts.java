package dev.sluice.runtime.metrics;

/** The error counts of one task that {@link TaskErrorMetrics} shows; readable from any thread. */
public interface ErrorCounts {

    /** Failed attempts of any operation ({@code total-record-failures}). */
    long recordFailures();

    /** Operations that failed for good ({@code total-record-errors}). */
    long recordErrors();

    /** Records skipped because their failure was tolerated ({@code total-records-skipped}). */
    long recordsSkipped();

    /** Retries ({@code total-retries}). */
    long retries();

    /** Failures written to the error log ({@code total-errors-logged}). */
    long errorsLogged();

    /** Records sent to the dead letter queue ({@code deadletterqueue-produce-requests}). */
    long deadLetterQueueRequests();

    /** Records the dead letter queue did not take ({@code deadletterqueue-produce-failures}). */
    long deadLetterQueueFailures();

    /** When the last failure happened, in epoch milliseconds, or 0 ({@code last-error-timestamp}). */
    long lastErrorTimestamp();
}
