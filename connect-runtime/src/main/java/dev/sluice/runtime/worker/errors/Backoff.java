package dev.sluice.runtime.worker.errors;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * The pause before the next attempt of a retriable operation, as Apache Connect computes it: 300 ms before the
 * second attempt, doubling for each further attempt; once that exceeds {@code errors.retry.delay.max.ms}, a random
 * pause below the maximum; never past the retry deadline.
 */
public final class Backoff {

    /** The first pause, in milliseconds. */
    public static final long MIN_DELAY_MS = 300L;

    // 300 ms doubled this many times already exceeds any sensible maximum; also keeps the shift from overflowing.
    private static final int MAX_DOUBLINGS = 40;

    private final long maxDelayMs;
    private final LongUnaryOperator jitter;

    /**
     * A backoff with random pauses below {@code maxDelayMs} once the doubling exceeds it.
     *
     * @param maxDelayMs the longest pause
     */
    public Backoff(long maxDelayMs) {
        this(maxDelayMs, bound -> bound <= 0 ? 0 : ThreadLocalRandom.current().nextLong(bound));
    }

    /**
     * A backoff with a given source of random pauses.
     *
     * @param maxDelayMs the longest pause
     * @param jitter maps the maximum to a pause in {@code [0, maximum)}
     */
    public Backoff(long maxDelayMs, LongUnaryOperator jitter) {
        this.maxDelayMs = maxDelayMs;
        this.jitter = jitter;
    }

    /**
     * The pause after attempt number {@code attempt} (1 for the first) failed.
     *
     * @param attempt the attempt that just failed, from 1
     * @param now the current time
     * @param deadline the time after which no attempt may start
     * @return the pause in milliseconds, at least 0
     */
    public long delayAfter(int attempt, long now, long deadline) {
        int doublings = attempt - 1;
        long delay = doublings >= MAX_DOUBLINGS ? Long.MAX_VALUE : MIN_DELAY_MS << doublings;
        if (delay > maxDelayMs) {
            delay = jitter.applyAsLong(maxDelayMs);
        }
        if (deadline - now < delay) {
            delay = Math.max(0, deadline - now);
        }
        return delay;
    }
}
