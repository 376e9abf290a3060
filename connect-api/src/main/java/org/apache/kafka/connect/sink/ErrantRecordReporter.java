package org.apache.kafka.connect.sink;

import java.util.concurrent.Future;

/**
 * Lets a sink task report a record it could not process, so the worker's error handling (error
 * tolerance, error log, dead letter queue) applies to it instead of failing the task.
 */
public interface ErrantRecordReporter {

    /**
     * Reports a record that failed. Depending on the connector's error tolerance the worker logs
     * it, sends it to the dead letter queue, or fails the task by throwing.
     *
     * @param record the record that failed
     * @param error the reason
     * @return a future that completes once the report is durable; a task should wait for the
     *     futures of a batch before that batch's offsets are committed
     */
    Future<Void> report(SinkRecord record, Throwable error);
}
