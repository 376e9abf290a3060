package org.apache.kafka.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class CastTest {

    private static final Schema SCHEMA = SchemaBuilder.struct().name("top").version(2).optional()
        .field("a", Schema.INT32_SCHEMA)
        .field("b", SchemaBuilder.int64().optional().defaultValue(9L).name("bn").doc("bdoc").build())
        .field("c", Schema.OPTIONAL_STRING_SCHEMA)
        .field("d", org.apache.kafka.connect.data.Date.SCHEMA)
        .field("e", Decimal.builder(2).optional().build())
        .field("n", SchemaBuilder.struct().optional().field("q", Schema.INT32_SCHEMA).build())
        .build();

    private static Struct struct() {
        return new Struct(SCHEMA).put("a", 5).put("c", "17").put("d", new Date(3 * 86_400_000L))
            .put("e", new BigDecimal("12.34"));
    }

    private static SourceRecord record(Schema schema, Object value) {
        return new SourceRecord(null, null, "t", 0, Schema.STRING_SCHEMA, "k", schema, value, 42L);
    }

    private static Cast<SourceRecord> value(Map<String, ?> config) {
        Cast<SourceRecord> transform = new Cast.Value<>();
        transform.configure(config);
        return transform;
    }

    private static Object castWhole(String type, Schema schema, Object value) {
        return value(Map.of("spec", type)).apply(record(schema, value)).value();
    }

    @Test
    void numbersNarrowAndWidenLikeJavaCasts() {
        assertEquals((byte) 112, castWhole("int8", Schema.INT32_SCHEMA, 70000));
        assertEquals((short) 4464, castWhole("int16", null, 70000));
        assertEquals(705032704, castWhole("int32", null, 5_000_000_000L));
        assertEquals(1L, castWhole("int64", null, 1.75f));
        assertEquals(1.100000023841858d, castWhole("float64", null, 1.1f));
        assertEquals(Integer.MIN_VALUE, castWhole("INT32", null, -2.5e10));
    }

    @Test
    void booleansAreOneOrZeroAndNonZeroNumbersAreTrue() {
        assertEquals(1, castWhole("int32", null, true));
        assertEquals(0f, castWhole("float32", null, false));
        assertEquals(true, castWhole("boolean", null, 4_294_967_296L));
        assertEquals(false, castWhole("boolean", null, 0.5d), "fractions truncate to zero");
    }

    @Test
    void stringsAreParsedByTheTargetType() {
        assertEquals((byte) 42, castWhole("int8", null, "+42"));
        assertEquals(1.5f, castWhole("float32", null, "1.5"));
        assertEquals(100d, castWhole("float64", null, "1e2"));
        assertEquals(true, castWhole("boolean", null, "TRUE"));
        assertEquals(false, castWhole("boolean", null, "yes"));
        DataException e = assertThrows(DataException.class, () -> castWhole("int32", null, "1.5"));
        assertEquals("Value (1.5) was out of range for requested data type", e.getMessage());
        assertThrows(DataException.class, () -> castWhole("int8", null, "300"));
    }

    @Test
    void anythingSupportedBecomesText() {
        assertEquals("-5", castWhole("string", Schema.INT8_SCHEMA, (byte) -5));
        assertEquals("true", castWhole("string", null, true));
        assertEquals("AQID", castWhole("string", null, new byte[] {1, 2, 3}));
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {1, 2, 3, 4});
        buffer.position(2);
        assertEquals("AQIDBA==", castWhole("string", null, buffer), "from index 0, whatever the position");
        assertEquals(2, buffer.position());
    }

    @Test
    void byteBufferTextStopsAtTheLimitAndStartsAtTheArrayOffset() {
        ByteBuffer limited = ByteBuffer.wrap(new byte[] {1, 2, 3, 4});
        limited.position(1).limit(3);
        assertEquals("AQID", castWhole("string", null, limited), "bytes 0..limit, as Apache");
        ByteBuffer slice = ByteBuffer.wrap(new byte[] {1, 2, 3, 4}, 1, 3).slice();
        assertEquals("AgME", castWhole("string", null, slice), "a slice starts at its own first byte");
    }

    @Test
    void binaryCannotBecomeANumber() {
        DataException e = assertThrows(DataException.class, () -> castWhole("int8", null, new byte[] {1}));
        assertEquals("Unexpected type in Cast transformation: class [B", e.getMessage());
    }

    @Test
    void logicalTypesCastToTheirNumericFormOrFormattedText() {
        assertEquals(3, castWhole("int32", org.apache.kafka.connect.data.Date.SCHEMA, new Date(3 * 86_400_000L)));
        assertEquals("1970-01-04", castWhole("string", org.apache.kafka.connect.data.Date.SCHEMA,
            new Date(3 * 86_400_000L)));
        assertEquals("01:02:03.000Z", castWhole("string", Time.SCHEMA, new Date(3_723_000L)));
        assertEquals(1_600_000_000_123L, castWhole("int64", Timestamp.SCHEMA, new Date(1_600_000_000_123L)));
        assertEquals("2020-09-13T12:26:40.123Z", castWhole("string", Timestamp.SCHEMA, new Date(1_600_000_000_123L)));
        assertEquals("1970-01-02", castWhole("string", Timestamp.SCHEMA, new Date(86_400_000L)),
            "text format follows the value: a timestamp at midnight prints as a date");
        assertEquals(12, castWhole("int32", Decimal.schema(2), new BigDecimal("12.34")));
        assertEquals("1E+3", castWhole("string", Decimal.schema(-3), new BigDecimal("1E+3")));
    }

    @Test
    void wholeValueSchemaKeepsMetadataOptionalityAndCastDefault() {
        Schema original = SchemaBuilder.int32().optional().defaultValue(7).name("n").version(2).doc("d")
            .parameter("p", "v").build();
        Schema cast = value(Map.of("spec", "int64")).apply(record(original, 5)).valueSchema();
        assertEquals(Schema.Type.INT64, cast.type());
        assertEquals("n", cast.name());
        assertEquals(2, cast.version());
        assertEquals("d", cast.doc());
        assertEquals(Map.of("p", "v"), cast.parameters());
        assertTrue(cast.isOptional());
        assertEquals(7L, cast.defaultValue());
    }

    @Test
    void nullValueIsPassedThroughUntouched() {
        SourceRecord withSchema = record(SchemaBuilder.int32().optional().defaultValue(7).build(), null);
        assertSame(withSchema, value(Map.of("spec", "int64")).apply(withSchema));
        SourceRecord struct = record(SCHEMA, null);
        assertSame(struct, value(Map.of("spec", "a:string")).apply(struct));
        SourceRecord schemaless = record(null, null);
        assertSame(schemaless, value(Map.of("spec", "a:string")).apply(schemaless));
    }

    @Test
    void fieldCastsRewriteOnlyTheListedFields() {
        SourceRecord result = value(Map.of("spec", "a:string,c:int64,d:int32,e:float64"))
            .apply(record(SCHEMA, struct()));
        Schema schema = result.valueSchema();
        assertEquals("top", schema.name());
        assertTrue(schema.isOptional());
        assertEquals(Schema.STRING_SCHEMA, schema.field("a").schema());
        assertEquals(Schema.OPTIONAL_INT64_SCHEMA, schema.field("c").schema());
        assertEquals(Schema.INT32_SCHEMA, schema.field("d").schema(), "logical name is dropped");
        assertSame(SCHEMA.field("b").schema(), schema.field("b").schema());
        Struct cast = (Struct) result.value();
        assertEquals("5", cast.get("a"));
        assertEquals(17L, cast.get("c"));
        assertEquals(3, cast.get("d"));
        assertEquals(12.34d, cast.get("e"));
        assertEquals(9L, cast.getWithoutDefault("b"), "unlisted null copied as its default");
    }

    @Test
    void castFieldSchemaKeepsOptionalityAndCastDefaultButNotNameOrDoc() {
        Schema b = value(Map.of("spec", "b:string")).apply(record(SCHEMA, struct())).valueSchema().field("b").schema();
        assertEquals(SchemaBuilder.string().optional().defaultValue("9").build(), b);
    }

    @Test
    void replaceNullWithDefaultControlsNullFields() {
        assertEquals("9", ((Struct) value(Map.of("spec", "b:string")).apply(record(SCHEMA, struct())).value()).get("b"));
        Struct withoutDefaults = (Struct) value(Map.of("spec", "b:string", "replace.null.with.default", false))
            .apply(record(SCHEMA, struct())).value();
        assertNull(withoutDefaults.getWithoutDefault("b"));
    }

    @Test
    void structFieldsCannotBeCast() {
        Struct value = struct().put("n", new Struct(SCHEMA.field("n").schema()).put("q", 1));
        DataException e = assertThrows(DataException.class,
            () -> value(Map.of("spec", "n:string")).apply(record(SCHEMA, value)));
        assertEquals("Cast transformation does not support casting from STRUCT; supported types are [INT8, INT16,"
            + " INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING, BYTES]", e.getMessage());
    }

    @Test
    void fieldCastOnANonStructSchemaIsAnError() {
        assertThrows(DataException.class, () -> value(Map.of("spec", "a:string")).apply(record(Schema.INT32_SCHEMA, 5)));
    }

    @Test
    void schemalessMapFieldsAreCastAndMissingOnesAddedAsNull() {
        Map<String, Object> map = new HashMap<>();
        map.put("a", 5);
        map.put("by", new byte[] {1});
        @SuppressWarnings("unchecked")
        Map<String, Object> cast = (Map<String, Object>) value(Map.of("spec", "a:string,by:string,zz:int8"))
            .apply(record(null, map)).value();
        assertEquals("5", cast.get("a"));
        assertEquals("AQ==", cast.get("by"));
        assertTrue(cast.containsKey("zz"));
        assertNull(cast.get("zz"));
        assertEquals(5, map.get("a"), "the input map is not modified");
    }

    @Test
    void schemalessValuesOutsideTheDataApiAreErrors() {
        DataException e = assertThrows(DataException.class, () -> castWhole("string", null, new BigDecimal("1")));
        assertEquals("Cast transformation was passed a value of type class java.math.BigDecimal which is not"
            + " supported by Connect's data API", e.getMessage());
        assertThrows(DataException.class, () -> castWhole("string", null, List.of(1)));
        assertThrows(DataException.class, () -> value(Map.of("spec", "a:int8")).apply(record(null, "text")));
    }

    @Test
    void reusesTheCastSchemaForTheSameInputSchema() {
        Cast<SourceRecord> fields = value(Map.of("spec", "a:string"));
        assertSame(fields.apply(record(SCHEMA, struct())).valueSchema(),
            fields.apply(record(SCHEMA, struct())).valueSchema());
        Cast<SourceRecord> whole = value(Map.of("spec", "int64"));
        assertSame(whole.apply(record(Schema.INT32_SCHEMA, 1)).valueSchema(),
            whole.apply(record(Schema.INT32_SCHEMA, 2)).valueSchema());
    }

    @Test
    void keyVariantCastsTheKey() {
        Cast<SourceRecord> transform = new Cast.Key<>();
        transform.configure(Map.of("spec", "string"));
        SourceRecord result = transform.apply(new SourceRecord(null, null, "t", 0, Schema.INT32_SCHEMA, 5,
            Schema.STRING_SCHEMA, "v", 1L));
        assertEquals("5", result.key());
        assertEquals(Schema.STRING_SCHEMA, result.keySchema());
        assertEquals("v", result.value());
    }

    @Test
    void specErrors() {
        assertEquals("Must specify at least one field to cast.",
            assertThrows(ConfigException.class, () -> value(Map.of("spec", ""))).getMessage());
        assertEquals("Cast transformation does not support casting to BYTES; supported types are [INT8, INT16, INT32,"
            + " INT64, FLOAT32, FLOAT64, BOOLEAN, STRING]",
            assertThrows(ConfigException.class, () -> value(Map.of("spec", "a:bytes"))).getMessage());
        assertEquals("Cast transformations that specify a type to cast the entire value to may only specify a single"
            + " cast in their spec",
            assertThrows(ConfigException.class, () -> value(Map.of("spec", "int8,a:int16"))).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> value(Map.of("spec", "a:foo"))).getMessage()
            .contains("Invalid type found in casting spec: foo"));
        assertTrue(assertThrows(ConfigException.class, () -> value(Map.of("spec", "a:int8:x"))).getMessage()
            .contains("a:int8:x"));
        assertThrows(ConfigException.class, () -> value(Map.of("spec", "::")));
        assertThrows(ConfigException.class, () -> value(Map.of()));
    }

    @Test
    void wholeValueCastOfALogicalSchemaWithADefaultFails() {
        // The logical name is copied before the cast default is set, so the builder rejects the default.
        Schema timestamp = Timestamp.builder().defaultValue(new Date(123)).build();
        assertThrows(DataException.class, () -> castWhole("int8", timestamp, new Date(5)));
        assertEquals("org.apache.kafka.connect.data.Timestamp",
            value(Map.of("spec", "int8")).apply(record(Timestamp.SCHEMA, new Date(5))).valueSchema().name(),
            "without a default the logical name is kept on the cast schema");
    }
}
