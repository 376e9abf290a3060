package dev.sluice.bench.e2e;

import java.util.Locale;

/**
 * One timed phase: how many records went through in how long, and the longest time in it during which the
 * observed progress did not move.
 *
 * @param records            records moved
 * @param nanos              elapsed time
 * @param firstRecordMillis  time until the first progress was observed (start-up: task start, group join, ...)
 * @param longestPauseMillis longest interval without observed progress after the first
 * @param longestPauseAtMillis when, counted from the phase's start, that interval began
 *                           (these three are 0 when progress was not sampled)
 */
record Throughput(long records, long nanos, long firstRecordMillis, long longestPauseMillis,
                  long longestPauseAtMillis) {

    /** A phase timed without sampling its progress. */
    static Throughput unsampled(long records, long nanos) {
        return new Throughput(records, nanos, 0, 0, 0);
    }

    /** Records per second. */
    double recordsPerSecond() {
        return records * 1_000_000_000.0 / Math.max(1, nanos);
    }

    /** Elapsed seconds. */
    double seconds() {
        return nanos / 1_000_000_000.0;
    }

    /** One line for the log: rate, duration, start-up and the longest pause with its position. */
    String describe() {
        return String.format(Locale.ROOT, "%,d records in %.2f s = %,.0f records/s; first progress after %d ms,"
            + " longest pause %d ms at %.2f s", records, seconds(), recordsPerSecond(), firstRecordMillis,
            longestPauseMillis, longestPauseAtMillis / 1000.0);
    }
}
