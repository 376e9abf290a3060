package org.apache.kafka.connect.sink;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;

/**
 * What the worker offers a {@link SinkTask}: control over the consumer (offsets, pausing,
 * commits), its configuration, error reporting and metrics.
 */
public interface SinkTaskContext {

    /** @return the task's configuration */
    Map<String, String> configs();

    /**
     * Resets the consumer offsets of the given partitions, e.g. to the offsets the target system
     * has stored.
     *
     * @param offsets the offsets to consume from next
     */
    void offset(Map<TopicPartition, Long> offsets);

    /**
     * Resets the consumer offset of one partition.
     *
     * @param tp the partition
     * @param offset the offset to consume from next
     */
    void offset(TopicPartition tp, long offset);

    /**
     * Asks the worker to retry the current batch after the given time, after the task threw a
     * {@link org.apache.kafka.connect.errors.RetriableException}.
     *
     * @param timeoutMs the time to wait before retrying
     */
    void timeout(long timeoutMs);

    /** @return the partitions currently assigned to this task */
    Set<TopicPartition> assignment();

    /**
     * Stops fetching from the given partitions until they are resumed.
     *
     * @param partitions the partitions
     */
    void pause(TopicPartition... partitions);

    /**
     * Resumes fetching from paused partitions.
     *
     * @param partitions the partitions
     */
    void resume(TopicPartition... partitions);

    /**
     * Asks the worker to commit offsets soon, after calling {@link SinkTask#preCommit}.
     */
    void requestCommit();

    /**
     * Returns the reporter for records the task cannot process. Absent (null) on workers older
     * than the feature, so tasks that want to run there check for null.
     *
     * @return the reporter, or null if the worker does not provide one
     */
    default ErrantRecordReporter errantRecordReporter() {
        return null;
    }

    /** @return the metrics registry of this task */
    PluginMetrics pluginMetrics();
}
