package org.apache.kafka.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class SetSchemaMetadataTest {

    private static final Schema SCHEMA = SchemaBuilder.struct().name("my.S").version(3).doc("d").parameter("p", "v")
        .field("a", Schema.INT32_SCHEMA)
        .field("b", SchemaBuilder.string().optional().defaultValue("dflt").build())
        .build();

    private static Struct struct() {
        return new Struct(SCHEMA).put("a", 1).put("b", null);
    }

    private static SourceRecord record(Schema schema, Object value) {
        return new SourceRecord(null, null, "t", 0, null, null, schema, value, 1L);
    }

    private static SetSchemaMetadata<SourceRecord> valueTransform(Map<String, ?> config) {
        SetSchemaMetadata<SourceRecord> transform = new SetSchemaMetadata.Value<>();
        transform.configure(config);
        return transform;
    }

    @Test
    void setsNameAndVersionAndKeepsEverythingElse() {
        SourceRecord result = valueTransform(Map.of("schema.name", "new.N", "schema.version", 7)).apply(record(SCHEMA, struct()));
        Schema schema = result.valueSchema();
        assertEquals("new.N", schema.name());
        assertEquals(7, schema.version());
        assertEquals("d", schema.doc());
        assertEquals(Map.of("p", "v"), schema.parameters());
        assertEquals(SCHEMA.fields(), schema.fields());
        Struct value = (Struct) result.value();
        assertSame(schema, value.schema(), "the struct is re-created against the new schema");
        assertEquals(1, value.get("a"));
        assertEquals("dflt", value.getWithoutDefault("b"));
    }

    @Test
    void unsetOptionKeepsTheCurrentValue() {
        assertEquals("my.S", valueTransform(Map.of("schema.version", "7")).apply(record(SCHEMA, struct())).valueSchema().name());
        assertEquals(3, valueTransform(Map.of("schema.name", "n")).apply(record(SCHEMA, struct())).valueSchema().version());
    }

    @Test
    void replaceNullWithDefaultFalseKeepsNulls() {
        Struct value = (Struct) valueTransform(Map.of("schema.name", "n", "replace.null.with.default", false))
            .apply(record(SCHEMA, struct())).value();
        assertNull(value.getWithoutDefault("b"));
    }

    @Test
    void optionalStructSchemaStaysOptionalAndNullValueStaysNull() {
        Schema optional = SchemaBuilder.struct().optional().field("a", Schema.INT32_SCHEMA).build();
        SourceRecord result = valueTransform(Map.of("schema.name", "x")).apply(record(optional, null));
        assertTrue(result.valueSchema().isOptional());
        assertEquals("x", result.valueSchema().name());
        assertNull(result.value());
    }

    @Test
    void nonStructValueWithStructSchemaIsKept() {
        assertEquals("notastruct", valueTransform(Map.of("schema.name", "n")).apply(record(SCHEMA, "notastruct")).value());
    }

    @Test
    void nonStructSchemasAreRejectedAsInApache() {
        SetSchemaMetadata<SourceRecord> transform = valueTransform(Map.of("schema.name", "n"));
        DataException primitive = assertThrows(DataException.class, () -> transform.apply(record(Schema.STRING_SCHEMA, "x")));
        assertEquals("Cannot list fields on non-struct type", primitive.getMessage());
        assertThrows(DataException.class, () -> transform.apply(record(Decimal.schema(2), new BigDecimal("1.23"))));
        assertThrows(DataException.class, () -> transform.apply(record(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), java.util.List.of(1))));
    }

    @Test
    void schemaIsRequiredUnlessThereIsNothingToUpdate() {
        SetSchemaMetadata<SourceRecord> transform = valueTransform(Map.of("schema.name", "n"));
        DataException e = assertThrows(DataException.class, () -> transform.apply(record(null, "x")));
        assertTrue(e.getMessage().contains("Schema required"), e.getMessage());
        SourceRecord empty = record(null, null);
        assertSame(empty, transform.apply(empty));
    }

    @Test
    void nestedStructsAreNotRebuilt() {
        Schema outer = SchemaBuilder.struct().field("in", SCHEMA).build();
        Struct inner = struct();
        Struct result = (Struct) valueTransform(Map.of("schema.name", "n")).apply(record(outer, new Struct(outer).put("in", inner))).value();
        assertSame(inner, result.get("in"));
    }

    @Test
    void keyVariantUpdatesTheKey() {
        SetSchemaMetadata<SinkRecord> transform = new SetSchemaMetadata.Key<>();
        transform.configure(Map.of("schema.name", "k.N"));
        SinkRecord result = transform.apply(new SinkRecord("t", 0, SCHEMA, struct(), null, null, 4L));
        assertEquals("k.N", result.keySchema().name());
        assertEquals("k.N", ((Struct) result.key()).schema().name());
        assertEquals(4L, result.kafkaOffset());
    }

    @Test
    void configurationErrors() {
        ConfigException neither = assertThrows(ConfigException.class, () -> valueTransform(Map.of()));
        assertEquals("Neither schema name nor version configured", neither.getMessage());
        assertThrows(ConfigException.class, () -> valueTransform(Map.of("schema.version", "x")));
    }
}
