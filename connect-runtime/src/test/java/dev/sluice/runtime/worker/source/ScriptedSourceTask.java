package dev.sluice.runtime.worker.source;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.SourceTaskContext;

/** A source task that returns the batches a test queues (or throws what it queues) and records every call. */
public final class ScriptedSourceTask extends SourceTask {

    /** One answer of {@code poll()}: a batch, or an exception to throw. */
    private record Answer(List<SourceRecord> batch, RuntimeException failure) {
    }

    private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
    final List<CommittedRecord> committedRecords = new CopyOnWriteArrayList<>();
    final AtomicInteger commits = new AtomicInteger();
    final AtomicInteger stops = new AtomicInteger();
    final AtomicInteger polls = new AtomicInteger();
    volatile SourceTaskContext initializedWith;
    volatile Map<String, String> startedWith;
    volatile Consumer<SourceTaskContext> onStart = context -> { };

    /** A {@code commitRecord} call. */
    record CommittedRecord(SourceRecord record, RecordMetadata metadata) {
    }

    void willReturn(SourceRecord... batch) {
        answers.add(new Answer(List.of(batch), null));
    }

    void willThrow(RuntimeException failure) {
        answers.add(new Answer(null, failure));
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public void initialize(SourceTaskContext context) {
        super.initialize(context);
        initializedWith = context;
    }

    @Override
    public void start(Map<String, String> props) {
        startedWith = props;
        onStart.accept(context);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        polls.incrementAndGet();
        Answer answer = answers.poll(5, TimeUnit.MILLISECONDS);
        if (answer == null) {
            return null;
        }
        if (answer.failure() != null) {
            throw answer.failure();
        }
        return answer.batch();
    }

    @Override
    public void commit() {
        commits.incrementAndGet();
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        committedRecords.add(new CommittedRecord(record, metadata));
    }

    @Override
    public void stop() {
        stops.incrementAndGet();
    }
}
