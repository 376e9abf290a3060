package org.apache.kafka.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.SchemaBuilderException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class InsertFieldTest {

    private static final Schema SCHEMA = SchemaBuilder.struct().name("my.S").version(3).doc("d").parameter("p", "v")
        .field("a", Schema.INT32_SCHEMA)
        .field("b", SchemaBuilder.string().optional().defaultValue("dflt").build())
        .build();

    private static final Map<String, Object> ALL = Map.of(
        "topic.field", "t", "partition.field", "p", "offset.field", "o",
        "timestamp.field", "ts", "static.field", "s", "static.value", "sv");

    private static Struct struct() {
        return new Struct(SCHEMA).put("a", 1).put("b", null);
    }

    private static Map<String, Object> map() {
        Map<String, Object> map = new HashMap<>();
        map.put("a", 1);
        map.put("b", null);
        return map;
    }

    private static SinkRecord sink(Schema schema, Object value, Long timestamp) {
        return new SinkRecord("topic", 3, null, null, schema, value, 77L, timestamp, TimestampType.CREATE_TIME);
    }

    private static InsertField<SinkRecord> valueInserter(Map<String, ?> config) {
        InsertField<SinkRecord> transform = new InsertField.Value<>();
        transform.configure(config);
        return transform;
    }

    @Test
    void appendsMetadataFieldsToStructInConfiguredOrder() {
        SinkRecord result = valueInserter(ALL).apply(sink(SCHEMA, struct(), 123L));
        Schema schema = result.valueSchema();
        assertEquals("my.S", schema.name());
        assertEquals(3, schema.version());
        assertEquals("d", schema.doc());
        assertEquals(Map.of("p", "v"), schema.parameters());
        String[] names = {"a", "b", "t", "p", "o", "ts", "s"};
        for (int i = 0; i < names.length; i++) {
            assertEquals(names[i], schema.fields().get(i).name(), "field " + i);
        }
        assertEquals(Schema.OPTIONAL_STRING_SCHEMA, schema.field("t").schema());
        assertEquals(Schema.OPTIONAL_INT32_SCHEMA, schema.field("p").schema());
        assertEquals(Schema.OPTIONAL_INT64_SCHEMA, schema.field("o").schema());
        assertEquals(Timestamp.builder().optional().build(), schema.field("ts").schema());
        Struct value = (Struct) result.value();
        assertEquals("topic", value.get("t"));
        assertEquals(3, value.get("p"));
        assertEquals(77L, value.get("o"));
        assertEquals(new Date(123L), value.get("ts"));
        assertEquals("sv", value.get("s"));
        assertEquals("dflt", value.getWithoutDefault("b"), "null with default is copied as the default");
    }

    @Test
    void requiredSuffixMakesFieldsRequired() {
        Map<String, Object> config = Map.of("topic.field", "t!", "partition.field", "p!", "timestamp.field", "ts!",
            "static.field", "s!", "static.value", "v", "offset.field", "o?");
        Schema schema = valueInserter(config).apply(sink(SCHEMA, struct(), 5L)).valueSchema();
        assertEquals(Schema.STRING_SCHEMA, schema.field("t").schema());
        assertEquals(Schema.INT32_SCHEMA, schema.field("p").schema());
        assertEquals(Timestamp.SCHEMA, schema.field("ts").schema());
        assertEquals(Schema.STRING_SCHEMA, schema.field("s").schema());
        assertEquals(Schema.OPTIONAL_INT64_SCHEMA, schema.field("o").schema());
    }

    @Test
    void missingTimestampLeavesRequiredFieldEmptyWithoutError() {
        Struct value = (Struct) valueInserter(Map.of("timestamp.field", "ts!")).apply(sink(SCHEMA, struct(), null)).value();
        assertNull(value.getWithoutDefault("ts"));
    }

    @Test
    void nullTopicInRequiredFieldFails() {
        InsertField<SourceRecord> transform = new InsertField.Value<>();
        transform.configure(Map.of("topic.field", "t!"));
        DataException e = assertThrows(DataException.class,
            () -> transform.apply(new SourceRecord(null, null, null, null, SCHEMA, struct())));
        assertTrue(e.getMessage().contains("\"t\""), e.getMessage());
    }

    @Test
    void suffixesAreReadAfterTrimming() {
        Map<String, Object> config = Map.of("topic.field", "a?!", "partition.field", "  ", "timestamp.field", " x ! ");
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) valueInserter(config).apply(sink(null, map(), 1L)).value();
        assertEquals("topic", value.get("a?"));
        assertEquals(3, value.get(""));
        assertEquals(1L, value.get("x "));
    }

    @Test
    void schemalessInsertsRawValuesAndSkipsMissingOnes() {
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) valueInserter(ALL).apply(sink(null, map(), null)).value();
        assertEquals("topic", value.get("t"));
        assertEquals(3, value.get("p"));
        assertEquals(77L, value.get("o"));
        assertFalse(value.containsKey("ts"), "no timestamp, no field");
        assertEquals("sv", value.get("s"));
        assertEquals(1, value.get("a"));
        assertTrue(value.containsKey("b"));
    }

    @Test
    void schemalessTimestampIsTheEpochMillis() {
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) valueInserter(Map.of("timestamp.field", "ts"))
            .apply(sink(null, map(), -5L)).value();
        assertEquals(-5L, value.get("ts"));
    }

    @Test
    void schemalessNullTopicIsInsertedAsNull() {
        InsertField<SourceRecord> transform = new InsertField.Value<>();
        transform.configure(Map.of("topic.field", "t", "partition.field", "p"));
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) transform.apply(new SourceRecord(null, null, null, null, null, map())).value();
        assertTrue(value.containsKey("t"));
        assertNull(value.get("t"));
        assertFalse(value.containsKey("p"));
    }

    @Test
    void offsetNeedsASinkRecord() {
        InsertField<SourceRecord> transform = new InsertField.Value<>();
        transform.configure(Map.of("offset.field", "o"));
        DataException e = assertThrows(DataException.class,
            () -> transform.apply(new SourceRecord(null, null, "t", 0, null, map())));
        assertTrue(e.getMessage().contains("SinkRecord"), e.getMessage());
        assertThrows(DataException.class, () -> transform.apply(new SourceRecord(null, null, "t", 0, SCHEMA, struct())));
    }

    @Test
    void tombstonesPassThroughUnchanged() {
        InsertField<SinkRecord> transform = valueInserter(ALL);
        SinkRecord withSchema = sink(SCHEMA, null, 1L);
        SinkRecord schemaless = sink(null, null, 1L);
        assertSame(withSchema, transform.apply(withSchema));
        assertSame(schemaless, transform.apply(schemaless));
    }

    @Test
    void wrongValueTypesFail() {
        InsertField<SinkRecord> transform = valueInserter(Map.of("topic.field", "t"));
        assertThrows(DataException.class, () -> transform.apply(sink(null, "str", 1L)));
        assertThrows(DataException.class, () -> transform.apply(sink(Schema.STRING_SCHEMA, "str", 1L)));
    }

    @Test
    void optionalStructSchemaBecomesRequired() {
        Schema optional = SchemaBuilder.struct().name("opt").optional().field("a", Schema.INT32_SCHEMA).build();
        Schema updated = valueInserter(Map.of("topic.field", "t")).apply(sink(optional, new Struct(optional).put("a", 3), 1L)).valueSchema();
        assertFalse(updated.isOptional());
    }

    @Test
    void replaceNullWithDefaultFalseKeepsNulls() {
        Struct value = (Struct) valueInserter(Map.of("topic.field", "t", "replace.null.with.default", false))
            .apply(sink(SCHEMA, struct(), 1L)).value();
        assertNull(value.getWithoutDefault("b"));
    }

    @Test
    void existingFieldNameCannotBeReusedWithSchema() {
        assertThrows(SchemaBuilderException.class,
            () -> valueInserter(Map.of("topic.field", "a")).apply(sink(SCHEMA, struct(), 1L)));
    }

    @Test
    void updatedSchemaIsReusedForEqualInputSchemas() {
        InsertField<SinkRecord> transform = valueInserter(Map.of("topic.field", "t"));
        Schema first = transform.apply(sink(SCHEMA, struct(), 1L)).valueSchema();
        Schema copy = SchemaBuilder.struct().name("my.S").version(3).doc("d").parameter("p", "v")
            .field("a", Schema.INT32_SCHEMA).field("b", SchemaBuilder.string().optional().defaultValue("dflt").build()).build();
        assertSame(first, transform.apply(sink(copy, new Struct(copy).put("a", 2), 1L)).valueSchema());
    }

    @Test
    void keyVariantWorksOnTheKey() {
        InsertField<SinkRecord> transform = new InsertField.Key<>();
        transform.configure(Map.of("topic.field", "t", "static.field", "s", "static.value", "v"));
        SinkRecord record = new SinkRecord("topic", 3, SCHEMA, struct(), Schema.STRING_SCHEMA, "val", 1L);
        SinkRecord result = transform.apply(record);
        assertEquals("topic", ((Struct) result.key()).get("t"));
        assertEquals("v", ((Struct) result.key()).get("s"));
        assertEquals("val", result.value());
        SinkRecord nullKey = new SinkRecord("topic", 3, null, null, null, "val", 1L);
        assertSame(nullKey, transform.apply(nullKey));
    }

    @Test
    void configurationErrors() {
        ConfigException nothing = assertThrows(ConfigException.class, () -> valueInserter(Map.of()));
        assertEquals("No field insertion configured", nothing.getMessage());
        assertThrows(ConfigException.class, () -> valueInserter(Map.of("static.value", "q")));
        ConfigException noValue = assertThrows(ConfigException.class, () -> valueInserter(Map.of("static.field", "s")));
        assertTrue(noValue.getMessage().contains("static.value"), noValue.getMessage());
    }
}
