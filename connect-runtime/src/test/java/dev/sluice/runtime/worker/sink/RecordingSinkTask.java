package dev.sluice.runtime.worker.sink;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** A sink task that records every call in order and can be scripted to fail or to use its context. */
public class RecordingSinkTask extends SinkTask {

    final List<String> events = new ArrayList<>();
    final List<List<SinkRecord>> puts = new ArrayList<>();
    final Deque<RuntimeException> putFailures = new ArrayDeque<>();
    volatile Consumer<SinkTaskContext> onPut = context -> { };
    volatile UnaryOperator<Map<TopicPartition, OffsetAndMetadata>> preCommit;
    volatile RuntimeException preCommitFailure;

    SinkTaskContext context() {
        return context;
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public void start(Map<String, String> props) {
        events.add("start");
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        events.add("open " + sorted(partitions));
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        events.add("put " + records.size());
        puts.add(List.copyOf(records));
        onPut.accept(context);
        RuntimeException failure = putFailures.poll();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        events.add("flush " + new TreeMap<>(offsets(currentOffsets)));
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        events.add("preCommit " + new TreeMap<>(offsets(currentOffsets)));
        if (preCommitFailure != null) {
            throw preCommitFailure;
        }
        if (preCommit != null) {
            return preCommit.apply(currentOffsets);
        }
        return super.preCommit(currentOffsets);
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        events.add("close " + sorted(partitions));
    }

    @Override
    public void stop() {
        events.add("stop");
    }

    /** The events that start with {@code prefix}. */
    List<String> events(String prefix) {
        return events.stream().filter(event -> event.startsWith(prefix)).toList();
    }

    private static List<String> sorted(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::toString).sorted().toList();
    }

    private static Map<String, Long> offsets(Map<TopicPartition, OffsetAndMetadata> offsets) {
        Map<String, Long> plain = new TreeMap<>();
        offsets.forEach((partition, offset) -> plain.put(partition.toString(), offset.offset()));
        return plain;
    }
}
