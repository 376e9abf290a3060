package dev.sluice.runtime.worker.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.config.ConnectorConfig.ErrorTolerance;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;

class ErrorHandlerTest {

    private final FakeClock clock = new FakeClock();
    private final ErrorCounters counters = new ErrorCounters();
    private final RecordingReporter reporter = new RecordingReporter();
    private final AtomicInteger calls = new AtomicInteger();

    private ErrorHandler handler(long retryTimeout, long maxDelay, ErrorTolerance tolerance) {
        return new ErrorHandler(new ErrorHandlingSettings(retryTimeout, maxDelay, tolerance, false, false),
            List.of(reporter), counters, clock, new Backoff(maxDelay, bound -> bound / 2));
    }

    /** Throws the given exceptions in turn, then returns "done". */
    private Operation<String, Void, String> failing(RuntimeException... errors) {
        return (input, unused) -> {
            int call = calls.getAndIncrement();
            if (call < errors.length) {
                throw errors[call];
            }
            return input + " done";
        };
    }

    private Operation<String, Void, String> alwaysFailing(RuntimeException error) {
        return (input, unused) -> {
            calls.incrementAndGet();
            throw error;
        };
    }

    @Test
    void retriableFailureIsRetriedWithDoublingPausesUntilTheTimeoutThenFailsTheTask() {
        ErrorHandler errors = handler(5_000, 60_000, ErrorTolerance.NONE);
        RetriableException retriable = new RetriableException("broker busy");

        ConnectException e = assertThrows(ConnectException.class, () -> errors.execute(Stage.TASK_PUT, Object.class,
            "orig", alwaysFailing(retriable), "r", null));

        assertEquals(List.of(300L, 600L, 1_200L, 2_400L, 500L), clock.pauses,
            "300 ms doubling, the last pause cut to the deadline; no real sleep");
        assertEquals(6, calls.get(), "attempts until the retry timeout passed");
        assertEquals("Tolerance exceeded in error handler", e.getMessage(), "Apache's wording");
        assertSame(retriable, e.getCause(), "the last error is the cause");
        assertEquals(5, counters.retries(), "retries counted");
        assertEquals(6, counters.recordFailures(), "every failed attempt counted");
        assertEquals(1, counters.recordErrors(), "one failed operation");
        assertEquals(1, reporter.failures.size(), "reported once, after the last attempt");
        assertEquals(6, reporter.failures.get(0).attempts(), "with the number of attempts");
    }

    @Test
    void retriedOperationThatSucceedsReturnsItsResult() {
        ErrorHandler errors = handler(10_000, 60_000, ErrorTolerance.NONE);
        String result = errors.execute(Stage.KEY_CONVERTER, Object.class, "orig",
            failing(new RetriableException("1"), new RetriableException("2")), "r", null);
        assertEquals("r done", result, "third attempt succeeded");
        assertEquals(List.of(300L, 600L), clock.pauses, "two pauses");
        assertEquals(0, counters.recordErrors(), "no error once it succeeded");
        assertTrue(reporter.failures.isEmpty(), "nothing reported");
    }

    @Test
    void infiniteRetryKeepsPausingAtMostTheMaximumDelay() {
        ErrorHandler errors = handler(-1, 1_000, ErrorTolerance.NONE);
        RuntimeException[] failures = new RuntimeException[70];
        java.util.Arrays.fill(failures, new RetriableException("not yet"));
        assertEquals("r done", errors.execute(Stage.TASK_PUT, Object.class, "orig", failing(failures), "r", null),
            "succeeds after 70 failures");
        assertEquals(70, clock.pauses.size(), "one pause per failure");
        assertEquals(List.of(300L, 600L, 500L, 500L), clock.pauses.subList(0, 4),
            "doubling until above errors.retry.delay.max.ms, then a random pause below it");
        assertTrue(clock.pauses.stream().allMatch(p -> p >= 0 && p <= 1_000), "no pause beyond the maximum: "
            + clock.pauses);
    }

    @Test
    void retryTimeoutZeroMeansNoRetry() {
        ErrorHandler errors = handler(0, 60_000, ErrorTolerance.ALL);
        assertThrows(SkippedRecordException.class, () -> errors.execute(Stage.TASK_PUT, Object.class, "orig",
            alwaysFailing(new RetriableException("once")), "r", null), "a retriable failure at TASK_PUT is tolerable");
        assertEquals(1, calls.get(), "tried once");
        assertTrue(clock.pauses.isEmpty(), "no pause");
    }

    @Test
    void onlyConnectRetriableExceptionsAreRetried() {
        ErrorHandler errors = handler(10_000, 60_000, ErrorTolerance.ALL);
        assertThrows(SkippedRecordException.class, () -> errors.execute(Stage.VALUE_CONVERTER, Object.class, "orig",
            alwaysFailing(new TimeoutException("kafka's own retriable")), "r", null));
        assertThrows(SkippedRecordException.class, () -> errors.execute(Stage.VALUE_CONVERTER, Object.class, "orig",
            alwaysFailing(new DataException("bad bytes")), "r", null));
        assertEquals(2, calls.get(), "neither Kafka's RetriableException nor a DataException is retried (as Apache)");
        assertTrue(clock.pauses.isEmpty(), "no pause");
    }

    @Test
    void toleratedFailureSkipsTheRecordAndIsCounted() {
        ErrorHandler errors = handler(0, 60_000, ErrorTolerance.ALL);
        DataException bad = new DataException("bad");
        SkippedRecordException skipped = assertThrows(SkippedRecordException.class, () -> errors.execute(
            Stage.TRANSFORMATION, String.class, "orig", alwaysFailing(bad), "r", null));
        assertSame(bad, skipped.getCause(), "the tolerated error");
        assertEquals(Stage.TRANSFORMATION, skipped.stage(), "stage");
        assertEquals(0, skipped.getStackTrace().length, "control flow without a stack trace");
        assertEquals(1, counters.recordsSkipped(), "skipped counted");
        FailedRecord failure = reporter.failures.get(0);
        assertEquals(new FailedRecord("orig", Stage.TRANSFORMATION, String.class, 1, bad), failure,
            "reporters see the original, stage, class, attempts and error");
    }

    @Test
    void nonRetriableFailureOutsideConversionAndTransformationIsNeverTolerated() {
        ErrorHandler errors = handler(0, 60_000, ErrorTolerance.ALL);
        IllegalStateException broken = new IllegalStateException("task bug");
        ConnectException e = assertThrows(ConnectException.class, () -> errors.execute(Stage.TASK_PUT, Object.class,
            "orig", alwaysFailing(broken), "r", null));
        assertEquals("Unhandled exception in error handler", e.getMessage(), "Apache's wording");
        assertSame(broken, e.getCause(), "cause");
        assertEquals(1, reporter.failures.size(), "still reported");
    }

    @Test
    void stopEndsARetryInProgressAndSkipsTheRecord() {
        ErrorHandler errors = handler(-1, 60_000, ErrorTolerance.NONE);
        clock.onPause = errors::stop;
        assertThrows(SkippedRecordException.class, () -> errors.execute(Stage.TASK_PUT, Object.class, "orig",
            alwaysFailing(new RetriableException("busy")), "r", null),
            "as in Apache, a retry cut short by stopping skips the record");
        assertEquals(1, calls.get(), "no attempt after the stop");
    }

    @Test
    void errorsAreNotHandled() {
        ErrorHandler errors = handler(0, 60_000, ErrorTolerance.ALL);
        assertThrows(AssertionError.class, () -> errors.execute(Stage.TRANSFORMATION, Object.class, "orig",
            (a, b) -> {
                throw new AssertionError("fatal");
            }, "r", null));
        assertTrue(reporter.failures.isEmpty(), "an Error is not reported, it propagates");
    }

    @Test
    void reportedFailureReturnsTheReportersFutureOrFailsWithToleranceNone() {
        CompletableFuture<Void> pending = new CompletableFuture<>();
        reporter.next = pending;
        ErrorHandler tolerant = handler(0, 60_000, ErrorTolerance.ALL);
        CompletableFuture<Void> reported = tolerant.reportFailed(Stage.TASK_PUT, Object.class, "orig",
            new DataException("x"));
        assertSame(pending, reported, "the pending report's future");
        assertFalse(reported.isDone(), "not done until the reporter finishes");

        ErrorHandler strict = handler(0, 60_000, ErrorTolerance.NONE);
        DataException error = new DataException("y");
        ConnectException e = assertThrows(ConnectException.class,
            () -> strict.reportFailed(Stage.TASK_PUT, Object.class, "orig", error));
        assertSame(error, e.getCause(), "cause");
        assertEquals(2, reporter.failures.size(), "reported before failing the task");
    }

    @Test
    void closeClosesReporters() {
        handler(0, 1, ErrorTolerance.NONE).close();
        assertEquals(1, reporter.closed, "reporter closed");
    }

    @Test
    void successfulOperationTouchesNothing() {
        ErrorHandler errors = handler(0, 60_000, ErrorTolerance.NONE);
        assertEquals("r done", errors.execute(Stage.VALUE_CONVERTER, Object.class, "orig", failing(), "r", null),
            "result");
        assertEquals(0, counters.recordFailures() + counters.retries() + counters.recordErrors(), "nothing counted");
        assertTrue(reporter.failures.isEmpty(), "nothing reported");
    }
}
