package dev.sluice.runtime.worker.source;

import dev.sluice.runtime.storage.ConnectorOffsetReader;
import dev.sluice.runtime.storage.SourceOffsetWriter;
import dev.sluice.runtime.worker.errors.ErrorHandler;
import dev.sluice.runtime.worker.pipeline.SourceRecordPipeline;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.Producer;

/**
 * The collaborators of one {@link SourceTaskRunner}, built for it (by {@link SourceTaskRunnerFactory} or a test); the
 * runner owns and closes them.
 *
 * @param pipeline transformations and converters
 * @param errors the task's error handler (retry, tolerance, error log)
 * @param producer sends the records
 * @param topicCreation creates missing topics before the first send to them
 * @param offsetReader the task context's offset reader
 * @param offsetWriter stages and flushes the task's offsets
 * @param offsetFlushIntervalMs {@code offset.flush.interval.ms}
 * @param offsetFlushTimeoutMs {@code offset.flush.timeout.ms}
 * @param clock milliseconds now
 */
public record SourceTaskParts(SourceRecordPipeline pipeline, ErrorHandler errors, Producer<byte[], byte[]> producer,
                              TopicCreation topicCreation, ConnectorOffsetReader offsetReader,
                              SourceOffsetWriter offsetWriter, long offsetFlushIntervalMs, long offsetFlushTimeoutMs,
                              LongSupplier clock) {

    /** Checks that every part is present. */
    public SourceTaskParts {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(errors, "errors");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(topicCreation, "topicCreation");
        Objects.requireNonNull(offsetReader, "offsetReader");
        Objects.requireNonNull(offsetWriter, "offsetWriter");
        Objects.requireNonNull(clock, "clock");
    }
}
