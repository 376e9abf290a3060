package dev.sluice.runtime.worker.source;

import dev.sluice.runtime.config.ConnectorConfig.ErrorTolerance;
import dev.sluice.runtime.metrics.PluginInfo;
import dev.sluice.runtime.metrics.SourceTaskMetrics;
import dev.sluice.runtime.metrics.TaskMetricGroups;
import dev.sluice.runtime.metrics.TaskMetrics;
import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.TargetState;
import dev.sluice.runtime.worker.TaskRunner;
import dev.sluice.runtime.worker.TaskStatusListener;
import dev.sluice.runtime.worker.errors.Stage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a (non exactly-once) source task: {@code poll()}, transformations and converters, the producer, and offset
 * commits of what the broker acknowledged. Behaves as Apache 4.3.1's {@code WorkerSourceTask}:
 * <ul>
 *   <li>a {@link RetriableException} (Connect's or Kafka's) from {@code poll()} is logged and the task polls again;
 *       anything else fails the task;</li>
 *   <li>a record the pipeline drops (filtered, or failed with {@code errors.tolerance=all}) is not sent and not
 *       tracked: {@code commitRecord(record, null)} is called and its offset is not committed;</li>
 *   <li>a retriable exception thrown by {@code send} (or by topic creation) keeps the rest of the batch, backs off
 *       {@value #SEND_RETRY_BACKOFF_MS} ms and sends it again, with the transformations applied again; any other
 *       exception thrown by {@code send} fails the task;</li>
 *   <li>an acknowledged record is passed to {@code commitRecord(record, metadata)} (on the producer's thread); a
 *       send that fails later is reported at stage {@code KAFKA_PRODUCE}: with {@code errors.tolerance=all} the
 *       record is skipped ({@code commitRecord(record, null)}, its offset committed), with {@code none} the task
 *       fails before its next poll or send;</li>
 *   <li>offsets are committed every {@code offset.flush.interval.ms}, also while paused (checked on the task thread
 *       between polls, see {@link SourceOffsetCommitter}), and at stop after waiting up to
 *       {@code offset.flush.timeout.ms} for outstanding acknowledgements; not after a failure;</li>
 *   <li>at the end: {@code SourceTask.stop()} (if it was initialized), the producer is closed within 30 s, then the
 *       pipeline, error handler and offset reader.</li>
 * </ul>
 * It records {@code source-task-metrics} per polled batch (poll size and time; writes once every record of a pass over
 * the batch has ended) and the batch sizes and offset commits of {@code connector-task-metrics}.
 */
public final class SourceTaskRunner extends TaskRunner {

    /** Pause before sending again after a retriable failure of {@code send}, as in Apache. */
    public static final long SEND_RETRY_BACKOFF_MS = 100;

    private static final Logger log = LoggerFactory.getLogger(SourceTaskRunner.class);
    private static final Duration PRODUCER_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final SourceTask task;
    private final Map<String, String> taskConfig;
    private final PluginMetrics pluginMetrics;
    private final SourceTaskParts parts;
    private final OffsetCommitTracker tracker = new OffsetCommitTracker();
    private final SourceOffsetCommitter committer;
    private final TaskMetrics taskMetrics;
    private final SourceTaskMetrics sourceMetrics;
    /** The task's metric groups when this runner made them itself, to be removed when it closes; else null. */
    private final TaskMetricGroups ownMetrics;
    private final AtomicReference<Exception> producerSendFailure = new AtomicReference<>();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    /** Wakes a paused task thread when the target state changes or a stop is requested. */
    private final Wakeup pausedWakeup = new Wakeup();
    private volatile boolean producerClosed;
    private boolean started;
    private boolean failed;
    /** The batch being sent, from {@link #sendIndex} on; null when the next iteration polls. */
    private List<SourceRecord> toSend;
    private int sendIndex;
    /** Counts how the records of the current pass over {@link #toSend} end. */
    private BatchWriteCounter writes;

    /**
     * A runner, not started, whose metrics are recorded in a registry of its own that nothing reports (for runners
     * built outside a worker).
     *
     * @param id the task
     * @param task the plugin task
     * @param taskConfig the task configuration
     * @param loader the plugin's loader
     * @param initialState STARTED or PAUSED
     * @param statusListener receives the task's state changes
     * @param pluginMetrics the task context's plugin metrics
     * @param parts the collaborators, owned by the runner from now on
     */
    public SourceTaskRunner(ConnectorTaskId id, SourceTask task, Map<String, String> taskConfig, ClassLoader loader,
                            TargetState initialState, TaskStatusListener statusListener, PluginMetrics pluginMetrics,
                            SourceTaskParts parts) {
        this(id, task, taskConfig, loader, initialState, statusListener, pluginMetrics, parts,
            TaskMetricGroups.unreported(id.connector(), id.task(), "source",
                new PluginInfo("unknown", PluginInfo.UNDEFINED_VERSION), PluginInfo.of(task)), true);
    }

    /**
     * A runner, not started.
     *
     * @param id the task
     * @param task the plugin task
     * @param taskConfig the task configuration
     * @param loader the plugin's loader
     * @param initialState STARTED or PAUSED
     * @param statusListener receives the task's state changes
     * @param pluginMetrics the task context's plugin metrics
     * @param parts the collaborators, owned by the runner from now on
     * @param metrics the task's metric groups, in which the runner registers {@code source-task-metrics}; the
     *                worker removes them
     */
    public SourceTaskRunner(ConnectorTaskId id, SourceTask task, Map<String, String> taskConfig, ClassLoader loader,
                            TargetState initialState, TaskStatusListener statusListener, PluginMetrics pluginMetrics,
                            SourceTaskParts parts, TaskMetricGroups metrics) {
        this(id, task, taskConfig, loader, initialState, statusListener, pluginMetrics, parts, metrics, false);
    }

    private SourceTaskRunner(ConnectorTaskId id, SourceTask task, Map<String, String> taskConfig, ClassLoader loader,
                             TargetState initialState, TaskStatusListener statusListener, PluginMetrics pluginMetrics,
                             SourceTaskParts parts, TaskMetricGroups metrics, boolean ownsMetrics) {
        super(id, loader, initialState, statusListener);
        this.task = Objects.requireNonNull(task, "task");
        this.taskConfig = Map.copyOf(taskConfig);
        this.pluginMetrics = Objects.requireNonNull(pluginMetrics, "pluginMetrics");
        this.parts = Objects.requireNonNull(parts, "parts");
        this.taskMetrics = metrics.task();
        this.sourceMetrics = metrics.registerSource();
        this.ownMetrics = ownsMetrics ? metrics : null;
        this.committer = new SourceOffsetCommitter(id, tracker, parts.offsetWriter(), task, parts.offsetFlushIntervalMs(),
            parts.offsetFlushTimeoutMs(), parts.clock(), taskMetrics);
    }

    /** The offsets this task has sent and not yet committed (for tests and metrics). */
    public OffsetCommitTracker tracker() {
        return tracker;
    }

    @Override
    protected void initializeAndStart() {
        // Counted as started as soon as initialize is tried, so that stop() releases what initialize/start allocated.
        started = true;
        try {
            task.initialize(new WorkerSourceTaskContext(taskConfig, parts.offsetReader(), pluginMetrics));
            task.start(taskConfig);
        } catch (RuntimeException | Error e) {
            failed = true;
            throw e;
        }
        log.info("{} Source task finished initialization and start", this);
    }

    @Override
    protected void execute() throws Exception {
        try {
            committer.commitIfDue();
            // Between commits only the records in flight are kept, not every acknowledged one.
            tracker.pruneAcknowledged();
            if (toSend == null) {
                throwIfSendFailed();
                long pollStarted = parts.clock().getAsLong();
                List<SourceRecord> polled = poll();
                if (polled == null) {
                    return;
                }
                sourceMetrics.recordPoll(polled.size(), parts.clock().getAsLong() - pollStarted);
                if (polled.isEmpty()) {
                    // Apache counts an empty poll as a batch of size 0.
                    taskMetrics.recordBatch(0);
                    return;
                }
                toSend = polled;
                sendIndex = 0;
            }
            if (!sendRecords()) {
                stopRequested.await(SEND_RETRY_BACKOFF_MS, TimeUnit.MILLISECONDS);
            }
        } catch (Exception | Error e) {
            failed = true;
            throw e;
        }
    }

    @Override
    protected void whilePaused() throws InterruptedException {
        // Offsets keep being committed every interval while paused, as Apache's committer thread does.
        committer.commitIfDue();
        pausedWakeup.await(Math.max(committer.millisUntilDue(), 1));
    }

    @Override
    protected void onTargetStateChanged(TargetState target) {
        pausedWakeup.signal();
    }

    @Override
    protected void onStopRequested() {
        stopRequested.countDown();
        pausedWakeup.signal();
        parts.errors().stop();
    }

    @Override
    protected void onCancelled() {
        // The task thread may be blocked in an offset lookup or in send(); release both.
        parts.offsetReader().close();
        producerClosed = true;
        parts.producer().close(Duration.ZERO);
    }

    @Override
    protected void close() {
        if (started && !failed && !isCancelled()) {
            finalCommit();
        } else if (started) {
            log.debug("{} Skipping the final offset commit: the task {}", this, failed ? "failed" : "was cancelled");
        }
        Closer closer = new Closer(this);
        if (started) {
            closer.run("source task", task::stop);
        }
        closer.run("producer", () -> {
            producerClosed = true;
            parts.producer().close(PRODUCER_CLOSE_TIMEOUT);
        });
        closer.run("topic admin client", parts.topicCreation()::close);
        closer.run("record pipeline", parts.pipeline()::close);
        closer.run("error handler", parts.errors()::close);
        closer.run("offset reader", parts.offsetReader()::close);
        if (ownMetrics != null) {
            closer.run("metrics", ownMetrics::close);
        }
    }

    private List<SourceRecord> poll() throws InterruptedException {
        try {
            return task.poll();
        } catch (RetriableException | org.apache.kafka.common.errors.RetriableException e) {
            log.warn("{} failed to poll records from SourceTask. Will retry operation.", this, e);
            return null;
        }
    }

    /** Sends the batch from {@link #sendIndex}; false if a retriable failure left part of it to send again. */
    private boolean sendRecords() {
        taskMetrics.recordBatch(toSend.size() - sendIndex);
        writes = new BatchWriteCounter(toSend.size() - sendIndex, sourceMetrics);
        for (; sendIndex < toSend.size(); sendIndex++) {
            SourceRecord record = toSend.get(sendIndex);
            ProducerRecord<byte[], byte[]> producerRecord = parts.pipeline().apply(record);
            if (producerRecord == null) {
                commitTaskRecord(record, null);
                writes.skipped();
                continue;
            }
            throwIfSendFailed();
            SubmittedRecord submitted = tracker.submit(record);
            try {
                parts.topicCreation().ensureExists(producerRecord.topic());
                parts.producer().send(producerRecord, new SendCallback(record, producerRecord.topic(), submitted,
                    writes));
                recordActiveTopic(producerRecord.topic());
            } catch (RetriableException | org.apache.kafka.common.errors.RetriableException e) {
                log.warn("{} Failed to send record to topic '{}' and partition '{}'. Backing off before retrying: ",
                    this, producerRecord.topic(), producerRecord.partition(), e);
                submitted.drop();
                writes.retryLater(toSend.size() - sendIndex);
                return false;
            } catch (ConnectException e) {
                log.warn("{} Failed to send record to topic '{}' and partition '{}' due to an unrecoverable exception: ",
                    this, producerRecord.topic(), producerRecord.partition(), e);
                throw e;
            } catch (KafkaException e) {
                throw new ConnectException("Unrecoverable exception trying to send", e);
            }
        }
        toSend = null;
        return true;
    }

    private void throwIfSendFailed() {
        Exception failure = producerSendFailure.get();
        if (failure != null) {
            throw new ConnectException("Unrecoverable exception from producer send callback", failure);
        }
    }

    private void finalCommit() {
        try {
            if (!tracker.awaitAllAcknowledged(parts.offsetFlushTimeoutMs(), TimeUnit.MILLISECONDS)) {
                log.warn("{} {} records were still unacknowledged after {} ms; committing the offsets of those before"
                    + " them", this, tracker.unacknowledgedCount(), parts.offsetFlushTimeoutMs());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("{} Interrupted while waiting for outstanding records; committing what was acknowledged", this);
        }
        committer.commit();
    }

    private void commitTaskRecord(SourceRecord record, RecordMetadata metadata) {
        try {
            task.commitRecord(record, metadata);
        } catch (Exception e) {
            log.error("{} Exception thrown while calling task.commitRecord()", this, e);
        }
    }

    /** The outcome of one send, on the producer's I/O thread. */
    private final class SendCallback implements Callback {

        private final SourceRecord record;
        private final String topic;
        private final SubmittedRecord submitted;
        private final BatchWriteCounter writes;

        SendCallback(SourceRecord record, String topic, SubmittedRecord submitted, BatchWriteCounter writes) {
            this.record = record;
            this.topic = topic;
            this.submitted = submitted;
            this.writes = writes;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception error) {
            if (error == null) {
                log.trace("{} Wrote record successfully: topic {} partition {} offset {}", SourceTaskRunner.this,
                    metadata.topic(), metadata.partition(), metadata.offset());
                commitTaskRecord(record, metadata);
                submitted.ack();
                writes.written();
                return;
            }
            if (producerClosed) {
                log.trace("{} failed to send record to {}; this is expected as the producer has already been closed",
                    SourceTaskRunner.this, topic, error);
            } else {
                log.error("{} failed to send record to {}: ", SourceTaskRunner.this, topic, error);
            }
            if (parts.errors().tolerance() == ErrorTolerance.ALL) {
                parts.errors().reportFailed(Stage.KAFKA_PRODUCE, SourceTaskRunner.class, record, error);
                commitTaskRecord(record, null);
                submitted.ack();
                writes.skipped();
            } else {
                producerSendFailure.compareAndSet(null, error);
            }
        }
    }

    /** Runs close steps one after the other; a step that throws is logged and the next still runs. */
    private record Closer(SourceTaskRunner runner) {

        void run(String what, Step step) {
            try {
                step.run();
            } catch (Exception e) {
                log.warn("{} Could not close the {}", runner, what, e);
            }
        }

        @FunctionalInterface
        interface Step {
            void run() throws Exception;
        }
    }
}
