package dev.sluice.runtime.worker.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void pausesStartAt300MsAndDouble() {
        Backoff backoff = new Backoff(60_000, bound -> -1);
        assertEquals(300, backoff.delayAfter(1, 0, Long.MAX_VALUE), "after the first attempt");
        assertEquals(600, backoff.delayAfter(2, 0, Long.MAX_VALUE), "after the second");
        assertEquals(38_400, backoff.delayAfter(8, 0, Long.MAX_VALUE), "300 * 2^7");
    }

    @Test
    void aboveTheMaximumThePauseIsRandomBelowIt() {
        Backoff backoff = new Backoff(1_000, bound -> bound - 1);
        assertEquals(600, backoff.delayAfter(2, 0, Long.MAX_VALUE), "600 is below the maximum");
        assertEquals(999, backoff.delayAfter(3, 0, Long.MAX_VALUE), "1200 exceeds it: random in [0, 1000)");
        assertEquals(999, backoff.delayAfter(200, 0, Long.MAX_VALUE), "a huge attempt number does not overflow");
    }

    @Test
    void pauseNeverPassesTheDeadline() {
        Backoff backoff = new Backoff(60_000);
        assertEquals(100, backoff.delayAfter(1, 900, 1_000), "cut to the deadline");
        assertEquals(0, backoff.delayAfter(1, 1_100, 1_000), "never negative");
    }
}
