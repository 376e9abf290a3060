package dev.sluice.runtime.worker.sink;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offsets a sink task runner keeps per partition, as Apache 4.3.1's sink task keeps them: the next offset of
 * the batch being delivered ("consumed", including records that the pipeline dropped or tolerated), the next
 * offset after everything delivered to {@code put} ("current"), and the last committed offset. A partition's
 * current and committed offsets start at the consumer's position when it is assigned. Used on the task thread
 * only.
 */
final class SinkOffsets {

    private static final Logger log = LoggerFactory.getLogger(SinkOffsets.class);

    private final Map<TopicPartition, OffsetAndMetadata> consumed = new HashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> current = new HashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();

    /** A partition was assigned with the consumer at {@code position}. */
    void assigned(TopicPartition partition, long position) {
        OffsetAndMetadata offset = new OffsetAndMetadata(position);
        current.put(partition, offset);
        committed.put(partition, offset);
    }

    /** A record at {@code offset} was consumed into the batch being delivered. */
    void consumed(TopicPartition partition, long offset) {
        consumed.put(partition, new OffsetAndMetadata(offset + 1));
    }

    /** The batch was accepted by {@code put}: its offsets become current. */
    void batchDelivered() {
        current.putAll(consumed);
        consumed.clear();
    }

    /** The task asked to reset a partition to {@code offset}: it counts as delivered and committed there. */
    void reset(TopicPartition partition, long offset) {
        OffsetAndMetadata reset = new OffsetAndMetadata(offset);
        committed.put(partition, reset);
        current.put(partition, reset);
    }

    /** The current offsets of those of {@code partitions} that have one. */
    Map<TopicPartition, OffsetAndMetadata> currentOf(Collection<TopicPartition> partitions) {
        return select(current, partitions);
    }

    /** The last committed offsets of those of {@code partitions} that have one. */
    Map<TopicPartition, OffsetAndMetadata> committedOf(Collection<TopicPartition> partitions) {
        return select(committed, partitions);
    }

    /**
     * Records read and not yet committed, summed over the partitions ({@code sink-record-active-count}): from the last
     * committed offset to the consumed (or, when nothing is being delivered, the current) offset.
     */
    long activeRecords() {
        long active = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
            OffsetAndMetadata read = consumed.get(entry.getKey());
            if (read == null) {
                read = current.get(entry.getKey());
            }
            if (read != null) {
                active += Math.max(read.offset() - entry.getValue().offset(), 0L);
            }
        }
        return active;
    }

    /** The partitions with a current offset. */
    Set<TopicPartition> tracked() {
        return Set.copyOf(current.keySet());
    }

    /** The consumer was rewound to {@code offsets}: they are current again. */
    void rewound(Map<TopicPartition, OffsetAndMetadata> offsets) {
        current.putAll(offsets);
    }

    /** A commit of {@code offsets} succeeded. */
    void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        committed.putAll(offsets);
    }

    /** The partitions are no longer assigned (revoked after their commit, or lost). */
    void forget(Collection<TopicPartition> partitions) {
        consumed.keySet().removeAll(partitions);
        current.keySet().removeAll(partitions);
        committed.keySet().removeAll(partitions);
    }

    /**
     * The offsets to commit after {@code preCommit}: the last committed offsets of the requested partitions, replaced
     * by each offset the task returned for a requested partition that is not beyond what was delivered. Offsets for
     * partitions not requested, not assigned, or not yet delivered are ignored (and logged), as in Apache.
     *
     * @param requested the current offsets handed to {@code preCommit}
     * @param lastCommitted the last committed offsets of the requested partitions
     * @param fromTask what {@code preCommit} returned
     * @param assignment the consumer's assignment
     */
    static Map<TopicPartition, OffsetAndMetadata> committable(Map<TopicPartition, OffsetAndMetadata> requested,
                                                              Map<TopicPartition, OffsetAndMetadata> lastCommitted,
                                                              Map<TopicPartition, OffsetAndMetadata> fromTask,
                                                              Set<TopicPartition> assignment) {
        Map<TopicPartition, OffsetAndMetadata> committable = new HashMap<>(lastCommitted);
        fromTask.forEach((partition, offset) -> {
            if (committable.containsKey(partition)) {
                long delivered = requested.get(partition).offset();
                if (offset.offset() <= delivered) {
                    committable.put(partition, offset);
                } else {
                    log.warn("Ignoring invalid task provided offset {}/{} -- not yet consumed, taskOffset={} currentOffset={}",
                        partition, offset, offset.offset(), delivered);
                }
            } else if (!assignment.contains(partition)) {
                log.warn("Ignoring invalid task provided offset {}/{} -- partition not assigned, assignment={}",
                    partition, offset, assignment);
            } else {
                log.debug("Ignoring task provided offset {}/{} -- partition not requested, requested={}",
                    partition, offset, committable.keySet());
            }
        });
        return committable;
    }

    private static Map<TopicPartition, OffsetAndMetadata> select(Map<TopicPartition, OffsetAndMetadata> offsets,
                                                                 Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> selected = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = offsets.get(partition);
            if (offset != null) {
                selected.put(partition, offset);
            }
        }
        return selected;
    }
}
