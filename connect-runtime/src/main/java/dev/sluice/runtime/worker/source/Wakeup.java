package dev.sluice.runtime.worker.source;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A signal that one thread waits for with a timeout and others raise. A signal raised while nobody waits is kept
 * until the next wait, so a wake-up that races the start of a wait is not lost.
 */
final class Wakeup {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition raised = lock.newCondition();
    private boolean pending;

    /** Wakes the waiting thread, or the next one to wait. */
    void signal() {
        lock.lock();
        try {
            pending = true;
            raised.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until signalled or until {@code millis} have passed, and consumes the signal.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    void await(long millis) throws InterruptedException {
        lock.lock();
        try {
            long remaining = TimeUnit.MILLISECONDS.toNanos(Math.max(millis, 0));
            while (!pending && remaining > 0) {
                remaining = raised.awaitNanos(remaining);
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }
}
