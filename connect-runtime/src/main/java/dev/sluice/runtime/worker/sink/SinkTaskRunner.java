package dev.sluice.runtime.worker.sink;

import dev.sluice.runtime.config.ConnectorConfig.ErrorTolerance;
import dev.sluice.runtime.config.SinkConnectorConfig;
import dev.sluice.runtime.metrics.SinkTaskMetrics;
import dev.sluice.runtime.metrics.TaskMetrics;
import dev.sluice.runtime.worker.TargetState;
import dev.sluice.runtime.worker.TaskRunner;
import dev.sluice.runtime.worker.TaskSetup;
import dev.sluice.runtime.worker.errors.ErrorHandler;
import dev.sluice.runtime.worker.errors.SinkErrantRecordReporter;
import dev.sluice.runtime.worker.pipeline.SinkRecordPipeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.runtime.InternalSinkRecord;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link SinkTask}: {@code Kafka ─► consumer ─► converters ─► transforms ─► SinkTask.put}, with offset
 * commits through the consumer group, following Apache 4.3.1's sink task:
 * <ul>
 *   <li>Each iteration polls (until the next periodic commit, or shorter if the task asked for a timeout), runs
 *       every record through the pipeline and calls {@code put} with the batch, also when it is empty.</li>
 *   <li>A {@link RetriableException} from {@code put} pauses every assigned partition and delivers the same batch
 *       again on the next iteration; once it is accepted, the partitions the task did not pause itself resume.
 *       Any other exception fails the task.</li>
 *   <li>Every {@code offset.flush.interval.ms} and on the task's request, after the errant records of the
 *       partitions are reported: {@code preCommit} with the offsets after the delivered records, then an
 *       asynchronous commit of those it returned that are not beyond them. A failing {@code preCommit} rewinds
 *       the consumer to the last committed offsets. Revoked partitions, and all partitions at the end, are
 *       committed synchronously and then closed; lost partitions are closed without a commit.</li>
 *   <li>While the whole task is paused the consumer keeps polling, with every partition paused.</li>
 * </ul>
 * It records {@code sink-task-metrics} per poll, per {@code put} and per commit, and the batch sizes and offset commits
 * of {@code connector-task-metrics}, in the task's metric groups from its {@link TaskSetup}.
 */
public final class SinkTaskRunner extends TaskRunner {

    /** How long closing the consumer may take: KafkaConsumer's own default. */
    static final Duration CONSUMER_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(SinkTaskRunner.class);

    private final SinkTask task;
    private final Map<String, String> taskConfig;
    private final Consumer<byte[], byte[]> consumer;
    private final SinkRecordPipeline pipeline;
    private final ErrorHandler errors;
    private final SinkErrantRecordReporter errantRecordReporter;
    private final long commitIntervalMs;
    private final LongSupplier clock;
    private final RunnerSinkTaskContext context;
    private final SinkOffsets offsets = new SinkOffsets();
    private final List<SinkRecord> batch = new ArrayList<>();
    private final ConsumerRebalanceListener rebalanceListener = new Rebalance();
    private final SinkOffsetCommitter committer;
    private final TaskMetrics taskMetrics;
    private final SinkTaskMetrics sinkMetrics;
    private long nextCommit;
    private boolean pausedForRedelivery;
    private boolean initialized;
    private boolean running;
    private boolean taskStopped;
    private RuntimeException rebalanceException;

    /**
     * A runner for a sink task, not started.
     *
     * @param setup what the worker prepared; its task must be a {@link SinkTask}
     * @param parts the consumer, pipeline and error handling of the task, owned by the runner from now on
     */
    public SinkTaskRunner(TaskSetup setup, SinkTaskParts parts) {
        super(setup.id(), setup.loader(), setup.initialState(), setup.statusListener());
        if (!(setup.task() instanceof SinkTask sinkTask)) {
            throw new ConnectException("Task " + setup.id() + " of class " + setup.task().getClass().getName()
                + " is not a SinkTask and cannot run in a sink task runner");
        }
        this.task = sinkTask;
        this.taskConfig = setup.taskConfig();
        this.consumer = parts.consumer();
        this.pipeline = parts.pipeline();
        this.errors = parts.errors();
        this.errantRecordReporter = parts.errantRecordReporter();
        this.commitIntervalMs = parts.commitIntervalMs();
        this.clock = parts.clock();
        this.taskMetrics = setup.metrics().task();
        this.sinkMetrics = setup.metrics().registerSink();
        this.committer = new SinkOffsetCommitter(this, task, consumer, offsets, errantRecordReporter,
            parts.commitTimeoutMs(), this::isCancelled,
            new SinkOffsetCommitter.CommitMetrics(taskMetrics, sinkMetrics, clock));
        this.context = new RunnerSinkTaskContext(taskConfig, consumer, this::isPaused, errantRecordReporter,
            setup.pluginMetrics());
    }

    /** The context handed to the task. */
    public RunnerSinkTaskContext context() {
        return context;
    }

    /** Number of offset commits that failed in a row (reset by a successful one). */
    public int commitFailures() {
        return committer.failures();
    }

    /** The consumer's rebalance listener (package-visible for tests that drive rebalances by hand). */
    ConsumerRebalanceListener rebalanceListener() {
        return rebalanceListener;
    }

    @Override
    protected void initializeAndStart() {
        SinkConnectorConfig.validate(taskConfig);
        nextCommit = clock.getAsLong() + commitIntervalMs;
        if (SinkConnectorConfig.hasTopicsConfig(taskConfig)) {
            List<String> topics = SinkConnectorConfig.parseTopicsList(taskConfig);
            consumer.subscribe(topics, rebalanceListener);
            log.debug("{} Initializing and starting task for topics {}", this, topics);
        } else {
            String regex = taskConfig.get(SinkTask.TOPICS_REGEX_CONFIG);
            consumer.subscribe(Pattern.compile(regex), rebalanceListener);
            log.debug("{} Initializing and starting task for topics regex {}", this, regex);
        }
        initialized = true;
        task.initialize(context);
        task.start(taskConfig);
        running = true;
        log.info("{} Sink task finished initialization and start", this);
    }

    @Override
    protected void execute() {
        iteration();
    }

    @Override
    protected void beforePausing() {
        pauseAll();
        context.requestCommit();
    }

    @Override
    protected void whilePaused() {
        // Keeps polling, with every partition paused, so that the group membership stays alive.
        iteration();
    }

    @Override
    protected void afterResuming() {
        if (!pausedForRedelivery) {
            resumeAll();
        }
    }

    @Override
    protected void onStopRequested() {
        errors.stop();
        consumer.wakeup();
    }

    /** Pausing or resuming must not wait for the current poll, which may last offset.flush.interval.ms. */
    @Override
    protected void onTargetStateChanged(TargetState target) {
        consumer.wakeup();
    }

    @Override
    protected void close() throws Exception {
        RuntimeException failure = null;
        if (running) {
            try {
                closePartitions(offsets.tracked(), false);
            } catch (WakeupException e) {
                log.trace("{} Consumer woken up during the final offset commit, which was retried", this);
            } catch (RuntimeException e) {
                log.error("{} Could not commit offsets and close partitions while stopping", this, e);
                failure = e;
            }
        }
        if (initialized) {
            try {
                task.stop();
            } catch (RuntimeException e) {
                log.warn("{} Could not stop task", this, e);
            }
        }
        taskStopped = true;
        // A failed task keeps its metrics until the worker removes it, but it no longer owns any partition.
        sinkMetrics.recordPartitionCount(0);
        closeQuietly(() -> consumer.close(CloseOptions.timeout(CONSUMER_CLOSE_TIMEOUT)), "consumer");
        closeQuietly(pipeline::close, "record pipeline");
        closeQuietly(errors::close, "error reporters");
        if (failure != null) {
            throw failure;
        }
    }

    private void iteration() {
        try {
            long now = clock.getAsLong();
            if (!committer.isCommitting() && (context.isCommitRequested() || now >= nextCommit)) {
                committer.commit(now, false, consumer.assignment());
                nextCommit = now + commitIntervalMs;
                context.clearCommitRequest();
            }
            committer.checkTimeout(now);
            poll(Math.max(nextCommit - now, 0L));
        } catch (WakeupException e) {
            if (isStopping()) {
                log.trace("{} Consumer woken up for the stop", this);
            } else {
                log.trace("{} Consumer woken up", this);
            }
        }
    }

    private void poll(long timeoutMs) {
        rewind();
        long retryTimeout = context.timeout();
        if (retryTimeout > 0) {
            timeoutMs = Math.min(timeoutMs, retryTimeout);
            context.timeout(-1L);
        }
        log.trace("{} Polling consumer with timeout {} ms", this, timeoutMs);
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(timeoutMs));
        if (rebalanceException != null) {
            RuntimeException e = rebalanceException;
            rebalanceException = null;
            throw e;
        }
        int read = records.count();
        if (read > 0) {
            sinkMetrics.recordRead(read);
        }
        for (ConsumerRecord<byte[], byte[]> record : records) {
            recordActiveTopic(record.topic());
            InternalSinkRecord converted = pipeline.apply(record);
            offsets.consumed(new TopicPartition(record.topic(), record.partition()), record.offset());
            if (converted != null) {
                batch.add(converted);
            } else {
                log.trace("{} Dropping record in topic '{}' partition {} at offset {}: filtered or tolerated",
                    this, record.topic(), record.partition(), record.offset());
            }
        }
        if (read > 0) {
            sinkMetrics.recordActiveRecords(offsets.activeRecords());
        }
        deliver();
    }

    private void deliver() {
        try {
            log.trace("{} Delivering batch of {} records to task", this, batch.size());
            long putStarted = clock.getAsLong();
            task.put(new ArrayList<>(batch));
            // An errant record reported with errors.tolerance=none fails the task even if the task caught the
            // exception that report() threw.
            if (errors.tolerance() == ErrorTolerance.NONE && errors.counters().recordErrors() > 0) {
                throw new ConnectException("Tolerance exceeded in error handler");
            }
            taskMetrics.recordBatch(batch.size());
            sinkMetrics.recordPut(clock.getAsLong() - putStarted);
            if (!batch.isEmpty()) {
                sinkMetrics.recordSend(batch.size());
            }
            offsets.batchDelivered();
            batch.clear();
            if (pausedForRedelivery) {
                if (!isPaused()) {
                    resumeAll();
                }
                pausedForRedelivery = false;
            }
        } catch (RetriableException e) {
            log.error("{} RetriableException from SinkTask; the batch of {} records will be delivered again:", this,
                batch.size(), e);
            if (!pausedForRedelivery) {
                pausedForRedelivery = true;
                pauseAll();
            }
        } catch (RuntimeException e) {
            log.error("{} Task threw an uncaught and unrecoverable exception. Task is being killed and will not"
                + " recover until manually restarted. Error: {}", this, e.getMessage(), e);
            throw new ConnectException("Exiting WorkerSinkTask due to unrecoverable exception.", e);
        }
    }

    private void rewind() {
        Map<TopicPartition, Long> requested = context.offsets();
        if (requested.isEmpty()) {
            return;
        }
        requested.forEach((partition, offset) -> {
            if (offset != null) {
                log.trace("{} Rewind {} to offset {}", this, partition, offset);
                consumer.seek(partition, offset);
                offsets.reset(partition, offset);
            } else {
                log.warn("{} Cannot rewind {} to null offset", this, partition);
            }
        });
        context.clearOffsets();
    }

    private void closePartitions(Collection<TopicPartition> partitions, boolean lost) {
        if (!lost) {
            committer.commit(clock.getAsLong(), true, partitions);
        } else {
            log.trace("{} Closing the task as partitions have been lost: {}", this, partitions);
            task.close(partitions);
            if (errantRecordReporter != null) {
                errantRecordReporter.cancelFutures(partitions);
            }
        }
        offsets.forget(partitions);
    }

    private void pauseAll() {
        consumer.pause(consumer.assignment());
    }

    private void resumeAll() {
        Set<TopicPartition> pausedByTask = context.pausedPartitions();
        List<TopicPartition> resumed = new ArrayList<>();
        for (TopicPartition partition : consumer.assignment()) {
            if (!pausedByTask.contains(partition)) {
                resumed.add(partition);
            }
        }
        consumer.resume(resumed);
    }

    private void closeQuietly(Runnable closing, String what) {
        try {
            closing.run();
        } catch (RuntimeException e) {
            log.warn("{} Could not close the {}", this, what, e);
        }
    }

    /** Opens, commits and closes partitions as the group assigns and takes them. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            log.debug("{} Partitions assigned {}", SinkTaskRunner.this, partitions);
            for (TopicPartition partition : partitions) {
                offsets.assigned(partition, consumer.position(partition));
            }
            boolean wasPausedForRedelivery = pausedForRedelivery;
            pausedForRedelivery = wasPausedForRedelivery && !batch.isEmpty();
            if (pausedForRedelivery) {
                pauseAll();
            } else {
                if (wasPausedForRedelivery) {
                    resumeAll();
                }
                context.retainPaused(consumer.assignment());
                Set<TopicPartition> pausedByTask = context.pausedPartitions();
                if (isPaused()) {
                    pauseAll();
                } else if (!pausedByTask.isEmpty()) {
                    consumer.pause(pausedByTask);
                }
            }
            sinkMetrics.recordPartitionCount(consumer.assignment().size());
            sinkMetrics.recordActiveRecords(offsets.activeRecords());
            if (partitions.isEmpty()) {
                return;
            }
            if (rebalanceException == null || rebalanceException instanceof WakeupException) {
                try {
                    task.open(partitions);
                    rewind();
                } catch (RuntimeException e) {
                    // The consumer swallows exceptions of its listener: rethrown after the poll.
                    rebalanceException = e;
                }
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            removed(partitions, false);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            removed(partitions, true);
        }

        private void removed(Collection<TopicPartition> partitions, boolean lost) {
            if (taskStopped) {
                log.trace("{} Skipping partition revocation callback as task has already been stopped",
                    SinkTaskRunner.this);
                return;
            }
            log.debug("{} Partitions {}: {}", SinkTaskRunner.this, lost ? "lost" : "revoked", partitions);
            if (partitions.isEmpty()) {
                return;
            }
            try {
                closePartitions(partitions, lost);
            } catch (RuntimeException e) {
                // The consumer swallows exceptions of its listener: rethrown after the poll.
                rebalanceException = e;
            }
            batch.removeIf(record -> partitions.contains(new TopicPartition(record.topic(), record.kafkaPartition())));
            // The consumer's assignment still holds the partitions being taken while this callback runs.
            sinkMetrics.recordPartitionCount((int) consumer.assignment().stream().filter(p -> !partitions.contains(p))
                .count());
        }
    }
}
