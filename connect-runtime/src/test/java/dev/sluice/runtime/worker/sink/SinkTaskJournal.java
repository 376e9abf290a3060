package dev.sluice.runtime.worker.sink;

import dev.sluice.runtime.worker.ConnectorTaskId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the {@link JournalingSinkTask}s of one test did, in one order across all task threads: partitions opened and
 * closed, batches put (and whether {@code put} threw), offsets offered to {@code preCommit} and flushed. Safe to
 * read from the test thread while the tasks write. Also holds the failure a test arms for the next non-empty put,
 * and whether the tasks acknowledge their offsets one commit late.
 */
final class SinkTaskJournal {

    /** A record as {@code put} received it. */
    record Delivered(TopicPartition partition, long offset, String key, Object value) {
    }

    /** Something a task did. */
    sealed interface Event permits Opened, Put, PreCommit, Flushed, Closed, Stopped {
        /** The task that did it. */
        ConnectorTaskId task();
    }

    /** {@code open}. */
    record Opened(ConnectorTaskId task, Set<TopicPartition> partitions) implements Event {
    }

    /** A non-empty {@code put}; {@code failed} when it threw. */
    record Put(ConnectorTaskId task, List<Delivered> records, boolean failed) implements Event {
    }

    /** {@code preCommit} with the offsets the runner offered. */
    record PreCommit(ConnectorTaskId task, Map<TopicPartition, Long> offered) implements Event {
    }

    /** {@code flush}: what the task made durable and returns from {@code preCommit}. */
    record Flushed(ConnectorTaskId task, Map<TopicPartition, Long> offsets) implements Event {
    }

    /** {@code close}. */
    record Closed(ConnectorTaskId task, Set<TopicPartition> partitions) implements Event {
    }

    /** {@code stop}. */
    record Stopped(ConnectorTaskId task) implements Event {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final AtomicReference<RuntimeException> nextPutFailure = new AtomicReference<>();
    private volatile boolean acknowledgeOneCommitLate;

    /** Makes the tasks flush, and return from {@code preCommit}, only what the previous {@code preCommit} offered. */
    void acknowledgeOneCommitLate() {
        acknowledgeOneCommitLate = true;
    }

    boolean acknowledgesOneCommitLate() {
        return acknowledgeOneCommitLate;
    }

    /** The next non-empty {@code put} of any task throws {@code failure}, once. */
    void failNextNonEmptyPut(RuntimeException failure) {
        nextPutFailure.set(failure);
    }

    /** The armed failure, disarmed; null if none. */
    RuntimeException takePutFailure() {
        return nextPutFailure.getAndSet(null);
    }

    void record(Event event) {
        events.add(event);
    }

    /** Every event so far, in order. */
    List<Event> events() {
        return List.copyOf(events);
    }

    /** The events of one kind so far, in order. */
    <E extends Event> List<E> events(Class<E> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The values of every record {@code put} received, failed batches included, in order. */
    List<Object> putValues() {
        return events(Put.class).stream().flatMap(put -> put.records().stream()).map(Delivered::value).toList();
    }

    /** The partitions each task holds now: opened and not closed since. */
    Map<ConnectorTaskId, Set<TopicPartition>> holdings() {
        Map<ConnectorTaskId, Set<TopicPartition>> holdings = new TreeMap<>();
        for (Event event : events) {
            if (event instanceof Opened opened) {
                holdings.computeIfAbsent(opened.task(), t -> new HashSet<>()).addAll(opened.partitions());
            } else if (event instanceof Closed closed) {
                holdings.computeIfAbsent(closed.task(), t -> new HashSet<>()).removeAll(closed.partitions());
            }
        }
        return holdings;
    }

    /** The highest offset any task flushed, per partition. */
    Map<TopicPartition, Long> highestFlushed() {
        Map<TopicPartition, Long> highest = new HashMap<>();
        for (Flushed flushed : events(Flushed.class)) {
            flushed.offsets().forEach((partition, offset) -> highest.merge(partition, offset, Math::max));
        }
        return highest;
    }

    /** Plain offsets of an offsets map. */
    static Map<TopicPartition, Long> plain(Map<TopicPartition, OffsetAndMetadata> offsets) {
        Map<TopicPartition, Long> plain = new HashMap<>();
        offsets.forEach((partition, offset) -> plain.put(partition, offset.offset()));
        return Map.copyOf(plain);
    }
}
