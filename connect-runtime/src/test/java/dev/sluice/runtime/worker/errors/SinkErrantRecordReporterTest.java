package dev.sluice.runtime.worker.errors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.config.ConnectorConfig.ErrorTolerance;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.runtime.InternalSinkRecord;
import org.apache.kafka.connect.runtime.errors.ProcessingContext;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.junit.jupiter.api.Test;

class SinkErrantRecordReporterTest {

    private static final TopicPartition ORDERS_0 = new TopicPartition("orders", 0);
    private static final TopicPartition ORDERS_1 = new TopicPartition("orders", 1);

    private final MockProducer<byte[], byte[]> producer =
        new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final ErrorCounters counters = new ErrorCounters();
    private final RecordingReporter log = new RecordingReporter();

    private SinkErrantRecordReporter reporter(ErrorTolerance tolerance,
                                              Function<SinkRecord, ConsumerRecord<byte[], byte[]>> reconverter) {
        ErrorHandler errors = new ErrorHandler(new ErrorHandlingSettings(0, 60_000, tolerance, true, false),
            List.of(log, new DeadLetterQueueReporter("dlq", new DeadLetterQueueHeaders("snk", 0), producer, counters)),
            counters, new FakeClock(), new Backoff(60_000));
        return new SinkErrantRecordReporter(errors, reconverter);
    }

    private static ConsumerRecord<byte[], byte[]> consumed(int partition, long offset) {
        return new ConsumerRecord<>("orders", partition, offset, "key".getBytes(StandardCharsets.UTF_8),
            ("raw-" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static InternalSinkRecord handed(ConsumerRecord<byte[], byte[]> consumed) {
        SinkRecord converted = new SinkRecord(consumed.topic(), consumed.partition(), Schema.STRING_SCHEMA, "key",
            Schema.STRING_SCHEMA, "converted", consumed.offset(), 1L, TimestampType.CREATE_TIME);
        return new InternalSinkRecord(new ProcessingContext<>(consumed), converted);
    }

    private static Function<SinkRecord, ConsumerRecord<byte[], byte[]>> noReconversion() {
        return record -> {
            throw new AssertionError("an InternalSinkRecord must not be converted back");
        };
    }

    @Test
    void errantRecordReachesTheDeadLetterQueueAsConsumedAndItsFutureCompletesOnAcknowledgement() {
        SinkErrantRecordReporter reporter = reporter(ErrorTolerance.ALL, noReconversion());
        ConsumerRecord<byte[], byte[]> original = consumed(0, 5);

        Future<Void> future = reporter.report(handed(original).newRecord("renamed", 0, null, "k", null, "v", 2L),
            new DataException("cannot write row"));

        assertFalse(future.isDone(), "pending until the broker acknowledges");
        assertEquals(1, reporter.pendingCount(), "tracked for its partition");
        ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
        assertArrayEquals(original.value(), sent.value(), "the consumed bytes, not the transformed record");
        assertEquals("TASK_PUT", new String(sent.headers().lastHeader("__connect.errors.stage").value(),
            StandardCharsets.UTF_8), "stage TASK_PUT");
        assertEquals(SinkTask.class.getName(), new String(sent.headers().lastHeader("__connect.errors.class.name")
            .value(), StandardCharsets.UTF_8), "class SinkTask, as Apache");
        assertEquals(Stage.TASK_PUT, log.failures.get(0).stage(), "also logged");

        producer.completeNext();
        reporter.awaitFutures(List.of(ORDERS_0));

        assertTrue(future.isDone(), "acknowledged");
        assertEquals(0, reporter.pendingCount(), "forgotten once awaited");
    }

    @Test
    void awaitingOnlyConcernsTheGivenPartitions() {
        SinkErrantRecordReporter reporter = reporter(ErrorTolerance.ALL, noReconversion());
        reporter.report(handed(consumed(0, 1)), new DataException("a"));
        reporter.report(handed(consumed(1, 1)), new DataException("b"));
        producer.completeNext();

        reporter.awaitFutures(List.of(ORDERS_0));

        assertEquals(1, reporter.pendingCount(), "the other partition's report is still tracked");
        reporter.cancelFutures(List.of(ORDERS_1));
        assertEquals(0, reporter.pendingCount(), "cancelled and forgotten");
    }

    @Test
    void failedDeadLetterQueueWriteFailsTheAwait() {
        SinkErrantRecordReporter reporter = reporter(ErrorTolerance.ALL, noReconversion());
        reporter.report(handed(consumed(0, 1)), new DataException("a"));
        NotLeaderOrFollowerException refused = new NotLeaderOrFollowerException("moved");
        producer.errorNext(refused);

        ConnectException e = assertThrows(ConnectException.class, () -> reporter.awaitFutures(List.of(ORDERS_0)),
            "offsets must not be committed past a record that is not in the dead letter queue");
        assertSame(refused, e.getCause(), "cause");
    }

    @Test
    void recordMadeByTheTaskIsConvertedBackBeforeReporting() {
        ConsumerRecord<byte[], byte[]> rebuilt = consumed(1, 9);
        SinkErrantRecordReporter reporter = reporter(ErrorTolerance.ALL, record -> rebuilt);
        SinkRecord own = new SinkRecord("orders", 1, null, "k", null, "v", 9L);

        reporter.report(own, new DataException("x"));

        assertArrayEquals(rebuilt.value(), producer.history().get(0).value(), "the converted-back bytes");
        assertEquals(1, reporter.pendingCount(), "tracked under orders-1");
    }

    @Test
    void toleranceNoneFailsTheTaskAfterReporting() {
        SinkErrantRecordReporter reporter = reporter(ErrorTolerance.NONE, noReconversion());
        DataException error = new DataException("x");
        ConnectException e = assertThrows(ConnectException.class, () -> reporter.report(handed(consumed(0, 1)), error));
        assertSame(error, e.getCause(), "cause");
        assertEquals(1, producer.history().size(), "written to the dead letter queue before failing");
    }
}
