package dev.sluice.bench.e2e;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Times a phase by sampling a progress counter until it reaches a target, within a bound. It also notes the
 * longest interval during which the counter did not move, to reveal stalls such as offset flush pauses.
 */
final class ProgressWatch {

    /** Short enough to time a phase of a few seconds to about 1%, long enough to cost the machine little. */
    private static final long SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private ProgressWatch() {
    }

    /** Reads the counter; may fail with an exception naming what it could not read. */
    @FunctionalInterface
    interface Counter {
        long read() throws Exception;
    }

    /**
     * Samples {@code counter} until it reaches {@code target}.
     *
     * @param startNanos {@link System#nanoTime()} at which the phase began
     * @param records    how many records the phase moves (the throughput's numerator)
     * @param failure    describes the phase for the timeout message (called only on failure)
     * @throws IllegalStateException if the target is not reached within {@code timeout}
     */
    static Throughput until(Counter counter, long target, long startNanos, long records, Duration timeout,
                            Supplier<String> failure) throws Exception {
        long deadline = startNanos + timeout.toNanos();
        long initial = counter.read();
        long last = initial;
        long firstProgress = -1;
        long lastChange = startNanos;
        long longestPause = 0;
        long longestPauseAt = 0;
        while (true) {
            long value = counter.read();
            long now = System.nanoTime();
            if (value != last) {
                if (firstProgress < 0) {
                    firstProgress = now - startNanos;
                }
                last = value;
                lastChange = now;
            } else if (firstProgress >= 0 && now - lastChange > longestPause) {
                longestPause = now - lastChange;
                longestPauseAt = lastChange - startNanos;
            }
            if (value >= target) {
                return new Throughput(records, now - startNanos,
                    TimeUnit.NANOSECONDS.toMillis(Math.max(0, firstProgress)),
                    TimeUnit.NANOSECONDS.toMillis(longestPause), TimeUnit.NANOSECONDS.toMillis(longestPauseAt));
            }
            if (now > deadline) {
                throw new IllegalStateException(failure.get() + ": reached " + value + " of " + target + " within "
                    + timeout.toSeconds() + " s (raise -Dbench.e2e.phaseTimeoutSeconds if the machine is slow)");
            }
            TimeUnit.NANOSECONDS.sleep(SAMPLE_NANOS);
        }
    }
}
