package dev.sluice.runtime.worker.sink;

import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.sink.SinkTaskJournal.Closed;
import dev.sluice.runtime.worker.sink.SinkTaskJournal.Delivered;
import dev.sluice.runtime.worker.sink.SinkTaskJournal.Flushed;
import dev.sluice.runtime.worker.sink.SinkTaskJournal.Opened;
import dev.sluice.runtime.worker.sink.SinkTaskJournal.Put;
import dev.sluice.runtime.worker.sink.SinkTaskJournal.PreCommit;
import dev.sluice.runtime.worker.sink.SinkTaskJournal.Stopped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/**
 * A sink task that writes everything it is asked to do into the {@link SinkTaskJournal} it was attached to (by the
 * test's task runner factory, before the task starts). {@code put} throws the failure the journal armed, once, on a
 * non-empty batch. {@code preCommit} flushes and returns the offsets it was offered, or, when the journal says so, only
 * those offered by its previous {@code preCommit}: a sink whose writes complete one commit late.
 */
public final class JournalingSinkTask extends SinkTask {

    private final Map<TopicPartition, OffsetAndMetadata> previouslyOffered = new HashMap<>();
    private volatile SinkTaskJournal journal;
    private volatile ConnectorTaskId id;

    /** Makes the task write to {@code journal}; must happen before the task starts. */
    void attach(ConnectorTaskId id, SinkTaskJournal journal) {
        this.id = Objects.requireNonNull(id, "id");
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public void start(Map<String, String> props) {
        if (journal == null) {
            throw new IllegalStateException("JournalingSinkTask started without a journal; the test's task runner"
                + " factory must attach one");
        }
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        journal.record(new Opened(id, Set.copyOf(partitions)));
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<Delivered> delivered = new ArrayList<>(records.size());
        for (SinkRecord record : records) {
            delivered.add(new Delivered(new TopicPartition(record.topic(), record.kafkaPartition()),
                record.kafkaOffset(), (String) record.key(), record.value()));
        }
        RuntimeException failure = journal.takePutFailure();
        journal.record(new Put(id, List.copyOf(delivered), failure != null));
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        journal.record(new PreCommit(id, SinkTaskJournal.plain(currentOffsets)));
        Map<TopicPartition, OffsetAndMetadata> durable;
        if (journal.acknowledgesOneCommitLate()) {
            durable = new HashMap<>();
            for (TopicPartition partition : currentOffsets.keySet()) {
                OffsetAndMetadata offered = previouslyOffered.get(partition);
                if (offered != null) {
                    durable.put(partition, offered);
                }
            }
            previouslyOffered.putAll(currentOffsets);
        } else {
            durable = new HashMap<>(currentOffsets);
        }
        flush(durable);
        return durable;
    }

    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        journal.record(new Flushed(id, SinkTaskJournal.plain(currentOffsets)));
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        previouslyOffered.keySet().removeAll(partitions);
        journal.record(new Closed(id, Set.copyOf(partitions)));
    }

    @Override
    public void stop() {
        journal.record(new Stopped(id));
    }
}
