package dev.sluice.runtime.worker.sink;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.errors.IllegalWorkerStateException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SinkTaskContext} a {@link SinkTaskRunner} gives its task. Requests the task makes (offset resets, a
 * poll timeout, a commit) are recorded here and applied by the runner on the task thread; partitions the task pauses
 * are remembered, so that they stay paused when the whole task is resumed. While the whole task is paused, the
 * task's own pause and resume requests are only recorded, as in Apache 4.3.1.
 */
public final class RunnerSinkTaskContext implements SinkTaskContext {

    private static final Logger log = LoggerFactory.getLogger(RunnerSinkTaskContext.class);

    private final Map<String, String> configs;
    private final Consumer<byte[], byte[]> consumer;
    private final BooleanSupplier taskPaused;
    private final ErrantRecordReporter errantRecordReporter;
    private final PluginMetrics pluginMetrics;
    private final Map<TopicPartition, Long> offsets = new HashMap<>();
    private final Set<TopicPartition> pausedPartitions = new HashSet<>();
    private long timeoutMs = -1L;
    private boolean commitRequested;

    /**
     * A context over a task's consumer.
     *
     * @param configs the task configuration
     * @param consumer the task's consumer
     * @param taskPaused whether the whole task is paused (target state PAUSED)
     * @param errantRecordReporter the reporter, or null when the connector configures none
     * @param pluginMetrics the task's plugin metrics
     */
    public RunnerSinkTaskContext(Map<String, String> configs, Consumer<byte[], byte[]> consumer, BooleanSupplier taskPaused,
                                 ErrantRecordReporter errantRecordReporter, PluginMetrics pluginMetrics) {
        this.configs = Map.copyOf(configs);
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.taskPaused = Objects.requireNonNull(taskPaused, "taskPaused");
        this.errantRecordReporter = errantRecordReporter;
        this.pluginMetrics = pluginMetrics;
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public synchronized void offset(Map<TopicPartition, Long> offsets) {
        log.debug("Sink task requested offset resets {}", offsets);
        this.offsets.putAll(offsets);
    }

    @Override
    public synchronized void offset(TopicPartition partition, long offset) {
        log.debug("Sink task requested an offset reset of {} to {}", partition, offset);
        offsets.put(partition, offset);
    }

    /** The offset resets requested since the last {@link #clearOffsets()}. */
    synchronized Map<TopicPartition, Long> offsets() {
        return new HashMap<>(offsets);
    }

    /** Forgets the requested offset resets once they are applied. */
    synchronized void clearOffsets() {
        offsets.clear();
    }

    @Override
    public synchronized void timeout(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    /** The poll timeout the task asked for, or a value below 1 when none. */
    synchronized long timeout() {
        return timeoutMs;
    }

    @Override
    public Set<TopicPartition> assignment() {
        return consumer.assignment();
    }

    @Override
    public void pause(TopicPartition... partitions) {
        List<TopicPartition> requested = Arrays.asList(partitions);
        synchronized (this) {
            pausedPartitions.addAll(requested);
        }
        if (taskPaused.getAsBoolean()) {
            log.debug("Connector is paused, so not pausing consumer's partitions {}", requested);
            return;
        }
        try {
            consumer.pause(requested);
        } catch (IllegalStateException e) {
            throw new IllegalWorkerStateException("SinkTasks may not pause partitions that are not currently assigned"
                + " to them: " + requested, e);
        }
    }

    @Override
    public void resume(TopicPartition... partitions) {
        List<TopicPartition> requested = Arrays.asList(partitions);
        synchronized (this) {
            pausedPartitions.removeAll(requested);
        }
        if (taskPaused.getAsBoolean()) {
            log.debug("Connector is paused, so not resuming consumer's partitions {}", requested);
            return;
        }
        try {
            consumer.resume(requested);
        } catch (IllegalStateException e) {
            throw new IllegalWorkerStateException("SinkTasks may not resume partitions that are not currently assigned"
                + " to them: " + requested, e);
        }
    }

    /** The partitions the task paused itself and has not resumed. */
    synchronized Set<TopicPartition> pausedPartitions() {
        return Set.copyOf(pausedPartitions);
    }

    /** Forgets task pauses of partitions that are no longer assigned. */
    synchronized void retainPaused(Set<TopicPartition> assigned) {
        pausedPartitions.retainAll(assigned);
    }

    @Override
    public synchronized void requestCommit() {
        commitRequested = true;
    }

    /** Whether a commit was requested since the last {@link #clearCommitRequest()}. */
    synchronized boolean isCommitRequested() {
        return commitRequested;
    }

    /** Forgets the commit request once a commit was started. */
    synchronized void clearCommitRequest() {
        commitRequested = false;
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        return errantRecordReporter;
    }

    @Override
    public PluginMetrics pluginMetrics() {
        return pluginMetrics;
    }
}
