package org.apache.kafka.connect.connector;

import java.util.Objects;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.header.Headers;

/**
 * Base of the records that flow through Connect: a topic and partition, a key and a value with
 * their optional schemas, an optional timestamp and a set of headers. Everything but the headers
 * is immutable; transformations produce changed copies with {@link #newRecord}.
 *
 * @param <R> the concrete record type, so that {@link #newRecord} returns that type
 */
public abstract class ConnectRecord<R extends ConnectRecord<R>> {

    private final String topic;
    private final Integer kafkaPartition;
    private final Schema keySchema;
    private final Object key;
    private final Schema valueSchema;
    private final Object value;
    private final Long timestamp;
    private final Headers headers;

    /**
     * Creates a record without headers.
     *
     * @param topic the topic
     * @param kafkaPartition the partition, or null if not known
     * @param keySchema the key schema, or null
     * @param key the key, or null
     * @param valueSchema the value schema, or null
     * @param value the value, or null
     * @param timestamp the timestamp, or null
     */
    public ConnectRecord(String topic, Integer kafkaPartition,
                         Schema keySchema, Object key,
                         Schema valueSchema, Object value,
                         Long timestamp) {
        this(topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp, null);
    }

    /**
     * Creates a record with headers. A {@link ConnectHeaders} is used as it is (the record and the
     * caller then share it); any other iterable is copied into a new {@link ConnectHeaders}.
     *
     * @param topic the topic
     * @param kafkaPartition the partition, or null if not known
     * @param keySchema the key schema, or null
     * @param key the key, or null
     * @param valueSchema the value schema, or null
     * @param value the value, or null
     * @param timestamp the timestamp, or null
     * @param headers the headers, or null for none
     */
    public ConnectRecord(String topic, Integer kafkaPartition,
                         Schema keySchema, Object key,
                         Schema valueSchema, Object value,
                         Long timestamp, Iterable<Header> headers) {
        this.topic = topic;
        this.kafkaPartition = kafkaPartition;
        this.keySchema = keySchema;
        this.key = key;
        this.valueSchema = valueSchema;
        this.value = value;
        this.timestamp = timestamp;
        this.headers = adoptHeaders(headers);
    }

    // Apache shares a ConnectHeaders passed in rather than copying it; transformations rely on
    // that to avoid one copy per record, so we keep it.
    private static Headers adoptHeaders(Iterable<Header> headers) {
        if (headers instanceof ConnectHeaders) {
            return (ConnectHeaders) headers;
        }
        return new ConnectHeaders(headers);
    }

    /** @return the topic */
    public String topic() {
        return topic;
    }

    /** @return the partition, or null if not known */
    public Integer kafkaPartition() {
        return kafkaPartition;
    }

    /** @return the key, or null */
    public Object key() {
        return key;
    }

    /** @return the key schema, or null */
    public Schema keySchema() {
        return keySchema;
    }

    /** @return the value, or null */
    public Object value() {
        return value;
    }

    /** @return the value schema, or null */
    public Schema valueSchema() {
        return valueSchema;
    }

    /** @return the timestamp, or null */
    public Long timestamp() {
        return timestamp;
    }

    /** @return the mutable headers of this record, never null */
    public Headers headers() {
        return headers;
    }

    /**
     * Creates a record of the same type with the given fields and a copy of this record's headers;
     * type-specific fields (source offsets, Kafka offsets) are carried over.
     *
     * @param topic the topic
     * @param kafkaPartition the partition
     * @param keySchema the key schema
     * @param key the key
     * @param valueSchema the value schema
     * @param value the value
     * @param timestamp the timestamp
     * @return the new record
     */
    public abstract R newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp);

    /**
     * Creates a record of the same type with the given fields and headers; type-specific fields
     * (source offsets, Kafka offsets) are carried over.
     *
     * @param topic the topic
     * @param kafkaPartition the partition
     * @param keySchema the key schema
     * @param key the key
     * @param valueSchema the value schema
     * @param value the value
     * @param timestamp the timestamp
     * @param headers the headers of the new record
     * @return the new record
     */
    public abstract R newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key,
                                Schema valueSchema, Object value, Long timestamp, Iterable<Header> headers);

    @Override
    public String toString() {
        return "ConnectRecord{"
            + "topic='" + topic + '\''
            + ", kafkaPartition=" + kafkaPartition
            + ", key=" + key
            + ", keySchema=" + keySchema
            + ", value=" + value
            + ", valueSchema=" + valueSchema
            + ", timestamp=" + timestamp
            + ", headers=" + headers
            + '}';
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        ConnectRecord<?> that = (ConnectRecord<?>) o;
        return Objects.equals(topic, that.topic)
            && Objects.equals(kafkaPartition, that.kafkaPartition)
            && Objects.equals(keySchema, that.keySchema)
            && Objects.equals(key, that.key)
            && Objects.equals(valueSchema, that.valueSchema)
            && Objects.equals(value, that.value)
            && Objects.equals(timestamp, that.timestamp)
            && Objects.equals(headers, that.headers);
    }

    // Same combination as Apache (31-based, field by field), so hashes agree across runtimes.
    @Override
    public int hashCode() {
        int result = Objects.hashCode(topic);
        result = 31 * result + Objects.hashCode(kafkaPartition);
        result = 31 * result + Objects.hashCode(keySchema);
        result = 31 * result + Objects.hashCode(key);
        result = 31 * result + Objects.hashCode(valueSchema);
        result = 31 * result + Objects.hashCode(value);
        result = 31 * result + Objects.hashCode(timestamp);
        result = 31 * result + Objects.hashCode(headers);
        return result;
    }
}
