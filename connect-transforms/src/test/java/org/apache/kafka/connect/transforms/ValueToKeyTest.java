package org.apache.kafka.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class ValueToKeyTest {

    private static final Schema SCHEMA = SchemaBuilder.struct().name("val").version(2)
        .field("a", Schema.INT32_SCHEMA)
        .field("b", SchemaBuilder.string().optional().defaultValue("bd").build())
        .field("c", Schema.OPTIONAL_INT64_SCHEMA)
        .build();

    private static Struct struct() {
        return new Struct(SCHEMA).put("a", 1).put("c", 3L);
    }

    private static SourceRecord record(Schema schema, Object value) {
        return new SourceRecord(null, null, "t", 0, Schema.STRING_SCHEMA, "old", schema, value, 42L);
    }

    private static ValueToKey<SourceRecord> transform(Map<String, ?> config) {
        ValueToKey<SourceRecord> transform = new ValueToKey<>();
        transform.configure(config);
        return transform;
    }

    @Test
    void keyStructHasTheFieldsInConfiguredOrder() {
        SourceRecord result = transform(Map.of("fields", "b,a")).apply(record(SCHEMA, struct()));
        Schema keySchema = result.keySchema();
        assertEquals(List.of("b", "a"), List.of(keySchema.fields().get(0).name(), keySchema.fields().get(1).name()));
        assertSame(SCHEMA.field("b").schema(), keySchema.field("b").schema());
        Struct key = (Struct) result.key();
        assertEquals("bd", key.getWithoutDefault("b"), "null field copied as its default");
        assertEquals(1, key.get("a"));
        assertEquals(struct(), result.value());
        assertSame(SCHEMA, result.valueSchema());
    }

    @Test
    void nullFieldStaysNullWhenDefaultsAreOff() {
        Struct key = (Struct) transform(Map.of("fields", "b", "replace.null.with.default", false))
            .apply(record(SCHEMA, struct())).key();
        assertNull(key.getWithoutDefault("b"));
    }

    @Test
    void duplicateFieldsCountOnce() {
        assertEquals(1, transform(Map.of("fields", "a,a")).apply(record(SCHEMA, struct())).keySchema().fields().size());
    }

    @Test
    void missingFieldWithSchemaIsAnError() {
        DataException e = assertThrows(DataException.class,
            () -> transform(Map.of("fields", "a,zz")).apply(record(SCHEMA, struct())));
        assertEquals("Field does not exist: zz", e.getMessage());
    }

    @Test
    void nullOrNonStructValueWithSchemaIsAnError() {
        assertThrows(DataException.class, () -> transform(Map.of("fields", "a")).apply(record(SCHEMA, null)));
        assertThrows(DataException.class, () -> transform(Map.of("fields", "a")).apply(record(Schema.INT32_SCHEMA, 1)));
    }

    @Test
    void schemalessKeyIsAMapWithNullsForMissingFields() {
        Map<String, Object> value = new HashMap<>();
        value.put("a", 1);
        value.put("c", 4);
        SourceRecord result = transform(Map.of("fields", "a,zz")).apply(record(null, value));
        Map<String, Object> expected = new HashMap<>();
        expected.put("a", 1);
        expected.put("zz", null);
        assertEquals(expected, result.key());
        assertNull(result.keySchema());
        assertSame(value, result.value());
    }

    @Test
    void schemalessNullValueIsAnError() {
        DataException e = assertThrows(DataException.class,
            () -> transform(Map.of("fields", "a")).apply(record(null, null)));
        assertEquals("Only Map objects supported in absence of schema for [copying fields from value to key], found:"
            + " null", e.getMessage());
    }

    @Test
    void reusesTheKeySchemaForTheSameValueSchema() {
        ValueToKey<SourceRecord> transform = transform(Map.of("fields", "a"));
        assertSame(transform.apply(record(SCHEMA, struct())).keySchema(),
            transform.apply(record(SCHEMA, struct())).keySchema());
    }

    @Test
    void sinkRecordsKeepTheirOffset() {
        SinkRecord sink = new SinkRecord("t", 1, null, null, SCHEMA, struct(), 99L);
        ValueToKey<SinkRecord> transform = new ValueToKey<>();
        transform.configure(Map.of("fields", "a"));
        assertEquals(99L, transform.apply(sink).kafkaOffset());
    }

    @Test
    void fieldsMustBeNonEmpty() {
        assertThrows(ConfigException.class, () -> transform(Map.of("fields", "")));
        assertThrows(ConfigException.class, () -> transform(Map.of()));
        assertThrows(ConfigException.class, () -> transform(Map.of("fields", "a,,b")));
    }
}
