package org.apache.kafka.connect.sink;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.connector.Task;

/**
 * A task that writes records consumed from Kafka into another system. The worker calls
 * {@link #put} with batches of records, {@link #preCommit} before committing consumer offsets, and
 * {@link #open}/{@link #close} when partitions are assigned or revoked.
 */
public abstract class SinkTask implements Task {

    /** The configuration key listing the topics to consume. */
    public static final String TOPICS_CONFIG = "topics";

    /** The configuration key with a regular expression of the topics to consume. */
    public static final String TOPICS_REGEX_CONFIG = "topics.regex";

    /** The context the worker handed to {@link #initialize(SinkTaskContext)}. */
    protected SinkTaskContext context;

    /**
     * Creates a sink task; the worker calls {@link #initialize(SinkTaskContext)} before {@link #start(Map)}.
     */
    public SinkTask() {
    }

    /**
     * Gives the task the context it runs in.
     *
     * @param context the context
     */
    public void initialize(SinkTaskContext context) {
        this.context = context;
    }

    @Override
    public abstract void start(Map<String, String> props);

    /**
     * Writes a batch of records, or buffers them to write later.
     *
     * @param records the records; possibly empty
     */
    public abstract void put(Collection<SinkRecord> records);

    /**
     * Makes everything passed to {@link #put} durable. The default does nothing, which suits tasks
     * that write synchronously in {@link #put}.
     *
     * @param currentOffsets the offsets of the last records passed to {@link #put}, per partition
     */
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    }

    /**
     * Called before the worker commits consumer offsets; returns the offsets that are safe to
     * commit. The default flushes and then declares all of {@code currentOffsets} safe.
     *
     * @param currentOffsets the offsets of the last records passed to {@link #put}, per partition
     * @return the offsets to commit; an empty map commits nothing
     */
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        flush(currentOffsets);
        return currentOffsets;
    }

    /**
     * Called when partitions are assigned to this task, before records of them are put.
     *
     * @param partitions the newly assigned partitions
     */
    public void open(Collection<TopicPartition> partitions) {
    }

    /**
     * Called when partitions are revoked from this task, after their last offsets were committed.
     *
     * @param partitions the revoked partitions
     */
    public void close(Collection<TopicPartition> partitions) {
    }

    @Override
    public abstract void stop();
}
