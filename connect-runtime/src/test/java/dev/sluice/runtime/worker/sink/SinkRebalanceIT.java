package dev.sluice.runtime.worker.sink;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.sink.SinkTaskJournal.Closed;
import dev.sluice.runtime.worker.sink.SinkTaskJournal.Delivered;
import dev.sluice.runtime.worker.sink.SinkTaskJournal.Event;
import dev.sluice.runtime.worker.sink.SinkTaskJournal.Flushed;
import dev.sluice.runtime.worker.sink.SinkTaskJournal.Opened;
import dev.sluice.runtime.worker.sink.SinkTaskJournal.PreCommit;
import dev.sluice.runtime.worker.sink.SinkTaskJournal.Put;
import dev.sluice.testkit.KafkaClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Acceptance test of the sink path through a real {@link dev.sluice.runtime.worker.Worker} and broker: a connector with
 * two tasks in one consumer group reads a 4-partition topic; one {@code put} fails with a {@link RetriableException};
 * then one task leaves the group and joins it again while records keep arriving. The tasks make their writes durable
 * one commit late (they return from {@code preCommit} what the previous {@code preCommit} offered), so committing
 * anything but what they returned would show. The scenario runs once; each test checks one property of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SinkRebalanceIT {

    private static final String TOPIC = "sink-rebalance-it-events";
    private static final String CONNECTOR = "sink-rebalance-it";
    private static final String GROUP = "connect-" + CONNECTOR;
    private static final int PARTITIONS = 4;

    @RegisterExtension
    static KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

    /** The group's committed offsets, and the highest offsets flushed by then. */
    private record CommitSample(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> flushed) {
    }

    private final Set<String> produced = ConcurrentHashMap.newKeySet();
    private final List<CommitSample> samples = new CopyOnWriteArrayList<>();
    private final AtomicReference<Exception> samplingFailure = new AtomicReference<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
        runnable -> new Thread(runnable, "sink-rebalance-it-commit-sampler"));
    private SinkWorkerFixture fixture;
    private KafkaProducer<String, String> producer;
    private List<Event> events;
    private Map<TopicPartition, Long> finalCommitted;
    private Map<TopicPartition, Long> finalFlushed;

    @BeforeAll
    void runScenario() throws Exception {
        kafka.cluster().createTopic(TOPIC, PARTITIONS, 1);
        producer = new KafkaProducer<>(kafka.cluster().producerConfig(), new StringSerializer(), new StringSerializer());
        produce("before", 40);

        fixture = new SinkWorkerFixture(kafka.cluster(), Map.of());
        SinkTaskJournal journal = fixture.journal;
        journal.acknowledgeOneCommitLate();
        sampler.scheduleWithFixedDelay(this::sampleCommits, 0, 100, TimeUnit.MILLISECONDS);
        List<ConnectorTaskId> tasks = fixture.startConnector(CONNECTOR, Map.of("topics", TOPIC, "tasks.max", "2"));
        ConnectorTaskId first = tasks.get(0);
        ConnectorTaskId second = tasks.get(1);
        awaitHoldings(first, 2, second, 2);
        awaitAllProducedAccepted();

        journal.failNextNonEmptyPut(new RetriableException("injected: the sink's store is briefly unavailable"));
        produce("retried", 20);
        awaitUntil("the batch that failed with RetriableException to be put again",
            () -> redelivery(journal.events()) != null);

        try (BackgroundProducer during = new BackgroundProducer("during")) {
            fixture.stopTask(second);
            awaitHoldings(first, PARTITIONS, second, 0);
            fixture.startTask(second);
            awaitHoldings(first, 2, second, 2);
            assertTrue(during.rounds() > 0, "records were produced while the group rebalanced");
        }
        produce("after", 40);
        awaitAllProducedAccepted();

        // One at a time, so that each final commit happens in a stable group.
        fixture.stopTask(second);
        awaitHoldings(first, PARTITIONS, second, 0);
        fixture.stopTask(first);
        sampler.shutdown();
        assertTrue(sampler.awaitTermination(30, TimeUnit.SECONDS), "the commit sampler stopped");
        finalCommitted = kafka.cluster().consumerGroupOffsets(GROUP);
        finalFlushed = journal.highestFlushed();
        samples.add(new CommitSample(finalCommitted, finalFlushed));
        events = journal.events();
    }

    @AfterAll
    void stopEverything() {
        sampler.shutdownNow();
        if (fixture != null) {
            fixture.close();
        }
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void everyProducedRecordReachedAPutThatSucceeded() {
        Set<Object> accepted = new HashSet<>(acceptedValues(events));
        List<String> missing = produced.stream().filter(value -> !accepted.contains(value)).sorted().toList();
        assertTrue(missing.isEmpty(), "records never delivered to a successful put: " + missing);
        assertTrue(produced.size() > 100, "the scenario produced records in every phase, got " + produced.size());
    }

    @Test
    void batchThatFailedWithRetriableExceptionWasPutAgainUnchanged() {
        List<Put> failed = events.stream().filter(Put.class::isInstance).map(Put.class::cast).filter(Put::failed).toList();
        assertEquals(1, failed.size(), "exactly one put threw the injected RetriableException: " + failed);
        Put retried = redelivery(events);
        assertNotNull(retried, "the task got another put after the failed one");
        assertEquals(failed.get(0).records(), retried.records(),
            "the task's next put after the RetriableException is the same batch (same partitions, offsets, values)");
    }

    @Test
    void partitionsWereFlushedRightBeforeTheTaskClosedThem() {
        int closes = 0;
        for (int i = 0; i < events.size(); i++) {
            if (!(events.get(i) instanceof Closed closed)) {
                continue;
            }
            closes++;
            List<Event> before = eventsOf(closed.task(), events.subList(0, i));
            assertTrue(before.size() >= 2, "task " + closed.task() + " closed " + closed.partitions() + " without a commit");
            Event last = before.get(before.size() - 1);
            Event preCommit = before.get(before.size() - 2);
            assertTrue(last instanceof Flushed && preCommit instanceof PreCommit offered
                    && offered.offered().keySet().equals(closed.partitions()),
                "task " + closed.task() + " closed " + closed.partitions() + " right after preCommit and flush of exactly"
                    + " those partitions; its last events before were "
                    + before.subList(Math.max(0, before.size() - 3), before.size()));
        }
        assertTrue(closes >= 4, "the rebalances and stops closed partitions several times, saw " + closes + " closes");
    }

    @Test
    void revokedPartitionsWereCommittedBeforeTheirNextOwnerReadThem() {
        int handovers = 0;
        for (int i = 0; i < events.size(); i++) {
            if (!(events.get(i) instanceof Closed closed)) {
                continue;
            }
            List<Event> before = eventsOf(closed.task(), events.subList(0, i));
            if (before.isEmpty() || !(before.get(before.size() - 1) instanceof Flushed flushed)) {
                throw new AssertionError("task " + closed.task() + " closed " + closed.partitions() + " without flushing"
                    + " them first");
            }
            for (TopicPartition partition : closed.partitions()) {
                Long durable = flushed.offsets().get(partition);
                Long resumedAt = firstOffsetOfNextOwner(partition, i);
                if (durable == null || resumedAt == null) {
                    continue;
                }
                handovers++;
                assertEquals(durable, resumedAt, "after " + closed.task() + " closed " + partition + " having flushed up"
                    + " to offset " + durable + ", its next owner must start exactly there: the revocation committed"
                    + " the flushed offset synchronously before the partition was handed over");
            }
        }
        assertTrue(handovers >= 2, "the scenario handed flushed partitions over to a next owner, saw " + handovers);
    }

    @Test
    void committedOffsetsNeverExceededWhatTheTasksHadFlushed() {
        assertNull(samplingFailure.get(), "the group's committed offsets could be read throughout the run");
        assertTrue(samples.size() > 20, "the committed offsets were sampled during the run, got " + samples.size());
        for (CommitSample sample : samples) {
            sample.committed().forEach((partition, committed) -> {
                long flushed = sample.flushed().getOrDefault(partition, 0L);
                assertTrue(committed <= flushed, "group " + GROUP + " committed offset " + committed + " for " + partition
                    + " but the tasks had flushed only up to " + flushed);
            });
        }
    }

    @Test
    void finalCommitIsWhatTheTasksFlushedLast() {
        assertEquals(PARTITIONS, finalCommitted.size(), "every partition has a committed offset: " + finalCommitted);
        assertEquals(finalFlushed, finalCommitted,
            "after the tasks stopped, the group's offsets are exactly the highest offsets the tasks flushed");
    }

    /** The put that followed the failed one in the same task, or null. */
    private static Put redelivery(List<Event> events) {
        Put failed = null;
        for (Event event : events) {
            if (event instanceof Put put) {
                if (failed == null && put.failed()) {
                    failed = put;
                } else if (failed != null && put.task().equals(failed.task())) {
                    return put;
                }
            }
        }
        return null;
    }

    private static List<Object> acceptedValues(List<Event> events) {
        List<Object> values = new ArrayList<>();
        for (Event event : events) {
            if (event instanceof Put put && !put.failed()) {
                put.records().forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }

    private static List<Event> eventsOf(ConnectorTaskId task, List<Event> events) {
        return events.stream().filter(event -> event.task().equals(task)).toList();
    }

    /** The first offset of {@code partition} put by the next task that opens it after event {@code index}, or null. */
    private Long firstOffsetOfNextOwner(TopicPartition partition, int index) {
        for (int j = index + 1; j < events.size(); j++) {
            if (events.get(j) instanceof Opened opened && opened.partitions().contains(partition)) {
                for (Event later : eventsOf(opened.task(), events.subList(j + 1, events.size()))) {
                    if (later instanceof Closed closed && closed.partitions().contains(partition)) {
                        return null;
                    }
                    if (later instanceof Put put) {
                        for (Delivered record : put.records()) {
                            if (record.partition().equals(partition)) {
                                return record.offset();
                            }
                        }
                    }
                }
                return null;
            }
        }
        return null;
    }

    private void produce(String phase, int count) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String value = phase + "-" + i;
            values.add(value);
            sent.add(producer.send(new ProducerRecord<>(TOPIC, i % PARTITIONS, "k-" + value, value)));
        }
        for (Future<RecordMetadata> ack : sent) {
            ack.get(30, TimeUnit.SECONDS);
        }
        produced.addAll(values);
    }

    private void awaitHoldings(ConnectorTaskId first, int firstCount, ConnectorTaskId second, int secondCount) {
        Predicate<Map<ConnectorTaskId, Set<TopicPartition>>> reached = holdings ->
            holdings.getOrDefault(first, Set.of()).size() == firstCount
                && holdings.getOrDefault(second, Set.of()).size() == secondCount;
        awaitUntil(first + " to hold " + firstCount + " and " + second + " to hold " + secondCount + " partitions",
            () -> reached.test(fixture.journal.holdings()));
    }

    private void awaitAllProducedAccepted() {
        awaitUntil("every produced record to reach a successful put",
            () -> new HashSet<>(acceptedValues(fixture.journal.events())).containsAll(produced));
    }

    private void awaitUntil(String what, Callable<Boolean> condition) {
        await(what).atMost(SinkWorkerFixture.WAIT).pollInterval(Duration.ofMillis(100)).until(condition);
    }

    /** Reads the group's committed offsets, then what the tasks had flushed by then (which can only be more). */
    private void sampleCommits() {
        try {
            Map<TopicPartition, Long> committed = kafka.cluster().consumerGroupOffsets(GROUP);
            samples.add(new CommitSample(committed, fixture.journal.highestFlushed()));
        } catch (RuntimeException e) {
            samplingFailure.compareAndSet(null, e);
        }
    }

    /** Produces one record to every partition about every 50 ms until closed. */
    private final class BackgroundProducer implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private final Thread thread;
        private volatile int rounds;

        BackgroundProducer(String phase) {
            thread = new Thread(() -> {
                int round = 0;
                while (running.get()) {
                    try {
                        produce(phase + "-" + round, PARTITIONS);
                        rounds = ++round;
                        Thread.sleep(50); // pacing only
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        failure.set(e);
                        return;
                    }
                }
            }, "sink-rebalance-it-producer");
            thread.start();
        }

        int rounds() {
            return rounds;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(thread.isAlive(), "the background producer stopped");
            if (failure.get() != null) {
                throw new AssertionError("the background producer failed", failure.get());
            }
        }
    }
}
