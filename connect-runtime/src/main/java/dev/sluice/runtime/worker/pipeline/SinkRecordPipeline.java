package dev.sluice.runtime.worker.pipeline;

import dev.sluice.runtime.worker.errors.SkippedRecordException;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.runtime.InternalSinkRecord;
import org.apache.kafka.connect.runtime.errors.ProcessingContext;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The record pipeline of a sink task: consumed record, converters (key, value, headers), transformations, and the
 * {@link InternalSinkRecord} handed to {@code SinkTask.put}, whose context leads back to the consumed record.
 * Built once per task, applied on the task thread to every record; closing it closes every plugin it holds.
 */
public final class SinkRecordPipeline implements AutoCloseable {

    private final SinkConversion conversion;
    private final TransformationChain<SinkRecord> transformations;
    private final TaskConverters converters;

    SinkRecordPipeline(TaskConverters converters, TransformationChain<SinkRecord> transformations,
                       SinkConversion conversion) {
        this.converters = Objects.requireNonNull(converters, "converters");
        this.transformations = Objects.requireNonNull(transformations, "transformations");
        this.conversion = Objects.requireNonNull(conversion, "conversion");
    }

    /**
     * The record to hand to the task.
     *
     * @param record the consumed record
     * @return the converted and transformed record, or null when a transformation dropped it or it failed and the
     *     failure was tolerated (either way the task skips it, and its offset may be committed)
     * @throws org.apache.kafka.connect.errors.ConnectException when it failed and the failure is not tolerated: the
     *     task must fail
     */
    public InternalSinkRecord apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            SinkRecord transformed = transformations.apply(conversion.toSinkRecord(record), record);
            return transformed == null ? null : new InternalSinkRecord(new ProcessingContext<>(record), transformed);
        } catch (SkippedRecordException skipped) {
            return null;
        }
    }

    /**
     * A consumer record rebuilt from a sink record that the task made itself, by converting it back with this task's
     * converters (the dead letter queue of errant records needs bytes).
     */
    public ConsumerRecord<byte[], byte[]> reconvert(SinkRecord record) {
        return conversion.toConsumerRecord(record);
    }

    /** The transformations. */
    public TransformationChain<SinkRecord> transformations() {
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
