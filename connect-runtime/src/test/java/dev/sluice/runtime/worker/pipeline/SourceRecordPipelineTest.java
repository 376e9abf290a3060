package dev.sluice.runtime.worker.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.runtime.config.ConnectorConfig.ErrorTolerance;
import dev.sluice.runtime.worker.errors.ErrorCounters;
import dev.sluice.runtime.worker.errors.ErrorHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SourceRecordPipelineTest {

    private static PipelineFixture fixture;

    @BeforeAll
    static void discover() {
        fixture = new PipelineFixture();
    }

    @AfterAll
    static void closePlugins() {
        fixture.close();
    }

    private static final Schema ORDER = SchemaBuilder.struct().name("Order")
        .field("id", Schema.INT64_SCHEMA).field("placed", Schema.INT64_SCHEMA).build();

    private static SourceRecord order(String topic, long id, Long timestamp) {
        SourceRecord record = new SourceRecord(Map.of("file", "a"), Map.of("line", id), topic, null,
            Schema.STRING_SCHEMA, "k" + id, ORDER, new Struct(ORDER).put("id", id).put("placed", 86_400_000L * 2),
            timestamp);
        record.headers().addString("origin", "unit-test").addInt("attempt", 3);
        return record;
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void sourceRecordIsTransformedThenConvertedIntoAProducerRecord() {
        ErrorHandler errors = PipelineFixture.errors(ErrorTolerance.NONE, new ErrorCounters());
        try (SourceRecordPipeline pipeline = fixture.factory.source(fixture.sourceConfig(PipelineFixture.props(
                "transforms", "route,stamp,tag",
                "transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter",
                "transforms.route.regex", "orders-(.*)",
                "transforms.route.replacement", "shop.$1",
                "transforms.stamp.type", "org.apache.kafka.connect.transforms.TimestampConverter$Value",
                "transforms.stamp.field", "placed",
                "transforms.stamp.target.type", "string",
                "transforms.stamp.format", "yyyy-MM-dd",
                "transforms.tag.type", "org.apache.kafka.connect.transforms.InsertField$Value",
                "transforms.tag.static.field", "source",
                "transforms.tag.static.value", "pos")), fixture.plugins.delegatingLoader(), errors)) {

            ProducerRecord<byte[], byte[]> out = pipeline.apply(order("orders-eu", 7, 1_000L));

            assertNotNull(out, "a record that passes every stage is produced");
            assertEquals("shop.eu", out.topic(), "RegexRouter renamed the topic");
            assertNull(out.partition(), "no partition chosen by the task");
            assertEquals(1_000L, out.timestamp(), "timestamp carried over");
            assertEquals("k7", utf8(out.key()), "worker key converter: StringConverter");
            assertEquals("{\"id\":7,\"placed\":\"1970-01-03\",\"source\":\"pos\"}", utf8(out.value()),
                "TimestampConverter then InsertField, written by the worker's JsonConverter without schemas");
            assertEquals("unit-test", utf8(out.headers().lastHeader("origin").value()), "string header");
            assertEquals("3", utf8(out.headers().lastHeader("attempt").value()),
                "SimpleHeaderConverter writes an int header as its text");
        }
    }

    @Test
    void transformationReturningNullDropsTheRecordAndSkipsLaterStages() {
        ErrorHandler errors = PipelineFixture.errors(ErrorTolerance.NONE, new ErrorCounters());
        try (SourceRecordPipeline pipeline = fixture.factory.source(fixture.sourceConfig(Map.of(
                "transforms", "drop,boom",
                "transforms.drop.type", "org.apache.kafka.connect.transforms.Filter",
                "transforms.drop.predicate", "isTest",
                "transforms.boom.type", Failing.class.getName(),
                "predicates", "isTest",
                "predicates.isTest.type", "org.apache.kafka.connect.transforms.predicates.TopicNameMatches",
                "predicates.isTest.pattern", "test-.*")), fixture.plugins.delegatingLoader(), errors)) {

            assertNull(pipeline.apply(order("test-orders", 1, null)),
                "Filter dropped the matching record, so the failing transformation after it never ran");
            assertThrows(ConnectException.class, () -> pipeline.apply(order("orders", 2, null)),
                "a record the predicate does not match reaches the failing transformation");
        }
    }

    @Test
    void connectorConverterReplacesTheWorkersWithOnlyTheConnectorsSettings() {
        ErrorHandler errors = PipelineFixture.errors(ErrorTolerance.NONE, new ErrorCounters());
        try (SourceRecordPipeline pipeline = fixture.factory.source(fixture.sourceConfig(Map.of(
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "key.converter.schemas.enable", "true")), fixture.plugins.delegatingLoader(), errors)) {

            ProducerRecord<byte[], byte[]> out = pipeline.apply(order("orders", 3, null));

            assertEquals("k3", utf8(out.key()),
                "key.converter.* of the connector is ignored when the connector does not set key.converter");
            String value = utf8(out.value());
            assertEquals(true, value.startsWith("{\"schema\":"),
                "the connector's JsonConverter does not inherit the worker's value.converter.schemas.enable=false: "
                    + value);
            assertNull(out.timestamp(), "null timestamp stays null");
        }
    }

    @Test
    void converterFailureIsToleratedWithAllAndDropsTheRecord() {
        ErrorCounters counters = new ErrorCounters();
        try (SourceRecordPipeline pipeline = fixture.factory.source(fixture.sourceConfig(Map.of(
                "key.converter", "org.apache.kafka.connect.converters.LongConverter")),
                fixture.plugins.delegatingLoader(), PipelineFixture.errors(ErrorTolerance.ALL, counters))) {

            assertNull(pipeline.apply(order("orders", 4, null)), "a string key cannot be written by LongConverter");
            assertEquals(1, counters.recordsSkipped(), "the tolerated failure is counted as skipped");
            assertEquals(1, counters.recordErrors(), "and as one record error");
        }
    }

    @Test
    void converterFailureWithToleranceNoneFailsWithTheConverterErrorAsCause() {
        try (SourceRecordPipeline pipeline = fixture.factory.source(fixture.sourceConfig(Map.of(
                "key.converter", "org.apache.kafka.connect.converters.LongConverter")),
                fixture.plugins.delegatingLoader(), PipelineFixture.errors(ErrorTolerance.NONE, new ErrorCounters()))) {

            ConnectException e = assertThrows(ConnectException.class, () -> pipeline.apply(order("orders", 5, null)));

            assertEquals("Tolerance exceeded in error handler", e.getMessage(), "Apache's wording");
            assertInstanceOf(DataException.class, e.getCause(), "the converter's own exception is the cause");
        }
    }

    @Test
    void negativeTimestampOtherThanMinusOneIsRejectedAndMinusOneDropped() {
        try (SourceRecordPipeline pipeline = fixture.factory.source(fixture.sourceConfig(Map.of()),
                fixture.plugins.delegatingLoader(), PipelineFixture.errors(ErrorTolerance.ALL, new ErrorCounters()))) {
            assertNull(pipeline.apply(order("orders", 6, -1L)).timestamp(), "-1 means no timestamp");
            assertThrows(InvalidRecordException.class, () -> pipeline.apply(order("orders", 6, -5L)),
                "other negative timestamps are invalid");
        }
    }

    @Test
    void headersAreConvertedBeforeKeyAndValueSoConvertersSeeThem() {
        byte[] expected = "unit-test".getBytes(StandardCharsets.UTF_8);
        try (SourceRecordPipeline pipeline = fixture.factory.source(fixture.sourceConfig(Map.of(
                "value.converter", HeaderEchoConverter.class.getName())), fixture.plugins.delegatingLoader(),
                PipelineFixture.errors(ErrorTolerance.NONE, new ErrorCounters()))) {
            assertArrayEquals(expected, pipeline.apply(order("orders", 8, null)).value(),
                "the value converter read the already converted 'origin' header");
        }
    }
}
