package dev.sluice.runtime.metrics;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The current state of a connector or task, in lower case as the {@code status} metric shows it, and how long it
 * has spent in each state since the timer was created (for {@code running-ratio} and {@code pause-ratio}).
 * Updated by status reports from any thread; read by metric reporters.
 */
final class StateTimer {

    private final long createdMs;
    private final Map<String, Long> spentMs = new HashMap<>();
    private String state;
    private long enteredMs;

    /** A timer that starts in {@code initialState} at {@code nowMs}. */
    StateTimer(String initialState, long nowMs) {
        this.state = normalize(initialState);
        this.createdMs = nowMs;
        this.enteredMs = nowMs;
    }

    /** Moves to {@code next} at {@code nowMs}. */
    synchronized void changeState(String next, long nowMs) {
        String normalized = normalize(next);
        spentMs.merge(state, Math.max(nowMs - enteredMs, 0L), Long::sum);
        state = normalized;
        enteredMs = nowMs;
    }

    /** The current state, in lower case. */
    synchronized String state() {
        return state;
    }

    /** The share (0 to 1) of the time since creation spent in {@code wanted}, up to {@code nowMs}. */
    synchronized double ratio(String wanted, long nowMs) {
        long total = nowMs - createdMs;
        if (total <= 0) {
            return state.equals(wanted) ? 1.0 : 0.0;
        }
        long spent = spentMs.getOrDefault(wanted, 0L);
        if (state.equals(wanted)) {
            spent += Math.max(nowMs - enteredMs, 0L);
        }
        return (double) spent / total;
    }

    private static String normalize(String state) {
        return Objects.requireNonNull(state, "state").toLowerCase(Locale.ROOT);
    }
}
