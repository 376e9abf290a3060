package dev.sluice.runtime.worker.source;

import dev.sluice.runtime.metrics.SourceTaskMetrics;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts how the records of one pass over a polled batch end (acknowledged, dropped or skipped, or left for a retry)
 * and reports the pass to the {@link SourceTaskMetrics} once every record has ended, so that the metrics are
 * recorded once per batch and not once per record. Acknowledgements arrive on the producer's thread, everything
 * else on the task thread.
 */
final class BatchWriteCounter {

    private final SourceTaskMetrics metrics;
    private final AtomicInteger pending;
    private final AtomicInteger written = new AtomicInteger();
    private volatile int size;

    /** A counter for {@code size} records about to be sent. */
    BatchWriteCounter(int size, SourceTaskMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.size = size;
        this.pending = new AtomicInteger(size);
        if (size == 0) {
            report();
        }
    }

    /** A record was acknowledged by Kafka. */
    void written() {
        written.incrementAndGet();
        ended();
    }

    /** A record was dropped by the pipeline or skipped after a tolerated failure. */
    void skipped() {
        ended();
    }

    /** The last {@code unsent} records of the pass were not sent and will be counted by the retry's counter. */
    void retryLater(int unsent) {
        size -= unsent;
        if (pending.addAndGet(-unsent) == 0) {
            report();
        }
    }

    private void ended() {
        if (pending.decrementAndGet() == 0) {
            report();
        }
    }

    private void report() {
        metrics.recordWrite(written.get(), size);
    }
}
