package dev.sluice.runtime.worker.errors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.runtime.InternalSinkRecord;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/**
 * The {@link ErrantRecordReporter} a sink task gets from its context: each reported record goes through the task's
 * {@link ErrorHandler} as a {@link Stage#TASK_PUT} failure of {@link SinkTask}, so it is logged and written to the
 * dead letter queue like any other failure, and {@code errors.tolerance=none} fails the task.
 *
 * <p>The dead letter queue receives the record as it was consumed: for an {@link InternalSinkRecord} (every record
 * the worker handed to the task) its context's original consumer record; for any other record, one rebuilt by
 * converting it back with the task's converters. Futures not yet complete are kept per consumed partition so that
 * the sink task runner can {@link #awaitFutures wait for them} before committing that partition's offsets. Safe to
 * call from any thread.
 */
public final class SinkErrantRecordReporter implements ErrantRecordReporter {

    private final ErrorHandler errors;
    private final Function<SinkRecord, ConsumerRecord<byte[], byte[]>> reconverter;
    private final Map<TopicPartition, Queue<Future<Void>>> pending = new ConcurrentHashMap<>();

    /**
     * A reporter for one sink task.
     *
     * @param errors the task's error handler
     * @param reconverter converts a record that is not an {@link InternalSinkRecord} back to bytes
     */
    public SinkErrantRecordReporter(ErrorHandler errors,
                                    Function<SinkRecord, ConsumerRecord<byte[], byte[]>> reconverter) {
        this.errors = Objects.requireNonNull(errors, "errors");
        this.reconverter = Objects.requireNonNull(reconverter, "reconverter");
    }

    /**
     * Reports a record the task could not process.
     *
     * @return a future completed when the failure is fully reported (the dead letter queue write acknowledged)
     * @throws ConnectException with {@code errors.tolerance=none}, which fails the task
     */
    @Override
    public Future<Void> report(SinkRecord record, Throwable error) {
        ConsumerRecord<byte[], byte[]> consumed = record instanceof InternalSinkRecord internal
            ? internal.context().original() : reconverter.apply(record);
        CompletableFuture<Void> reported = errors.reportFailed(Stage.TASK_PUT, SinkTask.class, consumed, error);
        if (!reported.isDone()) {
            // compute() is atomic with the remove() in drain(), so no future lands in a queue already drained.
            pending.compute(new TopicPartition(consumed.topic(), consumed.partition()), (partition, futures) -> {
                Queue<Future<Void>> queue = futures != null ? futures : new ConcurrentLinkedQueue<>();
                queue.add(reported);
                return queue;
            });
        }
        return reported;
    }

    /**
     * Waits until every report made so far for records of the given partitions is complete.
     *
     * @throws ConnectException if a report failed (a dead letter queue write was not acknowledged) or the wait was
     *     interrupted; the partitions' offsets must then not be committed
     */
    public void awaitFutures(Collection<TopicPartition> partitions) {
        for (Future<Void> future : drain(partitions)) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("Interrupted while waiting for errant records to reach the dead letter"
                    + " queue", e);
            } catch (ExecutionException e) {
                throw new ConnectException("An errant record could not be reported: " + e.getCause(), e.getCause());
            }
        }
    }

    /** Forgets (and cancels) the reports still running for records of the given partitions, e.g. on revocation. */
    public void cancelFutures(Collection<TopicPartition> partitions) {
        for (Future<Void> future : drain(partitions)) {
            future.cancel(true);
        }
    }

    /** Number of reports still running, over all partitions. */
    public int pendingCount() {
        int count = 0;
        for (Queue<Future<Void>> futures : pending.values()) {
            count += futures.size();
        }
        return count;
    }

    private List<Future<Void>> drain(Collection<TopicPartition> partitions) {
        List<Future<Void>> drained = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            Queue<Future<Void>> futures = pending.remove(partition);
            if (futures != null) {
                drained.addAll(futures);
            }
        }
        return drained;
    }
}
