package dev.sluice.runtime.worker.sink;

import dev.sluice.runtime.worker.errors.ErrorHandler;
import dev.sluice.runtime.worker.errors.SinkErrantRecordReporter;
import dev.sluice.runtime.worker.pipeline.SinkRecordPipeline;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * What a {@link SinkTaskRunner} works with besides its {@code TaskSetup}; the runner owns and closes all of it.
 *
 * @param consumer the task's consumer, not yet subscribed
 * @param pipeline converters and transformations of the task
 * @param errors the task's error handler (its reporters are closed with it)
 * @param errantRecordReporter the reporter the task's context hands out, or null when none is configured
 * @param commitIntervalMs {@code offset.flush.interval.ms}
 * @param commitTimeoutMs {@code offset.flush.timeout.ms}: after this an asynchronous commit is given up on
 * @param clock milliseconds, {@code System::currentTimeMillis} outside tests
 */
public record SinkTaskParts(Consumer<byte[], byte[]> consumer, SinkRecordPipeline pipeline, ErrorHandler errors,
                            SinkErrantRecordReporter errantRecordReporter, long commitIntervalMs, long commitTimeoutMs,
                            LongSupplier clock) {

    /** Checks that the required parts are present. */
    public SinkTaskParts {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(errors, "errors");
        Objects.requireNonNull(clock, "clock");
    }
}
