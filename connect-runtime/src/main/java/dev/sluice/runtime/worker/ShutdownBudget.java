package dev.sluice.runtime.worker;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * One time budget shared by a batch of waits: a batch of tasks stopped together all wait within one
 * {@code task.shutdown.graceful.timeout.ms}, not one each. Each wait takes what is {@link #remaining()}.
 */
public final class ShutdownBudget {

    private final LongSupplier nanoClock;
    private final long deadlineNanos;
    private final Duration total;

    private ShutdownBudget(Duration total, LongSupplier nanoClock) {
        this.total = total;
        this.nanoClock = nanoClock;
        this.deadlineNanos = nanoClock.getAsLong() + total.toNanos();
    }

    /** A budget of {@code total} starting now. */
    public static ShutdownBudget startingNow(Duration total) {
        return startingNow(total, System::nanoTime);
    }

    static ShutdownBudget startingNow(Duration total, LongSupplier nanoClock) {
        Objects.requireNonNull(total, "total");
        if (total.isNegative()) {
            throw new IllegalArgumentException("A shutdown budget cannot be negative, got " + total);
        }
        return new ShutdownBudget(total, nanoClock);
    }

    /** The whole budget, as given. */
    public Duration total() {
        return total;
    }

    /** What is left of the budget; zero once it is spent. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - nanoClock.getAsLong()));
    }

    /** Whether nothing is left. */
    public boolean isSpent() {
        return remaining().isZero();
    }
}
