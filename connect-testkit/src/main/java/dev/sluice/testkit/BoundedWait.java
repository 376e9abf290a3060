package dev.sluice.testkit;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Repeats an attempt until it yields a value or a deadline passes; the testkit's only polling loop. */
final class BoundedWait {

    private BoundedWait() {
    }

    /**
     * Calls {@code attempt} every {@code interval} until it returns a value; an exception thrown by the attempt
     * ends the wait at once. On timeout throws {@link KafkaClusterException} with {@code timeoutMessage}.
     */
    static <T> T until(Duration timeout, Duration interval, Supplier<Optional<T>> attempt, Supplier<String> timeoutMessage) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> result = attempt.get();
            if (result.isPresent()) {
                return result.get();
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new KafkaClusterException(timeoutMessage.get());
            }
            LockSupport.parkNanos(Math.min(remaining, interval.toNanos()));
            if (Thread.currentThread().isInterrupted()) {
                throw new KafkaClusterException("Interrupted while waiting: " + timeoutMessage.get());
            }
        }
    }

    static long remainingMillis(long deadlineNanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }
}
