package dev.sluice.runtime.worker.errors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.config.SinkConnectorConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

class DeadLetterQueueReporterTest {

    private final ErrorCounters counters = new ErrorCounters();
    private final List<String> created = new ArrayList<>();
    private final TopicCreator topics = (topic, partitions, replication) ->
        created.add(topic + "/" + partitions + "/" + replication);

    private static MockProducer<byte[], byte[]> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static SinkConnectorConfig config(boolean contextHeaders) {
        Map<String, String> props = new HashMap<>(Map.of("name", "orders-sink", "connector.class", "Sink",
            "topics", "orders", "errors.deadletterqueue.topic.name", " orders-dlq ",
            "errors.deadletterqueue.topic.replication.factor", "2",
            "errors.deadletterqueue.context.headers.enable", String.valueOf(contextHeaders)));
        return new SinkConnectorConfig(props, DeadLetterQueueReporterTest.class.getClassLoader());
    }

    private static ConsumerRecord<byte[], byte[]> consumed(long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>("orders", 4, 1_234_567L, timestamp, TimestampType.CREATE_TIME, 3, 5,
            new byte[] {0, 1, 2}, new byte[] {9, 8, 7, 6, 5}, headers, Optional.empty());
    }

    private static String text(Header header) {
        return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void createsTheTopicThenWritesTheOriginalBytesAndHeaders() {
        MockProducer<byte[], byte[]> producer = producer(true);
        DeadLetterQueueReporter reporter = DeadLetterQueueReporter.create(config(false), 3, producer, topics, counters);
        ConsumerRecord<byte[], byte[]> original = consumed(77L);

        CompletableFuture<Void> written = reporter.report(new FailedRecord(original, Stage.VALUE_CONVERTER,
            JsonConverter.class, 1, new DataException("bad")));

        assertEquals(List.of("orders-dlq/1/2"), created, "topic (trimmed name) created with 1 partition, configured RF");
        assertTrue(written.isDone() && !written.isCompletedExceptionally(), "acknowledged");
        ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
        assertEquals("orders-dlq", sent.topic(), "dead letter queue topic");
        assertNull(sent.partition(), "partition left to the producer");
        assertEquals(77L, sent.timestamp(), "original timestamp");
        assertArrayEquals(original.key(), sent.key(), "original key bytes");
        assertArrayEquals(original.value(), sent.value(), "original value bytes");
        assertEquals(List.of("trace"), keys(sent), "only the original headers without context headers");
        assertEquals(1, original.headers().toArray().length, "the consumed record's headers are not modified");
        assertEquals(1, counters.deadLetterQueueRequests(), "counted");
    }

    @Test
    void contextHeadersHaveApachesNamesAndTextValues() {
        MockProducer<byte[], byte[]> producer = producer(true);
        DeadLetterQueueReporter reporter = DeadLetterQueueReporter.create(config(true), 3, producer, topics, counters);
        DataException error = new DataException("Converting byte[] to Kafka Connect data failed");

        reporter.report(new FailedRecord(consumed(77L), Stage.VALUE_CONVERTER, JsonConverter.class, 1, error));

        ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
        assertEquals(List.of("trace", "__connect.errors.topic", "__connect.errors.partition", "__connect.errors.offset",
            "__connect.errors.connector.name", "__connect.errors.task.id", "__connect.errors.stage",
            "__connect.errors.class.name", "__connect.errors.exception.class.name",
            "__connect.errors.exception.message", "__connect.errors.exception.stacktrace"), keys(sent),
            "original headers first, then the context headers in Apache's order");
        assertEquals("orders", text(sent.headers().lastHeader("__connect.errors.topic")), "topic");
        assertEquals("4", text(sent.headers().lastHeader("__connect.errors.partition")), "partition as text");
        assertEquals("1234567", text(sent.headers().lastHeader("__connect.errors.offset")), "offset as text");
        assertEquals("orders-sink", text(sent.headers().lastHeader("__connect.errors.connector.name")), "connector");
        assertEquals("3", text(sent.headers().lastHeader("__connect.errors.task.id")), "task number as text");
        assertEquals("VALUE_CONVERTER", text(sent.headers().lastHeader("__connect.errors.stage")), "stage name");
        assertEquals("org.apache.kafka.connect.json.JsonConverter",
            text(sent.headers().lastHeader("__connect.errors.class.name")), "failing class");
        assertEquals("org.apache.kafka.connect.errors.DataException",
            text(sent.headers().lastHeader("__connect.errors.exception.class.name")), "exception class");
        assertEquals("Converting byte[] to Kafka Connect data failed",
            text(sent.headers().lastHeader("__connect.errors.exception.message")), "exception message");
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        assertEquals(trace.toString(), text(sent.headers().lastHeader("__connect.errors.exception.stacktrace")),
            "the stack trace as printStackTrace prints it");
    }

    @Test
    void missingExceptionMessageGivesAHeaderWithNullValueAndNoTimestampStaysUnset() {
        MockProducer<byte[], byte[]> producer = producer(true);
        DeadLetterQueueReporter reporter = DeadLetterQueueReporter.create(config(true), 0, producer, topics, counters);

        reporter.report(new FailedRecord(consumed(-1L), Stage.TASK_PUT, Object.class, 1, new IllegalStateException()));

        ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
        Header message = sent.headers().lastHeader("__connect.errors.exception.message");
        assertNull(message.value(), "present, with a null value (as Apache)");
        assertNull(sent.timestamp(), "no timestamp: the producer assigns one");
    }

    @Test
    void futureCompletesOnlyWhenTheWriteIsAcknowledged() {
        MockProducer<byte[], byte[]> producer = producer(false);
        DeadLetterQueueReporter reporter = DeadLetterQueueReporter.create(config(false), 0, producer, topics, counters);
        CompletableFuture<Void> first = reporter.report(new FailedRecord(consumed(1L), Stage.TASK_PUT, Object.class, 1,
            new DataException("a")));
        CompletableFuture<Void> second = reporter.report(new FailedRecord(consumed(2L), Stage.TASK_PUT, Object.class, 1,
            new DataException("b")));
        assertFalse(first.isDone(), "not acknowledged yet");

        producer.completeNext();
        RecordTooLargeException refused = new RecordTooLargeException("too large");
        producer.errorNext(refused);

        assertTrue(first.isDone() && !first.isCompletedExceptionally(), "acknowledged");
        ExecutionException failed = assertThrows(ExecutionException.class, second::get, "write refused");
        assertSame(refused, failed.getCause(), "with the producer's error");
        assertEquals(1, counters.deadLetterQueueFailures(), "failure counted");
    }

    @Test
    void recordWithoutConsumedOriginalIsNotWritten() {
        MockProducer<byte[], byte[]> producer = producer(true);
        DeadLetterQueueReporter reporter = DeadLetterQueueReporter.create(config(true), 0, producer, topics, counters);
        assertTrue(reporter.report(new FailedRecord(null, Stage.TASK_PUT, Object.class, 1, new DataException("x")))
            .isDone(), "completes at once");
        assertTrue(producer.history().isEmpty(), "nothing to write");
        assertEquals(1, counters.deadLetterQueueFailures(), "counted as a failed write, as Apache");
    }

    @Test
    void closeClosesTheProducer() {
        MockProducer<byte[], byte[]> producer = producer(true);
        DeadLetterQueueReporter.create(config(false), 0, producer, topics, counters).close();
        assertTrue(producer.closed(), "producer closed");
    }

    private static List<String> keys(ProducerRecord<byte[], byte[]> record) {
        List<String> keys = new ArrayList<>();
        record.headers().forEach(header -> keys.add(header.key()));
        return keys;
    }
}
