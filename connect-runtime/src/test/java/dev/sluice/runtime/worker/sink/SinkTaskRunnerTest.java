package dev.sluice.runtime.worker.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.worker.TargetState;
import dev.sluice.runtime.worker.errors.ErrorReporter;
import dev.sluice.runtime.worker.errors.FailedRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.runtime.InternalSinkRecord;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SinkTaskRunnerTest {

    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);

    private static SinkRunnerFixture fixture;

    private final RecordingSinkTask task = new RecordingSinkTask();
    private final FailingCommitConsumer consumer = new FailingCommitConsumer();

    @BeforeAll
    static void createFixture() {
        fixture = new SinkRunnerFixture();
    }

    @AfterAll
    static void closeFixture() {
        fixture.close();
    }

    /** A MockConsumer whose asynchronous commits can be made to fail. */
    static final class FailingCommitConsumer extends MockConsumer<byte[], byte[]> {
        volatile RuntimeException asyncCommitFailure;
        final List<Map<TopicPartition, OffsetAndMetadata>> syncCommits = new ArrayList<>();

        FailingCommitConsumer() {
            super("earliest");
        }

        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            syncCommits.add(Map.copyOf(offsets));
            super.commitSync(offsets);
        }

        @Override
        public synchronized void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets,
                                             OffsetCommitCallback callback) {
            if (asyncCommitFailure != null) {
                callback.onComplete(offsets, asyncCommitFailure);
            } else {
                super.commitAsync(offsets, callback);
            }
        }
    }

    private SinkTaskRunner started(Map<String, String> overrides) throws Exception {
        return started(fixture.runner(task, consumer, overrides));
    }

    private SinkTaskRunner started(SinkTaskRunner runner) throws Exception {
        runner.initializeAndStart();
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.rebalance(List.of(P0, P1));
        return runner;
    }

    private void add(TopicPartition partition, long offset, String value) {
        consumer.addRecord(new ConsumerRecord<>(partition.topic(), partition.partition(), offset,
            ("k" + offset).getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)));
    }

    private long committed(TopicPartition partition) {
        OffsetAndMetadata offset = consumer.committed(Set.of(partition)).get(partition);
        return offset == null ? -1L : offset.offset();
    }

    private void passCommitInterval() {
        fixture.now.addAndGet(SinkRunnerFixture.COMMIT_INTERVAL_MS);
    }

    @Test
    void recordsAreDeliveredInOrderThroughConvertersAndTransforms() throws Exception {
        SinkTaskRunner runner = started(Map.of("transforms", "route",
            "transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter",
            "transforms.route.regex", "orders", "transforms.route.replacement", "routed"));
        add(P0, 0, "a");
        add(P0, 1, "b");
        add(P0, 2, "c");

        runner.execute();

        assertEquals(List.of("start", "open [orders-0, orders-1]", "put 3"), task.events,
            "the task is started, opened and given one batch");
        List<SinkRecord> batch = task.puts.get(0);
        assertEquals(List.of("a", "b", "c"), batch.stream().map(SinkRecord::value).toList(), "values in order");
        assertEquals(List.of(0L, 1L, 2L), batch.stream().map(SinkRecord::kafkaOffset).toList(), "offsets in order");
        assertEquals("routed", batch.get(0).topic(), "the transformation renamed the topic");
        assertEquals("k0", batch.get(0).key(), "the key went through the key converter");
        assertInstanceOf(InternalSinkRecord.class, batch.get(0), "records handed to put are InternalSinkRecords");
    }

    @Test
    void idlePollsCallPutWithAnEmptyBatch() throws Exception {
        SinkTaskRunner runner = started(Map.of());

        runner.execute();
        runner.execute();

        assertEquals(List.of(List.of(), List.of()), task.puts, "each idle poll calls put with an empty list");
    }

    @Test
    void retriableExceptionRedeliversTheSameBatchWhilePartitionsArePaused() throws Exception {
        SinkTaskRunner runner = started(Map.of());
        add(P0, 0, "a");
        add(P1, 0, "b");
        task.putFailures.add(new RetriableException("not now"));
        task.onPut = context -> context.timeout(10);

        runner.execute();
        assertEquals(Set.of(P0, P1), consumer.paused(), "all partitions are paused after a retriable failure");
        add(P0, 1, "c");
        runner.execute();

        assertEquals(2, task.puts.size(), "the batch is delivered a second time");
        assertEquals(task.puts.get(0), task.puts.get(1), "the second delivery is the same batch, without new records");
        assertEquals(Set.of(), consumer.paused(), "partitions resume once the batch is accepted");
        assertEquals(10L, consumer.lastPollTimeout().toMillis(), "the retry poll used the task's timeout");
        runner.execute();
        assertEquals(List.of("c"), task.puts.get(2).stream().map(SinkRecord::value).toList(),
            "new records follow once resumed");
    }

    @Test
    void undeliveredBatchIsNotCommitted() throws Exception {
        SinkTaskRunner runner = started(Map.of());
        add(P0, 0, "a");
        add(P0, 1, "b");
        runner.execute();
        add(P0, 2, "c");
        task.putFailures.add(new RetriableException("not now"));
        runner.execute();

        passCommitInterval();
        task.putFailures.add(new RetriableException("still not"));
        runner.execute();

        assertEquals(List.of("preCommit {orders-0=2, orders-1=0}"), task.events("preCommit"),
            "preCommit gets the offsets after the delivered records only");
        assertEquals(List.of("flush {orders-0=2, orders-1=0}"), task.events("flush"), "the default preCommit flushes");
        assertEquals(2L, committed(P0), "only what put accepted is committed");
    }

    @Test
    void periodicCommitCommitsWhatWasFlushed() throws Exception {
        SinkTaskRunner runner = started(Map.of());
        add(P0, 0, "a");
        add(P1, 0, "b");
        add(P1, 1, "c");
        runner.execute();
        assertEquals(List.of(), task.events("preCommit"), "no commit before the interval has passed");

        passCommitInterval();
        runner.execute();

        assertEquals(1L, committed(P0), "partition 0 committed after its delivered record");
        assertEquals(2L, committed(P1), "partition 1 committed after its delivered records");
    }

    @Test
    void offsetsReturnedByPreCommitBeyondDeliveredOnesAreIgnored() throws Exception {
        SinkTaskRunner runner = started(Map.of());
        add(P0, 0, "a");
        add(P1, 0, "b");
        runner.execute();
        task.preCommit = offsets -> Map.of(P0, new OffsetAndMetadata(1), P1, new OffsetAndMetadata(5));

        passCommitInterval();
        runner.execute();

        assertEquals(1L, committed(P0), "a delivered offset is committed");
        assertEquals(0L, committed(P1), "an offset beyond what was delivered keeps the last committed one");
    }

    @Test
    void requestCommitCommitsOnTheNextIteration() throws Exception {
        SinkTaskRunner runner = started(Map.of());
        add(P0, 0, "a");
        task.onPut = context -> context.requestCommit();
        runner.execute();

        runner.execute();

        assertEquals(1L, committed(P0), "the requested commit happened before the interval");
    }

    @Test
    void revocationCommitsThenClosesOnlyTheRevokedPartitions() throws Exception {
        SinkTaskRunner runner = started(Map.of());
        add(P0, 0, "a");
        add(P1, 0, "b");
        runner.execute();

        consumer.rebalance(List.of(P1));

        assertEquals(List.of("preCommit {orders-0=1}", "flush {orders-0=1}", "close [orders-0]"),
            task.events.subList(task.events.size() - 3, task.events.size()),
            "the revoked partition is flushed, then closed");
        assertEquals(List.of(Map.of(P0, new OffsetAndMetadata(1))), consumer.syncCommits,
            "only the revoked partition is committed, synchronously");
    }

    @Test
    void lostPartitionsAreClosedWithoutACommit() throws Exception {
        SinkTaskRunner runner = started(Map.of());
        add(P0, 0, "a");
        runner.execute();

        runner.rebalanceListener().onPartitionsLost(List.of(P0));

        assertEquals("close [orders-0]", task.events.get(task.events.size() - 1), "the lost partition is closed");
        assertEquals(List.of(), task.events("preCommit"), "lost partitions are not flushed");
        assertEquals(-1L, committed(P0), "lost partitions are not committed");
    }

    @Test
    void failingPreCommitRewindsToTheLastCommittedOffsets() throws Exception {
        SinkTaskRunner runner = started(Map.of());
        add(P0, 0, "a");
        add(P0, 1, "b");
        runner.execute();
        task.preCommitFailure = new ConnectException("flush failed");

        passCommitInterval();
        runner.execute();

        assertEquals(0L, consumer.position(P0), "the consumer is rewound to the last committed offset");
        assertEquals(-1L, committed(P0), "nothing is committed");
        assertEquals(1, runner.commitFailures(), "the failure is counted");
    }

    @Test
    void failedAsynchronousCommitKeepsTheLastCommittedOffsets() throws Exception {
        SinkTaskRunner runner = started(Map.of());
        add(P0, 0, "a");
        runner.execute();
        consumer.asyncCommitFailure = new RebalanceInProgressException("rebalancing");

        passCommitInterval();
        runner.execute();
        assertEquals(1, runner.commitFailures(), "the failed commit is counted");
        consumer.asyncCommitFailure = null;
        passCommitInterval();
        runner.execute();

        assertEquals(1L, committed(P0), "the next commit carries the same offsets");
        assertEquals(0, runner.commitFailures(), "a successful commit resets the count");
    }

    @Test
    void offsetResetRequestedByTheTaskIsAppliedBeforeTheNextPoll() throws Exception {
        SinkTaskRunner runner = started(Map.of());
        add(P0, 0, "a");
        add(P0, 1, "b");
        add(P0, 2, "c");
        task.onPut = context -> {
            if (task.puts.size() == 1) {
                context.offset(P0, 1L);
            }
        };
        runner.execute();
        add(P0, 1, "b");
        add(P0, 2, "c");

        runner.execute();

        assertEquals(List.of("b", "c"), task.puts.get(1).stream().map(SinkRecord::value).toList(),
            "records from the requested offset are delivered again");
    }

    @Test
    void partitionPausedByTheTaskStaysPausedAcrossAWholeTaskPause() throws Exception {
        SinkTaskRunner runner = started(Map.of());
        runner.context().pause(P0);
        assertEquals(Set.of(P0), consumer.paused(), "the task's pause reaches the consumer");

        runner.transitionTo(TargetState.PAUSED);
        runner.beforePausing();
        assertEquals(Set.of(P0, P1), consumer.paused(), "the whole-task pause pauses every partition");
        runner.whilePaused();
        assertEquals(0, task.puts.size(), "the state change woke the consumer, ending that poll early");
        runner.whilePaused();
        assertEquals(1, task.puts.size(), "a paused task keeps polling");
        runner.transitionTo(TargetState.STARTED);
        runner.afterResuming();

        assertEquals(Set.of(P0), consumer.paused(), "resuming keeps the partition the task paused");
    }

    @Test
    void errantRecordReportsAreAwaitedBeforeTheCommit() throws Exception {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        ErrorReporter slowDeadLetterQueue = new ErrorReporter() {
            @Override
            public CompletableFuture<Void> report(FailedRecord failure) {
                return CompletableFuture.runAsync(() -> order.add("reported"),
                    CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
            }

            @Override
            public void close() {
            }
        };
        SinkTaskRunner runner = started(fixture.runner(task, consumer, Map.of(), List.of(slowDeadLetterQueue), true,
            TargetState.STARTED));
        add(P0, 0, "a");
        task.onPut = context -> {
            if (task.puts.size() == 1) {
                context.errantRecordReporter().report(task.puts.get(0).get(0), new IllegalStateException("bad"));
                context.requestCommit();
            }
        };
        runner.execute();
        task.preCommit = offsets -> {
            order.add("preCommit");
            return offsets;
        };

        runner.execute();

        assertEquals(List.of("reported", "preCommit"), order, "the report completed before the commit began");
        assertEquals(1L, committed(P0), "the offset of the errant record is committed after its report");
    }

    @Test
    void failedErrantRecordReportPreventsTheCommitAndFailsTheTask() throws Exception {
        ErrorReporter brokenDeadLetterQueue = new ErrorReporter() {
            @Override
            public CompletableFuture<Void> report(FailedRecord failure) {
                return CompletableFuture.supplyAsync(() -> {
                    throw new IllegalStateException("DLQ write failed");
                }, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
            }

            @Override
            public void close() {
            }
        };
        SinkTaskRunner runner = started(fixture.runner(task, consumer, Map.of(), List.of(brokenDeadLetterQueue), true,
            TargetState.STARTED));
        add(P0, 0, "a");
        task.onPut = context -> {
            if (task.puts.size() == 1) {
                context.errantRecordReporter().report(task.puts.get(0).get(0), new IllegalStateException("bad"));
                context.requestCommit();
            }
        };
        runner.execute();

        assertThrows(ConnectException.class, runner::execute, "a failed report fails the task");
        assertEquals(-1L, committed(P0), "nothing is committed");
    }

    @Test
    void errantRecordReporterIsNullWithoutDeadLetterQueueOrErrorLog() throws Exception {
        SinkTaskRunner runner = started(Map.of());
        assertEquals(null, task.context().errantRecordReporter(), "no reporter is offered");
        assertTrue(!SinkTaskRunnerFactory.offersErrantRecordReporter(fixture.connectorConfig(
            Map.of("errors.tolerance", "all"))), "tolerance alone does not offer a reporter");
        assertTrue(SinkTaskRunnerFactory.offersErrantRecordReporter(fixture.connectorConfig(
            Map.of("errors.log.enable", "true"))), "the error log offers a reporter");
        assertTrue(SinkTaskRunnerFactory.offersErrantRecordReporter(fixture.connectorConfig(
            Map.of("errors.deadletterqueue.topic.name", "dlq"))), "a dead letter queue offers a reporter");
        runner.close();
    }

    @Test
    void nonRetriableExceptionFromPutFailsTheTask() throws Exception {
        SinkTaskRunner runner = started(Map.of());
        add(P0, 0, "a");
        task.putFailures.add(new IllegalStateException("broken"));

        ConnectException failure = assertThrows(ConnectException.class, runner::execute, "the task fails");
        assertEquals("Exiting WorkerSinkTask due to unrecoverable exception.", failure.getMessage(),
            "Apache's message");
        assertInstanceOf(IllegalStateException.class, failure.getCause(), "the cause is the task's exception");
    }

    @Test
    void stopWakesTheConsumerAndCloseCommitsAndStopsTheTask() throws Exception {
        SinkTaskRunner runner = started(Map.of());
        add(P0, 0, "a");
        runner.execute();

        runner.stop();
        runner.execute();
        runner.close();

        assertEquals(List.of("preCommit {orders-0=1, orders-1=0}", "flush {orders-0=1, orders-1=0}",
            "close [orders-0, orders-1]", "stop"), task.events.subList(task.events.size() - 4, task.events.size()),
            "close flushes, closes the partitions and stops the task");
        assertEquals(List.of(Map.of(P0, new OffsetAndMetadata(1), P1, new OffsetAndMetadata(0))), consumer.syncCommits,
            "the final commit is synchronous");
        assertTrue(consumer.closed(), "the consumer is closed");
    }

    @Test
    void offsetsOfRecordsDroppedByTransformationsAreCommitted() throws Exception {
        SinkTaskRunner runner = started(Map.of("transforms", "drop",
            "transforms.drop.type", "org.apache.kafka.connect.transforms.Filter"));
        add(P0, 0, "a");
        add(P0, 1, "b");
        runner.execute();
        assertEquals(List.of(List.of()), task.puts, "dropped records are not handed to put");

        passCommitInterval();
        runner.execute();

        assertEquals(2L, committed(P0), "the offsets of dropped records count as delivered, as in Apache");
    }

    @Test
    void exceptionFromOpenInTheRebalanceListenerFailsTheTaskAfterThePoll() throws Exception {
        RecordingSinkTask failingOpen = new RecordingSinkTask() {
            @Override
            public void open(java.util.Collection<TopicPartition> partitions) {
                throw new IllegalStateException("cannot open");
            }
        };
        SinkTaskRunner runner = fixture.runner(failingOpen, consumer, Map.of());
        runner.initializeAndStart();
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.schedulePollTask(() -> consumer.rebalance(List.of(P0, P1)));

        IllegalStateException failure = assertThrows(IllegalStateException.class, runner::execute,
            "the exception the consumer swallowed is rethrown after the poll");
        assertEquals("cannot open", failure.getMessage(), "it is the task's exception");
    }

    @Test
    void targetStateChangeWakesTheConsumerSoAPauseDoesNotWaitForTheCurrentPoll() throws Exception {
        SinkTaskRunner runner = started(Map.of());
        runner.transitionTo(TargetState.PAUSED);
        assertThrows(org.apache.kafka.common.errors.WakeupException.class, () -> consumer.poll(Duration.ZERO),
            "the consumer was woken up by the state change");
    }

    @Test
    void pausedTaskKeepsPollingWithoutReceivingRecords() throws Exception {
        SinkTaskRunner runner = started(Map.of());
        runner.transitionTo(TargetState.PAUSED);
        runner.beforePausing();
        add(P0, 0, "a");

        runner.whilePaused();
        assertEquals(List.of(), task.puts, "the state change woke the consumer, ending that poll early");
        runner.whilePaused();

        assertEquals(List.of(List.of()), task.puts, "a paused task is called with empty batches only");
        assertEquals(1L, task.events("preCommit").size(), "pausing requests a commit, as in Apache");
    }

    @Test
    void pausingAPartitionThatIsNotAssignedIsAnIllegalWorkerState() throws Exception {
        SinkTaskRunner runner = started(Map.of());

        assertThrows(org.apache.kafka.connect.errors.IllegalWorkerStateException.class,
            () -> runner.context().pause(new TopicPartition("other", 0)), "only assigned partitions can be paused");
    }

    @Test
    void partitionPausedByTheTaskWhileTheTaskIsPausedStaysPausedOnResume() throws Exception {
        SinkTaskRunner runner = started(Map.of());
        runner.transitionTo(TargetState.PAUSED);
        runner.beforePausing();

        runner.context().pause(P1);
        runner.transitionTo(TargetState.STARTED);
        runner.afterResuming();

        assertEquals(Set.of(P1), consumer.paused(), "the pause requested during the task pause is kept");
    }

    @Test
    void errantRecordSwallowedByTheTaskStillFailsItWithoutTolerance() throws Exception {
        SinkTaskRunner runner = started(fixture.runner(task, consumer, Map.of("errors.tolerance", "none",
            "errors.log.enable", "true"), List.of(), true, TargetState.STARTED));
        add(P0, 0, "a");
        task.onPut = context -> {
            try {
                context.errantRecordReporter().report(task.puts.get(0).get(0), new IllegalStateException("bad"));
            } catch (ConnectException swallowed) {
                // a task that ignores the failure
            }
        };

        ConnectException failure = assertThrows(ConnectException.class, runner::execute, "the task fails");
        assertEquals("Tolerance exceeded in error handler", failure.getCause().getMessage(),
            "the cause says the tolerance was exceeded");
        passCommitInterval();
        assertEquals(-1L, committed(P0), "the batch was not counted as delivered");
    }
}
