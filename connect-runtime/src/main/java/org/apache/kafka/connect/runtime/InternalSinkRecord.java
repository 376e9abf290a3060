package org.apache.kafka.connect.runtime;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.runtime.errors.ProcessingContext;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The type of every record the worker hands to {@code SinkTask.put}: a {@link SinkRecord} that also carries
 * the consumer record it was converted from, reachable through {@link #context()}.
 *
 * <p>Part of the runtime compatibility surface (see {@code docs/runtime-compatibility.md}); sink connectors such
 * as Debezium's JDBC sink cast to this class to read the original topic. Its original topic, partition and offset
 * are those of the consumer record, and {@code newRecord} keeps the context, so a record derived by a
 * transformation or by the task still leads back to what was consumed.
 */
public class InternalSinkRecord extends SinkRecord {

    private final ProcessingContext<ConsumerRecord<byte[], byte[]>> context;

    /**
     * Wraps a converted (and possibly transformed) record.
     *
     * @param context the context holding the consumer record; not null
     * @param record the record's current content
     */
    public InternalSinkRecord(ProcessingContext<ConsumerRecord<byte[], byte[]>> context, SinkRecord record) {
        super(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(), record.valueSchema(),
            record.value(), record.kafkaOffset(), record.timestamp(), record.timestampType(), record.headers(),
            context.original().topic(), context.original().partition(), context.original().offset());
        this.context = context;
    }

    /**
     * A record with the given content and the consumer record of {@code context} as its origin.
     *
     * @param context the context holding the consumer record; not null
     */
    protected InternalSinkRecord(ProcessingContext<ConsumerRecord<byte[], byte[]>> context, String topic,
                                 int partition, Schema keySchema, Object key, Schema valueSchema, Object value,
                                 long kafkaOffset, Long timestamp, TimestampType timestampType,
                                 Iterable<Header> headers) {
        super(topic, partition, keySchema, key, valueSchema, value, kafkaOffset, timestamp, timestampType, headers,
            context.original().topic(), context.original().partition(), context.original().offset());
        this.context = context;
    }

    /** A copy with new content that keeps this record's offset, timestamp type and context. */
    @Override
    public SinkRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp, Iterable<Header> headers) {
        return new InternalSinkRecord(context, topic, kafkaPartition, keySchema, key, valueSchema, value,
            kafkaOffset(), timestamp, timestampType(), headers);
    }

    /** The context of this record, whose {@code original()} is the consumer record it came from. */
    public ProcessingContext<ConsumerRecord<byte[], byte[]>> context() {
        return context;
    }

    // Declared, as Apache's class declares them, so that the binary surface is the same; equality is
    // the record content's (the context does not take part, as in Apache).
    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
