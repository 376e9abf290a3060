package dev.sluice.runtime.worker.errors;

import dev.sluice.runtime.config.ConnectorConfig.ErrorTolerance;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task's operations with retry and tolerance, as Apache Connect's {@code errors.*} settings define them.
 *
 * <p>An operation that throws a {@link RetriableException} is tried again, with {@link Backoff} pauses, until
 * {@code errors.retry.timeout} has passed since the first attempt (0: never; -1: forever). Other exceptions are not
 * retried. An operation that still fails is reported to every {@link ErrorReporter}, counted, and then:
 * <ul>
 *   <li>if the exception cannot be tolerated in its stage (only conversions and transformations tolerate any
 *       exception; other stages only retriable ones), the task fails: {@link ConnectException}
 *       "Unhandled exception in error handler" with the error as cause;</li>
 *   <li>else with {@code errors.tolerance=none} the task fails: {@link ConnectException}
 *       "Tolerance exceeded in error handler" with the error as cause;</li>
 *   <li>else ({@code all}) the record is skipped: {@link SkippedRecordException}.</li>
 * </ul>
 * {@link Error}s are not handled: they propagate unchanged.
 *
 * <p>The successful path costs one call and, only when a retry timeout is configured, one clock read.
 * {@link #execute} runs on the task thread; {@link #reportFailed} may be called from any thread.
 */
public final class ErrorHandler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandler.class);

    private final ErrorHandlingSettings settings;
    private final List<ErrorReporter> reporters;
    private final ErrorCounters counters;
    private final RetryClock clock;
    private final Backoff backoff;
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    /**
     * A handler with the default clock and backoff.
     *
     * @param settings the connector's {@code errors.*} settings
     * @param reporters told about every failure, in order
     * @param counters where failures are counted
     */
    public ErrorHandler(ErrorHandlingSettings settings, List<ErrorReporter> reporters, ErrorCounters counters) {
        this(settings, reporters, counters, RetryClock.SYSTEM, new Backoff(settings.retryMaxDelayMs()));
    }

    /**
     * A handler with a given clock and backoff (tests).
     *
     * @param settings the connector's {@code errors.*} settings
     * @param reporters told about every failure, in order
     * @param counters where failures are counted
     * @param clock the time source and pause between retries
     * @param backoff the pauses between retries
     */
    public ErrorHandler(ErrorHandlingSettings settings, List<ErrorReporter> reporters, ErrorCounters counters,
                        RetryClock clock, Backoff backoff) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.reporters = List.copyOf(reporters);
        this.counters = Objects.requireNonNull(counters, "counters");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /**
     * Runs an operation on a record's behalf.
     *
     * @param stage where the operation runs
     * @param executingClass the class of the plugin or task the operation calls
     * @param original the record as the task received it (see {@link FailedRecord#original()})
     * @param operation the operation
     * @param first its first input
     * @param second its second input
     * @return the operation's result
     * @throws SkippedRecordException if it failed and the failure is tolerated
     * @throws ConnectException if it failed and the failure is not tolerated
     */
    public <A, B, R> R execute(Stage stage, Class<?> executingClass, Object original, Operation<A, B, R> operation,
                               A first, B second) {
        long start = settings.retryTimeoutMs() > 0 ? clock.nowMillis() : 0L;
        try {
            return operation.apply(first, second);
        } catch (Exception e) {
            return retryOrFail(stage, executingClass, original, operation, first, second, e, start);
        }
    }

    /**
     * Reports an operation that failed outside this handler (a record a sink task reported as errant) and applies
     * the tolerance to it.
     *
     * @return a future completed when every reporter has finished with it (the dead letter queue write is acknowledged)
     * @throws ConnectException with {@code errors.tolerance=none}, after reporting
     */
    public CompletableFuture<Void> reportFailed(Stage stage, Class<?> executingClass, Object original, Throwable error) {
        counters.recordFailure(clock.nowMillis());
        CompletableFuture<Void> reported = report(new FailedRecord(original, stage, executingClass, 1, error));
        if (settings.tolerance() == ErrorTolerance.NONE) {
            counters.recordError();
            throw new ConnectException("Tolerance exceeded in error handler", error);
        }
        return reported;
    }

    /** Ends any retry in progress: the pause returns at once and no further attempt is made. */
    public void stop() {
        stopRequested.countDown();
    }

    /** The counts of this task's failures. */
    public ErrorCounters counters() {
        return counters;
    }

    /** The configured tolerance. */
    public ErrorTolerance tolerance() {
        return settings.tolerance();
    }

    /** Closes the reporters. */
    @Override
    public void close() {
        for (ErrorReporter reporter : reporters) {
            try {
                reporter.close();
            } catch (RuntimeException e) {
                log.warn("Closing error reporter {} failed", reporter.getClass().getName(), e);
            }
        }
    }

    private <A, B, R> R retryOrFail(Stage stage, Class<?> executingClass, Object original,
                                    Operation<A, B, R> operation, A first, B second, Exception error, long start) {
        Exception last = error;
        int attempts = 1;
        counters.recordFailure(clock.nowMillis());
        boolean stopped = false;
        if (last instanceof RetriableException && settings.retryTimeoutMs() != 0) {
            long deadline = settings.retryTimeoutMs() < 0 ? Long.MAX_VALUE : start + settings.retryTimeoutMs();
            while (last instanceof RetriableException) {
                long now = clock.nowMillis();
                if (now >= deadline) {
                    break;
                }
                stopped = !pause(backoff.delayAfter(attempts, now, deadline));
                if (stopped) {
                    break;
                }
                counters.recordRetry();
                attempts++;
                try {
                    return operation.apply(first, second);
                } catch (Exception next) {
                    counters.recordFailure(clock.nowMillis());
                    last = next;
                }
            }
        }
        counters.recordError();
        report(new FailedRecord(original, stage, executingClass, attempts, last));
        if (stopped) {
            // As in Apache: a retry cut short by the task stopping skips the record whatever the tolerance.
            counters.recordSkipped();
            throw new SkippedRecordException(stage, last);
        }
        if (!stage.toleratesAnyException() && !(last instanceof RetriableException)) {
            throw new ConnectException("Unhandled exception in error handler", last);
        }
        if (settings.tolerance() == ErrorTolerance.NONE) {
            throw new ConnectException("Tolerance exceeded in error handler", last);
        }
        counters.recordSkipped();
        throw new SkippedRecordException(stage, last);
    }

    /** Pauses before a retry; false if the task is stopping (or the thread was interrupted) instead. */
    private boolean pause(long millis) {
        if (stopRequested.getCount() == 0) {
            return false;
        }
        try {
            clock.pause(millis, stopRequested);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.debug("Interrupted while pausing before a retry; not retrying");
            return false;
        }
        return stopRequested.getCount() != 0;
    }

    private CompletableFuture<Void> report(FailedRecord failure) {
        List<CompletableFuture<Void>> pending = null;
        for (ErrorReporter reporter : reporters) {
            CompletableFuture<Void> future = reporter.report(failure);
            if (!future.isDone() || future.isCompletedExceptionally()) {
                if (pending == null) {
                    pending = new ArrayList<>(reporters.size());
                }
                pending.add(future);
            }
        }
        if (pending == null) {
            return CompletableFuture.completedFuture(null);
        }
        return pending.size() == 1 ? pending.get(0) : CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
    }
}
