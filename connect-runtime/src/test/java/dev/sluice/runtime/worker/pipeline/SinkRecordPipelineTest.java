package dev.sluice.runtime.worker.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.runtime.config.ConnectorConfig.ErrorTolerance;
import dev.sluice.runtime.worker.errors.ErrorCounters;
import dev.sluice.runtime.worker.errors.ErrorHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.runtime.InternalSinkRecord;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SinkRecordPipelineTest {

    private static PipelineFixture fixture;

    @BeforeAll
    static void discover() {
        fixture = new PipelineFixture();
    }

    @AfterAll
    static void closePlugins() {
        fixture.close();
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<byte[], byte[]> consumed(String topic, long offset, String key, String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("origin", utf8("pos-7"));
        headers.add("count", utf8("42"));
        return new ConsumerRecord<>(topic, 2, offset, 5_000L, TimestampType.LOG_APPEND_TIME, -1, -1, utf8(key),
            utf8(value), headers, Optional.empty());
    }

    @Test
    void consumedRecordIsConvertedTransformedAndWrappedWithItsOriginal() {
        ErrorHandler errors = PipelineFixture.errors(ErrorTolerance.NONE, new ErrorCounters());
        try (SinkRecordPipeline pipeline = fixture.factory.sink(fixture.sinkConfig(Map.of(
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable", "true",
                "transforms", "route,tag",
                "transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter",
                "transforms.route.regex", "orders",
                "transforms.route.replacement", "orders_table",
                "transforms.tag.type", "org.apache.kafka.connect.transforms.InsertField$Value",
                "transforms.tag.offset.field", "kafka_offset")), fixture.plugins.delegatingLoader(), errors)) {
            ConsumerRecord<byte[], byte[]> in = consumed("orders", 17, "k-1",
                "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"field\":\"id\",\"type\":\"int64\"}]},"
                    + "\"payload\":{\"id\":9}}");

            InternalSinkRecord out = pipeline.apply(in);

            assertNotNull(out, "a record that passes every stage reaches the task");
            assertSame(in, out.context().original(), "context().original() is the consumed record itself");
            assertEquals("orders_table", out.topic(), "RegexRouter renamed the topic");
            assertEquals("orders", out.originalTopic(), "original topic is the consumed one");
            assertEquals(2, out.originalKafkaPartition(), "original partition");
            assertEquals(17, out.originalKafkaOffset(), "original offset");
            assertEquals(17, out.kafkaOffset(), "offset");
            assertEquals(5_000L, out.timestamp(), "timestamp");
            assertEquals(TimestampType.LOG_APPEND_TIME, out.timestampType(), "timestamp type");
            assertEquals("k-1", out.key(), "worker key converter: StringConverter");
            Struct value = (Struct) out.value();
            assertEquals(9L, value.get("id"), "JsonConverter with schemas");
            assertEquals(17L, value.get("kafka_offset"), "InsertField added the offset");
            Header origin = out.headers().lastWithName("origin");
            assertEquals("pos-7", origin.value(), "SimpleHeaderConverter parsed the text header");
            assertEquals(Schema.STRING_SCHEMA.type(), origin.schema().type(), "string header schema");
            assertEquals((byte) 42, out.headers().lastWithName("count").value(),
                "SimpleHeaderConverter infers the narrowest numeric type, as Apache's does");
        }
    }

    @Test
    void recordsDerivedByTheTaskKeepTheContext() {
        ErrorHandler errors = PipelineFixture.errors(ErrorTolerance.NONE, new ErrorCounters());
        try (SinkRecordPipeline pipeline = fixture.factory.sink(fixture.sinkConfig(Map.of()),
                fixture.plugins.delegatingLoader(), errors)) {
            ConsumerRecord<byte[], byte[]> in = consumed("orders", 3, "k", "{\"a\":1}");
            InternalSinkRecord out = pipeline.apply(in);

            SinkRecord derived = out.newRecord("elsewhere", 0, null, "x", null, "y", 1L);

            InternalSinkRecord internal = assertInstanceOf(InternalSinkRecord.class, derived, "newRecord keeps the type");
            assertSame(in, internal.context().original(), "and the original");
            assertEquals("orders", internal.originalTopic(), "original topic survives a rename");
        }
    }

    @Test
    void recordDroppedByAFilterWithNegatedPredicateNeverReachesTheTask() {
        ErrorHandler errors = PipelineFixture.errors(ErrorTolerance.NONE, new ErrorCounters());
        try (SinkRecordPipeline pipeline = fixture.factory.sink(fixture.sinkConfig(Map.of(
                "transforms", "keepTombstonesOut",
                "transforms.keepTombstonesOut.type", "org.apache.kafka.connect.transforms.Filter",
                "transforms.keepTombstonesOut.predicate", "hasOrigin",
                "transforms.keepTombstonesOut.negate", "true",
                "predicates", "hasOrigin",
                "predicates.hasOrigin.type", "org.apache.kafka.connect.transforms.predicates.HasHeaderKey",
                "predicates.hasOrigin.name", "origin")), fixture.plugins.delegatingLoader(), errors)) {
            assertNotNull(pipeline.apply(consumed("orders", 1, "k", "{}")),
                "has the header: negated predicate false, Filter not applied");
            ConsumerRecord<byte[], byte[]> bare = new ConsumerRecord<>("orders", 0, 2L, utf8("k"), utf8("{}"));
            assertNull(pipeline.apply(bare), "no header: negated predicate true, Filter drops it");
        }
    }

    @Test
    void conversionFailureIsToleratedWithAllAndCounted() {
        ErrorCounters counters = new ErrorCounters();
        try (SinkRecordPipeline pipeline = fixture.factory.sink(fixture.sinkConfig(Map.of()),
                fixture.plugins.delegatingLoader(), PipelineFixture.errors(ErrorTolerance.ALL, counters))) {
            assertNull(pipeline.apply(consumed("orders", 1, "k", "{not json")), "bad JSON is skipped");
            assertNotNull(pipeline.apply(consumed("orders", 2, "k", "{\"ok\":true}")), "the task goes on");
            assertEquals(1, counters.recordsSkipped(), "one record skipped");
        }
    }

    @Test
    void conversionFailureWithToleranceNoneFailsWithTheCause() {
        try (SinkRecordPipeline pipeline = fixture.factory.sink(fixture.sinkConfig(Map.of()),
                fixture.plugins.delegatingLoader(), PipelineFixture.errors(ErrorTolerance.NONE, new ErrorCounters()))) {
            ConnectException e = assertThrows(ConnectException.class,
                () -> pipeline.apply(consumed("orders", 1, "k", "{not json")));
            assertEquals("Tolerance exceeded in error handler", e.getMessage(), "Apache's wording");
            assertInstanceOf(DataException.class, e.getCause(), "JsonConverter's DataException is the cause");
        }
    }

    @Test
    void keyAndValueConvertersReceiveTheConsumedHeaders() {
        try (SinkRecordPipeline pipeline = fixture.factory.sink(fixture.sinkConfig(Map.of(
                "value.converter", HeaderEchoConverter.class.getName())), fixture.plugins.delegatingLoader(),
                PipelineFixture.errors(ErrorTolerance.NONE, new ErrorCounters()))) {
            assertArrayEquals(utf8("pos-7"), (byte[]) pipeline.apply(consumed("orders", 1, "k", "ignored")).value(),
                "the header-aware toConnectData was called with the record's headers");
        }
    }

    @Test
    void recordMadeByTheTaskIsConvertedBackToBytes() {
        try (SinkRecordPipeline pipeline = fixture.factory.sink(fixture.sinkConfig(Map.of()),
                fixture.plugins.delegatingLoader(), PipelineFixture.errors(ErrorTolerance.NONE, new ErrorCounters()))) {
            SinkRecord own = new SinkRecord("orders", 1, Schema.STRING_SCHEMA, "k", null, Map.of("a", 1), 33L, 7L,
                TimestampType.CREATE_TIME);
            own.headers().addString("h", "v");

            ConsumerRecord<byte[], byte[]> back = pipeline.reconvert(own);

            assertEquals("orders", back.topic(), "topic");
            assertEquals(1, back.partition(), "partition");
            assertEquals(33L, back.offset(), "offset");
            assertEquals(7L, back.timestamp(), "timestamp");
            assertArrayEquals(utf8("k"), back.key(), "key through StringConverter");
            assertArrayEquals(utf8("{\"a\":1}"), back.value(), "value through the worker's JsonConverter");
            assertArrayEquals(utf8("v"), back.headers().lastHeader("h").value(), "header through SimpleHeaderConverter");
        }
    }
}
