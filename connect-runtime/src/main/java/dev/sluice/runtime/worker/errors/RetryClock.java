package dev.sluice.runtime.worker.errors;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The time source and the pause between retries of the error handler; tests substitute a controllable one. */
public interface RetryClock {

    /** The wall-clock time and a pause that waits on the stop signal, for production use. */
    RetryClock SYSTEM = new RetryClock() {
        @Override
        public long nowMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public void pause(long millis, CountDownLatch stop) throws InterruptedException {
            stop.await(millis, TimeUnit.MILLISECONDS);
        }
    };

    /** The current time in milliseconds. */
    long nowMillis();

    /**
     * Waits {@code millis} milliseconds, or less if {@code stop} is counted down first.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void pause(long millis, CountDownLatch stop) throws InterruptedException;
}
