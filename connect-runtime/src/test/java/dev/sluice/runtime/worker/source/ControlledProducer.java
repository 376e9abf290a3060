package dev.sluice.runtime.worker.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A {@link MockProducer} whose sends the test acknowledges or fails one by one, in any order; a send can also be made
 * to throw synchronously.
 */
public final class ControlledProducer extends MockProducer<byte[], byte[]> {

    /** One send whose outcome is still open. */
    record Pending(ProducerRecord<byte[], byte[]> record, Callback callback) {
    }

    private final List<Pending> sends = new ArrayList<>();
    private final Queue<RuntimeException> throwOnSend = new ConcurrentLinkedQueue<>();

    ControlledProducer() {
        super(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The next send throws {@code failure} instead of sending. */
    void throwOnNextSend(RuntimeException failure) {
        throwOnSend.add(failure);
    }

    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
        RuntimeException failure = throwOnSend.poll();
        if (failure != null) {
            throw failure;
        }
        sends.add(new Pending(record, callback));
        return super.send(record, null);
    }

    /** How many records were sent (not counting sends that threw). */
    synchronized int sentCount() {
        return sends.size();
    }

    /** The {@code index}-th record sent. */
    synchronized ProducerRecord<byte[], byte[]> sent(int index) {
        return sends.get(index).record();
    }

    /** Acknowledges the {@code index}-th send, with offset {@code index} in partition 0. */
    void ack(int index) {
        Pending pending;
        synchronized (this) {
            pending = sends.get(index);
        }
        pending.callback().onCompletion(new RecordMetadata(new TopicPartition(pending.record().topic(), 0), index, 0,
            0L, 0, 0), null);
    }

    /** Fails the {@code index}-th send with {@code error}. */
    void fail(int index, Exception error) {
        Pending pending;
        synchronized (this) {
            pending = sends.get(index);
        }
        pending.callback().onCompletion(null, error);
    }
}
