package dev.sluice.runtime.worker.source;

import static dev.sluice.runtime.worker.source.SourceTaskFixture.WAIT;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.config.ConnectorConfig.ErrorTolerance;
import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.LifecycleState;
import dev.sluice.runtime.worker.TargetState;
import dev.sluice.runtime.worker.TaskStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SourceTaskRunnerTest {

    private final SourceTaskFixture fixture = new SourceTaskFixture();
    private final ConnectorTaskId id = new ConnectorTaskId("src", 0);
    private final ScriptedSourceTask task = new ScriptedSourceTask();
    private final ControlledProducer producer = new ControlledProducer();

    @AfterEach
    void close() {
        fixture.close();
    }

    private static SourceRecord record(String topic, String partition, long offset, String value) {
        return new SourceRecord(Map.of("file", partition), Map.of("line", offset), topic, null,
            Schema.STRING_SCHEMA, "key-" + offset, Schema.STRING_SCHEMA, value);
    }

    private SourceTaskRunner started(ErrorTolerance tolerance) {
        SourceTaskRunner runner = fixture.runner(id, task, producer, tolerance);
        runner.start();
        fixture.statuses.awaitTask(id, LifecycleState.RUNNING, WAIT);
        return runner;
    }

    private void awaitSent(int count) {
        await().atMost(WAIT).until(() -> producer.sentCount() >= count);
    }

    private void commitNow() {
        int before = task.commits.get();
        fixture.passFlushInterval();
        await().atMost(WAIT).until(() -> task.commits.get() > before);
    }

    @Test
    void recordsAreTransformedConvertedAndSentAndCommitRecordGetsTheMetadata() {
        started(ErrorTolerance.NONE);
        SourceRecord polled = record("orders", "a", 1, "v1");
        task.willReturn(polled);
        awaitSent(1);

        assertEquals("out-orders", producer.sent(0).topic(), "the RegexRouter transformation renames the topic");
        assertArrayEquals("v1".getBytes(StandardCharsets.UTF_8), producer.sent(0).value(), "the value is converted");
        assertArrayEquals("key-1".getBytes(StandardCharsets.UTF_8), producer.sent(0).key(), "the key is converted");
        assertTrue(task.committedRecords.isEmpty(), "commitRecord waits for the broker's acknowledgement");

        producer.ack(0);
        assertEquals(1, task.committedRecords.size());
        assertSame(polled, task.committedRecords.get(0).record(), "commitRecord gets the record as polled");
        assertEquals("out-orders", task.committedRecords.get(0).metadata().topic(), "commitRecord gets the metadata");
    }

    @Test
    void initializeGivesTheContextAndStartGetsTheTaskConfig() {
        started(ErrorTolerance.NONE);
        assertNotNull(task.initializedWith.offsetStorageReader(), "the context has an offset reader");
        assertNotNull(task.initializedWith.pluginMetrics(), "the context has plugin metrics");
        assertNull(task.initializedWith.transactionContext(), "no transaction context without exactly-once support");
        assertEquals(Map.of("task.class", ScriptedSourceTask.class.getName()), task.initializedWith.configs());
        assertEquals(task.initializedWith.configs(), task.startedWith, "start() gets the task configuration");
    }

    @Test
    void offsetsAreCommittedOnlyUpToTheAcknowledgedPrefixOfEachPartition() {
        started(ErrorTolerance.NONE);
        task.willReturn(record("orders", "a", 1, "a1"), record("orders", "b", 1, "b1"),
            record("orders", "a", 2, "a2"), record("orders", "b", 2, "b2"));
        awaitSent(4);

        producer.ack(2);
        producer.ack(1);
        commitNow();
        assertNull(fixture.committedOffset(Map.of("file", "a")), "a2 is acknowledged but a1 before it is not");
        assertEquals(Map.of("line", 1L), fixture.committedOffset(Map.of("file", "b")), "b1 is acknowledged");

        producer.ack(0);
        commitNow();
        assertEquals(Map.of("line", 2L), fixture.committedOffset(Map.of("file", "a")),
            "once a1 is acknowledged, a2 is committable too");
        assertEquals(Map.of("line", 1L), fixture.committedOffset(Map.of("file", "b")), "b2 is still unacknowledged");
    }

    @Test
    void filteredRecordsAreNotSentDoNotHoldBackLaterRecordsAndGetCommitRecordWithNullMetadata() {
        started(ErrorTolerance.NONE);
        SourceRecord filtered = record("skip", "a", 1, "dropped");
        task.willReturn(filtered, record("orders", "a", 2, "kept"), record("skip", "c", 1, "dropped too"));
        awaitSent(1);
        await().atMost(WAIT).until(() -> task.committedRecords.size() == 2);
        assertSame(filtered, task.committedRecords.get(0).record(), "the filtered record is passed to commitRecord");
        assertNull(task.committedRecords.get(0).metadata(), "with null metadata");

        producer.ack(0);
        commitNow();
        assertEquals(1, producer.sentCount(), "filtered records are not sent");
        assertEquals(Map.of("line", 2L), fixture.committedOffset(Map.of("file", "a")),
            "the filtered record does not hold back the record after it");
        assertNull(fixture.committedOffset(Map.of("file", "c")),
            "as in Apache 4.3.1, the offset of a filtered record alone is not committed");
    }

    @Test
    void aFailedSendWithToleranceNoneFailsTheTask() {
        started(ErrorTolerance.NONE);
        task.willReturn(record("orders", "a", 1, "v1"));
        awaitSent(1);
        producer.fail(0, new org.apache.kafka.common.errors.RecordTooLargeException("too large"));

        TaskStatus failed = fixture.statuses.awaitTask(id, LifecycleState.FAILED, WAIT);
        assertTrue(failed.trace().contains("Unrecoverable exception from producer send callback"), failed.trace());
        assertTrue(failed.trace().contains("too large"), "the trace names the cause: " + failed.trace());
        assertEquals(1, task.stops.get(), "the task is stopped after failing");
        assertNull(fixture.committedOffset(Map.of("file", "a")), "nothing is committed for the failed record");
    }

    @Test
    void aFailedSendWithToleranceAllSkipsTheRecordAndTheTaskGoesOn() {
        started(ErrorTolerance.ALL);
        SourceRecord lost = record("orders", "a", 1, "v1");
        task.willReturn(lost, record("orders", "a", 2, "v2"));
        awaitSent(2);
        producer.fail(0, new org.apache.kafka.common.errors.RecordTooLargeException("too large"));
        producer.ack(1);
        commitNow();

        assertEquals(LifecycleState.RUNNING, fixture.statuses.taskStatus(id).orElseThrow().state(), "still running");
        assertSame(lost, task.committedRecords.get(0).record(), "the skipped record is passed to commitRecord");
        assertNull(task.committedRecords.get(0).metadata(), "with null metadata");
        assertEquals(Map.of("line", 2L), fixture.committedOffset(Map.of("file", "a")),
            "the skipped record counts as acknowledged");
        assertEquals(1, fixture.counters.recordFailures(), "the failure is counted at stage KAFKA_PRODUCE");

        task.willReturn(record("orders", "a", 3, "v3"));
        awaitSent(3);
    }

    @Test
    void aRetriableSendFailureSendsTheRestOfTheBatchAgain() {
        started(ErrorTolerance.NONE);
        task.willReturn(record("orders", "a", 1, "v1"));
        awaitSent(1);
        producer.throwOnNextSend(new TimeoutException("metadata not available"));
        task.willReturn(record("orders", "a", 2, "v2"), record("orders", "a", 3, "v3"));
        awaitSent(3);

        assertEquals(3, producer.sentCount(), "each record is sent once after the retry");
        assertArrayEquals("v2".getBytes(StandardCharsets.UTF_8), producer.sent(1).value());
        assertArrayEquals("v3".getBytes(StandardCharsets.UTF_8), producer.sent(2).value());
        producer.ack(0);
        producer.ack(1);
        producer.ack(2);
        commitNow();
        assertEquals(Map.of("line", 3L), fixture.committedOffset(Map.of("file", "a")),
            "the dropped attempt does not hold back the offsets");
        assertEquals(LifecycleState.RUNNING, fixture.statuses.taskStatus(id).orElseThrow().state());
    }

    @Test
    void aRetriableExceptionFromPollIsRetriedAndOtherExceptionsFailTheTask() {
        started(ErrorTolerance.NONE);
        task.willThrow(new RetriableException("source not ready"));
        task.willReturn(record("orders", "a", 1, "v1"));
        awaitSent(1);
        assertEquals(LifecycleState.RUNNING, fixture.statuses.taskStatus(id).orElseThrow().state());

        task.willThrow(new IllegalStateException("source broken"));
        TaskStatus failed = fixture.statuses.awaitTask(id, LifecycleState.FAILED, WAIT);
        assertTrue(failed.trace().contains("source broken"), failed.trace());
    }

    @Test
    void stopWaitsForOutstandingAcknowledgementsCommitsAndThenStopsTheTask() {
        SourceTaskRunner runner = started(ErrorTolerance.NONE);
        task.willReturn(record("orders", "a", 1, "v1"), record("orders", "a", 2, "v2"));
        awaitSent(2);
        producer.ack(0);

        runner.stop();
        producer.ack(1);
        assertTrue(runner.awaitStop(WAIT), "the task thread ends after stop()");

        assertEquals(Map.of("line", 2L), fixture.committedOffset(Map.of("file", "a")),
            "the final commit includes what was acknowledged while stopping");
        assertEquals(1, task.commits.get(), "commit() is called after the final offset commit");
        assertEquals(1, task.stops.get(), "SourceTask.stop() is called once, on the task thread");
        assertTrue(producer.closed(), "the producer is closed");
        assertEquals(LifecycleState.UNASSIGNED, lastState(), "a stopped task ends UNASSIGNED");
    }

    @Test
    void aRestartedTaskReadsTheCommittedOffsetsThroughItsContext() {
        SourceTaskRunner first = started(ErrorTolerance.NONE);
        task.willReturn(record("orders", "a", 7, "v7"));
        awaitSent(1);
        producer.ack(0);
        first.stop();
        assertTrue(first.awaitStop(WAIT));

        ScriptedSourceTask restarted = new ScriptedSourceTask();
        AtomicReference<Map<String, Object>> resumedFrom = new AtomicReference<>();
        restarted.onStart = context -> resumedFrom.set(context.offsetStorageReader().offset(Map.of("file", "a")));
        SourceTaskRunner second = fixture.runner(id, restarted, new ControlledProducer(), ErrorTolerance.NONE);
        second.start();
        await().atMost(WAIT).until(() -> restarted.startedWith != null && resumedFrom.get() != null);
        assertEquals(Map.of("line", 7L), resumedFrom.get(), "the new instance resumes from the committed offset");
    }

    @Test
    void offsetsAreStillCommittedEveryIntervalWhilePausedAndAResumeIsImmediate() {
        SourceTaskRunner runner = started(ErrorTolerance.NONE);
        task.willReturn(record("orders", "a", 1, "v1"));
        awaitSent(1);
        runner.transitionTo(TargetState.PAUSED);
        fixture.statuses.awaitTask(id, LifecycleState.PAUSED, WAIT);
        producer.ack(0);
        fixture.passFlushInterval();
        // The paused thread sleeps until the real interval passed; another target state change wakes it earlier.
        runner.transitionTo(TargetState.PAUSED);
        await().atMost(WAIT).until(() -> Map.of("line", 1L).equals(fixture.committedOffset(Map.of("file", "a"))));

        runner.transitionTo(TargetState.STARTED);
        fixture.statuses.awaitTask(id, LifecycleState.RUNNING, WAIT);
        task.willReturn(record("orders", "a", 2, "v2"));
        awaitSent(2);
    }

    @Test
    void aTaskWhoseStartFailsIsFailedAndStoppedWithoutAnOffsetCommit() {
        task.onStart = context -> {
            throw new IllegalStateException("cannot open the source");
        };
        SourceTaskRunner runner = fixture.runner(id, task, producer, ErrorTolerance.NONE);
        runner.start();
        TaskStatus failed = fixture.statuses.awaitTask(id, LifecycleState.FAILED, WAIT);
        assertTrue(failed.trace().contains("cannot open the source"), failed.trace());
        assertEquals(1, task.stops.get(), "stop() releases what initialize() and start() allocated");
        assertEquals(0, task.commits.get(), "no offset commit for a task that never ran");
        assertTrue(producer.closed(), "the producer is closed");
    }

    @Test
    void aCancelledTaskReleasesItsProducerAtOnceAndSkipsTheFinalCommit() {
        SourceTaskRunner runner = started(ErrorTolerance.NONE);
        task.willReturn(record("orders", "a", 1, "v1"));
        awaitSent(1);
        producer.ack(0);

        runner.cancel();
        assertTrue(producer.closed(), "cancel closes the producer on the cancelling thread");
        runner.stop();
        assertTrue(runner.awaitStop(WAIT));
        assertEquals(0, task.commits.get(), "a cancelled task does not commit");
        assertNull(fixture.committedOffset(Map.of("file", "a")), "its offsets are left to the task's next instance");
    }

    private LifecycleState lastState() {
        List<TaskStatus> history = fixture.statuses.taskHistory(id);
        return history.get(history.size() - 1).state();
    }
}
