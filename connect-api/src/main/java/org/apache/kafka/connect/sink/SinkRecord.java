package org.apache.kafka.connect.sink;

import java.util.Objects;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.Header;

/**
 * A record consumed from Kafka and handed to a {@link SinkTask}: the Kafka offset and timestamp
 * type, plus the topic, partition and offset the record had when consumed. Transformations may
 * change topic and partition; the original coordinates stay so a task can commit the right offsets.
 */
public class SinkRecord extends ConnectRecord<SinkRecord> {

    private final long kafkaOffset;
    private final TimestampType timestampType;
    private final String originalTopic;
    private final Integer originalKafkaPartition;
    private final long originalKafkaOffset;

    /**
     * Creates a record without timestamp or headers.
     *
     * @param topic the topic
     * @param partition the partition
     * @param keySchema the key schema, or null
     * @param key the key, or null
     * @param valueSchema the value schema, or null
     * @param value the value, or null
     * @param kafkaOffset the offset in the partition
     */
    public SinkRecord(String topic, int partition, Schema keySchema, Object key, Schema valueSchema, Object value,
                      long kafkaOffset) {
        this(topic, partition, keySchema, key, valueSchema, value, kafkaOffset, null, TimestampType.NO_TIMESTAMP_TYPE, null);
    }

    /**
     * Creates a record without headers.
     *
     * @param topic the topic
     * @param partition the partition
     * @param keySchema the key schema, or null
     * @param key the key, or null
     * @param valueSchema the value schema, or null
     * @param value the value, or null
     * @param kafkaOffset the offset in the partition
     * @param timestamp the timestamp, or null
     * @param timestampType what the timestamp means
     */
    public SinkRecord(String topic, int partition, Schema keySchema, Object key, Schema valueSchema, Object value,
                      long kafkaOffset, Long timestamp, TimestampType timestampType) {
        this(topic, partition, keySchema, key, valueSchema, value, kafkaOffset, timestamp, timestampType, null);
    }

    /**
     * Creates a record whose original coordinates are its current ones.
     *
     * @param topic the topic
     * @param partition the partition
     * @param keySchema the key schema, or null
     * @param key the key, or null
     * @param valueSchema the value schema, or null
     * @param value the value, or null
     * @param kafkaOffset the offset in the partition
     * @param timestamp the timestamp, or null
     * @param timestampType what the timestamp means
     * @param headers the headers, or null
     */
    public SinkRecord(String topic, int partition, Schema keySchema, Object key, Schema valueSchema, Object value,
                      long kafkaOffset, Long timestamp, TimestampType timestampType, Iterable<Header> headers) {
        this(topic, partition, keySchema, key, valueSchema, value, kafkaOffset, timestamp, timestampType, headers,
            topic, partition, kafkaOffset);
    }

    /**
     * Creates a record with explicit original coordinates. The worker uses this after
     * transformations changed the topic or partition.
     *
     * @param topic the topic
     * @param partition the partition
     * @param keySchema the key schema, or null
     * @param key the key, or null
     * @param valueSchema the value schema, or null
     * @param value the value, or null
     * @param kafkaOffset the offset in the partition
     * @param timestamp the timestamp, or null
     * @param timestampType what the timestamp means
     * @param headers the headers, or null
     * @param originalTopic the topic the record was consumed from
     * @param originalKafkaPartition the partition the record was consumed from
     * @param originalKafkaOffset the offset the record was consumed at
     */
    public SinkRecord(String topic, int partition, Schema keySchema, Object key, Schema valueSchema, Object value,
                      long kafkaOffset, Long timestamp, TimestampType timestampType, Iterable<Header> headers,
                      String originalTopic, Integer originalKafkaPartition, long originalKafkaOffset) {
        super(topic, partition, keySchema, key, valueSchema, value, timestamp, headers);
        this.kafkaOffset = kafkaOffset;
        this.timestampType = timestampType;
        this.originalTopic = originalTopic;
        this.originalKafkaPartition = originalKafkaPartition;
        this.originalKafkaOffset = originalKafkaOffset;
    }

    /** @return the offset of the record in its partition */
    public long kafkaOffset() {
        return kafkaOffset;
    }

    /** @return what the timestamp means */
    public TimestampType timestampType() {
        return timestampType;
    }

    /** @return the topic the record was consumed from, before any transformation */
    public String originalTopic() {
        return originalTopic;
    }

    /** @return the partition the record was consumed from, before any transformation */
    public Integer originalKafkaPartition() {
        return originalKafkaPartition;
    }

    /** @return the offset the record was consumed at, before any transformation */
    public long originalKafkaOffset() {
        return originalKafkaOffset;
    }

    @Override
    public SinkRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp) {
        return newRecord(topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp, headers().duplicate());
    }

    @Override
    public SinkRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp, Iterable<Header> headers) {
        if (kafkaPartition == null) {
            throw new NullPointerException("A sink record needs a Kafka partition, but newRecord was called with a null"
                + " kafkaPartition for topic '" + topic + "'; pass the partition of the original record");
        }
        return new SinkRecord(topic, kafkaPartition, keySchema, key, valueSchema, value, kafkaOffset, timestamp,
            timestampType, headers, originalTopic, originalKafkaPartition, originalKafkaOffset);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!super.equals(o)) {
            return false;
        }
        SinkRecord that = (SinkRecord) o;
        return kafkaOffset == that.kafkaOffset
            && timestampType == that.timestampType
            && Objects.equals(originalTopic, that.originalTopic)
            && Objects.equals(originalKafkaPartition, that.originalKafkaPartition)
            && originalKafkaOffset == that.originalKafkaOffset;
    }

    // Apache's combination; unlike Apache, a null timestamp type or original topic hashes as 0
    // instead of throwing.
    @Override
    public int hashCode() {
        int result = super.hashCode();
        result = 31 * result + Long.hashCode(kafkaOffset);
        result = 31 * result + Objects.hashCode(timestampType);
        result = 31 * result + Objects.hashCode(originalTopic);
        result = 31 * result + Objects.hashCode(originalKafkaPartition);
        result = 31 * result + Long.hashCode(originalKafkaOffset);
        return result;
    }

    @Override
    public String toString() {
        return "SinkRecord{"
            + "kafkaOffset=" + kafkaOffset
            + ", timestampType=" + timestampType
            + ", originalTopic=" + originalTopic
            + ", originalKafkaPartition=" + originalKafkaPartition
            + ", originalKafkaOffset=" + originalKafkaOffset
            + "} " + super.toString();
    }
}
