package dev.sluice.runtime.worker.sink;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.LifecycleState;
import dev.sluice.runtime.worker.TaskStatus;
import dev.sluice.runtime.worker.sink.SinkTaskJournal.Delivered;
import dev.sluice.runtime.worker.sink.SinkTaskJournal.Put;
import dev.sluice.testkit.KafkaClusterExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Acceptance test of a sink task's error handling through a real {@link dev.sluice.runtime.worker.Worker} and broker:
 * values are read with the worker's JsonConverter ({@code schemas.enable=true}) and one record among good ones is not
 * JSON. With {@code errors.tolerance=all} it goes to the dead letter queue, as Apache writes it; with
 * {@code errors.tolerance=none} it fails the task. Each nested class runs its scenario once and checks one property
 * per test.
 */
class SinkErrorHandlingIT {

    private static final Map<String, String> JSON_VALUES = Map.of(
        "value.converter", "org.apache.kafka.connect.json.JsonConverter",
        "value.converter.schemas.enable", "true");
    private static final byte[] POISON =
        "{\"schema\": {\"type\": \"string\"}, \"payload\": oops".getBytes(StandardCharsets.UTF_8);
    private static final String CONVERSION_FAILURE =
        "Converting byte[] to Kafka Connect data failed due to serialization error";

    @RegisterExtension
    static KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

    private static ProducerRecord<byte[], byte[]> good(String topic, String value) {
        String envelope = "{\"schema\":{\"type\":\"string\",\"optional\":false},\"payload\":\"" + value + "\"}";
        return new ProducerRecord<>(topic, 0, utf8("key-" + value), utf8(envelope));
    }

    private static ProducerRecord<byte[], byte[]> poison(String topic) {
        Headers headers = new RecordHeaders().add("origin", utf8("legacy-system"));
        return new ProducerRecord<>(topic, 0, null, utf8("poison-key"), POISON, headers);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        assertNotNull(header, "header " + key + " is present");
        return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<Delivered> delivered(SinkTaskJournal journal) {
        return journal.events(Put.class).stream().flatMap(put -> put.records().stream()).toList();
    }

    /** {@code errors.tolerance=all} with a dead letter queue and its context headers. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ToleratingAll {

        private static final String TOPIC = "sink-errors-it-tolerant";
        private static final String DLQ = "sink-errors-it-tolerant-dlq";
        private static final String CONNECTOR = "sink-errors-it-tolerant";

        private SinkWorkerFixture fixture;
        private ConnectorTaskId task;
        private ConsumerRecord<byte[], byte[]> dead;

        @BeforeAll
        void runScenario() throws Exception {
            kafka.cluster().createTopic(TOPIC, 1, 1);
            kafka.cluster().produceBytes(List.of(good(TOPIC, "good-1"), good(TOPIC, "good-2"), poison(TOPIC),
                good(TOPIC, "good-3"), good(TOPIC, "good-4")));
            fixture = new SinkWorkerFixture(kafka.cluster(), JSON_VALUES);
            task = fixture.startConnector(CONNECTOR, Map.of("topics", TOPIC, "tasks.max", "1",
                "errors.tolerance", "all",
                "errors.deadletterqueue.topic.name", DLQ,
                "errors.deadletterqueue.topic.replication.factor", "1",
                "errors.deadletterqueue.context.headers.enable", "true")).get(0);
            await("good-4 to reach put").atMost(SinkWorkerFixture.WAIT)
                .until(() -> fixture.journal.putValues().contains("good-4"));
            List<ConsumerRecord<byte[], byte[]>> dlq = kafka.cluster().consumeBytes(DLQ, 1, SinkWorkerFixture.WAIT);
            assertEquals(1, dlq.size(), "one record in the dead letter queue");
            dead = dlq.get(0);
        }

        @AfterAll
        void stopWorker() {
            if (fixture != null) {
                fixture.close();
            }
        }

        @Test
        void goodRecordsAroundThePoisonRecordReachPutInOrder() {
            List<String> seen = delivered(fixture.journal).stream()
                .map(record -> record.offset() + ":" + record.key() + "=" + record.value()).toList();
            assertEquals(List.of("0:key-good-1=good-1", "1:key-good-2=good-2", "3:key-good-3=good-3", "4:key-good-4=good-4"),
                seen, "put received every good record once, in order, and not the poison record at offset 2");
        }

        @Test
        void poisonRecordIsInTheDeadLetterQueueWithItsOriginalKeyValueAndHeaders() {
            assertArrayEquals(utf8("poison-key"), dead.key(), "the original key bytes");
            assertArrayEquals(POISON, dead.value(), "the original value bytes");
            assertEquals("legacy-system", text(dead.headers(), "origin"), "the record's own header is kept");
        }

        @Test
        void deadLetterQueueRecordCarriesApachesErrorContextHeaders() {
            Headers headers = dead.headers();
            assertEquals(TOPIC, text(headers, "__connect.errors.topic"), "topic header");
            assertEquals("0", text(headers, "__connect.errors.partition"), "partition header");
            assertEquals("2", text(headers, "__connect.errors.offset"), "offset header");
            assertEquals(CONNECTOR, text(headers, "__connect.errors.connector.name"), "connector name header");
            assertEquals("0", text(headers, "__connect.errors.task.id"), "task id header");
            assertEquals("VALUE_CONVERTER", text(headers, "__connect.errors.stage"), "stage header");
            assertEquals("org.apache.kafka.connect.json.JsonConverter", text(headers, "__connect.errors.class.name"),
                "executing class header");
            assertEquals("org.apache.kafka.connect.errors.DataException",
                text(headers, "__connect.errors.exception.class.name"), "exception class header");
            String message = text(headers, "__connect.errors.exception.message");
            assertTrue(message.startsWith(CONVERSION_FAILURE), "exception message header: " + message);
            String trace = text(headers, "__connect.errors.exception.stacktrace");
            assertTrue(trace.startsWith("org.apache.kafka.connect.errors.DataException: " + CONVERSION_FAILURE)
                && trace.contains("Caused by: "), "stack trace header is the full trace with causes: " + trace);
        }

        @Test
        void taskStaysRunning() {
            TaskStatus status = fixture.statuses.taskStatus(task).orElseThrow();
            assertEquals(LifecycleState.RUNNING, status.state(), "the tolerated error does not stop the task: " + status);
            assertTrue(fixture.statuses.taskHistory(task).stream().noneMatch(s -> s.state() == LifecycleState.FAILED),
                "the task never failed: " + fixture.statuses.taskHistory(task));
        }

        @Test
        void deadLetterQueueTopicIsCreatedWithOnePartitionAndTheConfiguredReplicationFactor() throws Exception {
            TopicDescription description = kafka.cluster().admin().describeTopics(Set.of(DLQ)).allTopicNames()
                .get(30, TimeUnit.SECONDS).get(DLQ);
            assertEquals(1, description.partitions().size(), "partitions of " + DLQ);
            assertEquals(1, description.partitions().get(0).replicas().size(), "replication factor of " + DLQ);
        }

        @Test
        void toleratedPoisonRecordIsCommittedWithTheGoodOnes() {
            await("the group to commit past every record").atMost(SinkWorkerFixture.WAIT).untilAsserted(() ->
                assertEquals(Map.of(new TopicPartition(TOPIC, 0), 5L),
                    kafka.cluster().consumerGroupOffsets("connect-" + CONNECTOR),
                    "the consumer group's offset moves past the poison record and the good ones"));
        }
    }

    /** {@code errors.tolerance=none}, the default. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ToleratingNone {

        private static final String TOPIC = "sink-errors-it-strict";
        private static final String CONNECTOR = "sink-errors-it-strict";

        private SinkWorkerFixture fixture;
        private TaskStatus failed;

        @BeforeAll
        void runScenario() throws Exception {
            kafka.cluster().createTopic(TOPIC, 1, 1);
            kafka.cluster().produceBytes(List.of(good(TOPIC, "good-a")));
            fixture = new SinkWorkerFixture(kafka.cluster(), JSON_VALUES);
            ConnectorTaskId task = fixture.startConnector(CONNECTOR, Map.of("topics", TOPIC, "tasks.max", "1",
                "errors.tolerance", "none")).get(0);
            await("good-a to reach put").atMost(SinkWorkerFixture.WAIT)
                .until(() -> fixture.journal.putValues().contains("good-a"));
            kafka.cluster().produceBytes(List.of(poison(TOPIC), good(TOPIC, "good-b")));
            failed = fixture.statuses.awaitTask(task, LifecycleState.FAILED, SinkWorkerFixture.WAIT);
        }

        @AfterAll
        void stopWorker() {
            if (fixture != null) {
                fixture.close();
            }
        }

        @Test
        void taskFailsWithTheConversionErrorInItsStatusTrace() {
            String trace = failed.trace();
            assertTrue(trace.startsWith(
                    "org.apache.kafka.connect.errors.ConnectException: Tolerance exceeded in error handler"),
                "the trace starts with the tolerance failure: " + trace);
            assertTrue(trace.contains("Caused by: org.apache.kafka.connect.errors.DataException: " + CONVERSION_FAILURE),
                "the trace names the value conversion error: " + trace);
        }

        @Test
        void noRecordAfterThePoisonRecordIsDelivered() {
            assertEquals(List.of("good-a"), fixture.journal.putValues(),
                "only the record before the poison record reached put");
        }

        @Test
        void groupResumesAtThePoisonRecord() {
            await("the group to commit up to the poison record").atMost(SinkWorkerFixture.WAIT).untilAsserted(() ->
                assertEquals(Map.of(new TopicPartition(TOPIC, 0), 1L),
                    kafka.cluster().consumerGroupOffsets("connect-" + CONNECTOR),
                    "the delivered record is committed, the poison record (offset 1) is not"));
        }
    }
}
