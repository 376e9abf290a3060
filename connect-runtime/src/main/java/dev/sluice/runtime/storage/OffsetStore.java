package dev.sluice.runtime.storage;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Raw storage of source connector offsets: serialized key bytes to serialized value bytes, where a null
 * value means the offset was deleted. Keys and values are the bytes described by {@link OffsetCodec}; the
 * store itself never interprets a value, and interprets keys only to list the partitions of a connector.
 *
 * <p>Implementations: {@code memory.MemoryOffsetStore} (tests, and the base of the file store),
 * {@code file.FileOffsetStore} (standalone workers, {@code offset.storage.file.filename}), and a
 * materialized view of the compacted offsets topic for distributed workers. All operations are
 * asynchronous so that a store backed by Kafka can read to the end of its topic before answering a
 * {@link #get} and complete a {@link #set} only once the broker acknowledged every record.
 *
 * <p>Writes issued by one thread are applied in the order issued, and a {@link #get} sees every write whose
 * future completed before the get was issued.
 */
public interface OffsetStore {

    /**
     * Loads the stored offsets (reads the file, or the topic to its end) and starts accepting requests.
     *
     * @throws org.apache.kafka.connect.errors.ConnectException if the stored offsets cannot be read
     */
    void start();

    /**
     * Stops accepting requests, lets writes already accepted finish (bounded), and releases resources.
     * Requests made after stop fail with a {@link org.apache.kafka.connect.errors.ConnectException}.
     */
    void stop();

    /**
     * Looks up the values of serialized keys.
     *
     * @param keys serialized offset keys
     * @return a future of a map holding every requested key, with null for keys that have no value
     */
    CompletableFuture<Map<ByteBuffer, ByteBuffer>> get(Collection<ByteBuffer> keys);

    /**
     * Stores serialized offsets atomically as far as the implementation allows (the file store writes
     * them all or none); a null value deletes the key.
     *
     * @param values serialized keys to serialized values (null values allowed); copied before returning
     * @param callback invoked once with the outcome, before the returned future completes; may be null
     * @return a future that completes when the offsets are durable, or fails with the cause
     */
    CompletableFuture<Void> set(Map<ByteBuffer, ByteBuffer> values, WriteCallback callback);

    /**
     * The source partitions that have a (non-deleted) offset stored for a connector, decoded from the keys
     * with {@link OffsetCodec#decodeKey}; keys that are not {@code [connector, {partition}]} are not listed.
     *
     * @param connectorName the connector
     * @return an immutable snapshot, empty if the connector has no offsets
     */
    Set<Map<String, Object>> connectorPartitions(String connectorName);
}
