package dev.sluice.runtime.metrics;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Time;

/** A clock that moves only when a test moves it. */
final class ManualTime implements Time {

    private volatile long millis = 1_000_000L;

    void advance(long deltaMillis) {
        millis += deltaMillis;
    }

    @Override
    public long milliseconds() {
        return millis;
    }

    @Override
    public long nanoseconds() {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Override
    public void sleep(long ms) {
        advance(ms);
    }

    @Override
    public void waitObject(Object obj, Supplier<Boolean> condition, long deadlineMs) {
        throw new AssertionError("the metrics tests never wait on objects");
    }
}
