package dev.sluice.runtime.worker.pipeline;

import dev.sluice.runtime.worker.errors.SkippedRecordException;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The record pipeline of a source task: the polled record, transformations, converters (headers, key, value), and
 * the producer record to send. Built once per task, applied on the task thread to every record; closing it closes
 * every plugin it holds.
 */
public final class SourceRecordPipeline implements AutoCloseable {

    private final TaskConverters converters;
    private final TransformationChain<SourceRecord> transformations;
    private final SourceConversion conversion;

    SourceRecordPipeline(TaskConverters converters, TransformationChain<SourceRecord> transformations,
                         SourceConversion conversion) {
        this.converters = Objects.requireNonNull(converters, "converters");
        this.transformations = Objects.requireNonNull(transformations, "transformations");
        this.conversion = Objects.requireNonNull(conversion, "conversion");
    }

    /**
     * The record to send.
     *
     * @param record the record the task returned from {@code poll()}
     * @return the producer record, or null when a transformation dropped it or it failed and the failure was
     *     tolerated (either way it is not sent, and its source offset may be committed)
     * @throws org.apache.kafka.connect.errors.ConnectException when it failed and the failure is not tolerated: the
     *     task must fail
     * @throws org.apache.kafka.common.InvalidRecordException when the transformed record has a negative timestamp
     *     other than -1
     */
    public ProducerRecord<byte[], byte[]> apply(SourceRecord record) {
        try {
            SourceRecord transformed = transformations.apply(record, record);
            return transformed == null ? null : conversion.toProducerRecord(transformed, record);
        } catch (SkippedRecordException skipped) {
            return null;
        }
    }

    /** The transformations. */
    public TransformationChain<SourceRecord> transformations() {
        return transformations;
    }

    /** The converters. */
    public TaskConverters converters() {
        return converters;
    }

    /** Closes every transformation, predicate and converter once. */
    @Override
    public void close() {
        transformations.close();
        converters.close();
    }
}
