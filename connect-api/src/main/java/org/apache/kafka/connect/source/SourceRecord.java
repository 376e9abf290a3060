package org.apache.kafka.connect.source;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.Header;

/**
 * A record produced by a {@link SourceTask}. Besides the Kafka fields it carries the source
 * partition (which stream of the source system it came from) and the source offset (where in that
 * stream), which the worker commits so the task can resume after a restart.
 */
public class SourceRecord extends ConnectRecord<SourceRecord> {

    private final Map<String, ?> sourcePartition;
    private final Map<String, ?> sourceOffset;

    /**
     * Creates a record with a value only, for a given Kafka partition.
     *
     * @param sourcePartition the source partition
     * @param sourceOffset the source offset
     * @param topic the topic
     * @param partition the Kafka partition, or null to let the producer choose
     * @param valueSchema the value schema, or null
     * @param value the value
     */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset,
                        String topic, Integer partition, Schema valueSchema, Object value) {
        this(sourcePartition, sourceOffset, topic, partition, null, null, valueSchema, value);
    }

    /**
     * Creates a record with a value only.
     *
     * @param sourcePartition the source partition
     * @param sourceOffset the source offset
     * @param topic the topic
     * @param valueSchema the value schema, or null
     * @param value the value
     */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset,
                        String topic, Schema valueSchema, Object value) {
        this(sourcePartition, sourceOffset, topic, null, null, null, valueSchema, value);
    }

    /**
     * Creates a record with key and value.
     *
     * @param sourcePartition the source partition
     * @param sourceOffset the source offset
     * @param topic the topic
     * @param keySchema the key schema, or null
     * @param key the key
     * @param valueSchema the value schema, or null
     * @param value the value
     */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset,
                        String topic, Schema keySchema, Object key, Schema valueSchema, Object value) {
        this(sourcePartition, sourceOffset, topic, null, keySchema, key, valueSchema, value);
    }

    /**
     * Creates a record with key and value for a given Kafka partition.
     *
     * @param sourcePartition the source partition
     * @param sourceOffset the source offset
     * @param topic the topic
     * @param partition the Kafka partition, or null
     * @param keySchema the key schema, or null
     * @param key the key
     * @param valueSchema the value schema, or null
     * @param value the value
     */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset,
                        String topic, Integer partition,
                        Schema keySchema, Object key, Schema valueSchema, Object value) {
        this(sourcePartition, sourceOffset, topic, partition, keySchema, key, valueSchema, value, null);
    }

    /**
     * Creates a record with key, value and timestamp.
     *
     * @param sourcePartition the source partition
     * @param sourceOffset the source offset
     * @param topic the topic
     * @param partition the Kafka partition, or null
     * @param keySchema the key schema, or null
     * @param key the key
     * @param valueSchema the value schema, or null
     * @param value the value
     * @param timestamp the timestamp, or null
     */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset,
                        String topic, Integer partition,
                        Schema keySchema, Object key,
                        Schema valueSchema, Object value,
                        Long timestamp) {
        this(sourcePartition, sourceOffset, topic, partition, keySchema, key, valueSchema, value, timestamp, null);
    }

    /**
     * Creates a record with all fields.
     *
     * @param sourcePartition the source partition
     * @param sourceOffset the source offset
     * @param topic the topic
     * @param partition the Kafka partition, or null
     * @param keySchema the key schema, or null
     * @param key the key
     * @param valueSchema the value schema, or null
     * @param value the value
     * @param timestamp the timestamp, or null
     * @param headers the headers, or null
     */
    public SourceRecord(Map<String, ?> sourcePartition, Map<String, ?> sourceOffset,
                        String topic, Integer partition,
                        Schema keySchema, Object key,
                        Schema valueSchema, Object value,
                        Long timestamp, Iterable<Header> headers) {
        super(topic, partition, keySchema, key, valueSchema, value, timestamp, headers);
        this.sourcePartition = sourcePartition;
        this.sourceOffset = sourceOffset;
    }

    /** @return the source partition the record came from */
    public Map<String, ?> sourcePartition() {
        return sourcePartition;
    }

    /** @return the position of the record in its source partition */
    public Map<String, ?> sourceOffset() {
        return sourceOffset;
    }

    @Override
    public SourceRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                  Schema valueSchema, Object value, Long timestamp) {
        return newRecord(topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp, headers().duplicate());
    }

    @Override
    public SourceRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                  Schema valueSchema, Object value, Long timestamp, Iterable<Header> headers) {
        return new SourceRecord(sourcePartition, sourceOffset, topic, kafkaPartition, keySchema, key, valueSchema,
            value, timestamp, headers);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!super.equals(o)) {
            return false;
        }
        SourceRecord that = (SourceRecord) o;
        return Objects.equals(sourcePartition, that.sourcePartition)
            && Objects.equals(sourceOffset, that.sourceOffset);
    }

    @Override
    public int hashCode() {
        int result = super.hashCode();
        result = 31 * result + Objects.hashCode(sourcePartition);
        result = 31 * result + Objects.hashCode(sourceOffset);
        return result;
    }

    @Override
    public String toString() {
        return "SourceRecord{"
            + "sourcePartition=" + sourcePartition
            + ", sourceOffset=" + sourceOffset
            + "} " + super.toString();
    }
}
