package org.apache.kafka.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class MaskFieldTest {

    private static final Schema SCHEMA = SchemaBuilder.struct()
        .field("i8", Schema.INT8_SCHEMA)
        .field("i32", Schema.INT32_SCHEMA)
        .field("f64", Schema.FLOAT64_SCHEMA)
        .field("bool", Schema.BOOLEAN_SCHEMA)
        .field("str", Schema.STRING_SCHEMA)
        .field("dec", Decimal.schema(2))
        .field("ts", Timestamp.SCHEMA)
        .field("arr", SchemaBuilder.array(Schema.INT32_SCHEMA).build())
        .field("map", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build())
        .field("bytes", Schema.BYTES_SCHEMA)
        .field("dflt", SchemaBuilder.string().optional().defaultValue("dv").build())
        .field("opt", Schema.OPTIONAL_INT32_SCHEMA)
        .build();

    private static Struct struct() {
        return new Struct(SCHEMA).put("i8", (byte) 1).put("i32", 3).put("f64", 6d).put("bool", true).put("str", "s")
            .put("dec", new BigDecimal("1.23")).put("ts", new Date(5000)).put("arr", List.of(1))
            .put("map", Map.of("k", 1)).put("bytes", new byte[] {1});
    }

    private static SourceRecord record(Schema schema, Object value) {
        return new SourceRecord(null, null, "t", 0, Schema.STRING_SCHEMA, "k", schema, value, 42L);
    }

    private static MaskField<SourceRecord> value(Map<String, ?> config) {
        MaskField<SourceRecord> transform = new MaskField.Value<>();
        transform.configure(config);
        return transform;
    }

    private static Struct masked(Map<String, ?> config) {
        return (Struct) value(config).apply(record(SCHEMA, struct())).value();
    }

    @Test
    void masksEachTypeWithItsEmptyValue() {
        Struct masked = masked(Map.of("fields", "i8,i32,f64,bool,str,dec,ts,arr,map"));
        assertEquals((byte) 0, masked.get("i8"));
        assertEquals(0, masked.get("i32"));
        assertEquals(0d, masked.get("f64"));
        assertEquals(false, masked.get("bool"));
        assertEquals("", masked.get("str"));
        assertEquals(BigDecimal.ZERO, masked.get("dec"));
        assertEquals(new Date(0), masked.get("ts"));
        assertEquals(List.of(), masked.get("arr"));
        assertEquals(Map.of(), masked.get("map"));
        assertArrayEquals(new byte[] {1}, (byte[]) masked.get("bytes"), "unlisted fields are copied");
    }

    @Test
    void schemaIsKept() {
        SourceRecord result = value(Map.of("fields", "i8")).apply(record(SCHEMA, struct()));
        assertSame(SCHEMA, result.valueSchema());
        assertSame(SCHEMA, ((Struct) result.value()).schema());
    }

    @Test
    void replacementIsConvertedToTheFieldType() {
        Struct masked = masked(Map.of("fields", "i8,i32,f64,str,dec", "replacement", "7"));
        assertEquals((byte) 7, masked.get("i8"));
        assertEquals(7, masked.get("i32"));
        assertEquals(7d, masked.get("f64"));
        assertEquals("7", masked.get("str"));
        assertEquals(new BigDecimal("7"), masked.get("dec"));
        assertEquals((byte) 44, masked(Map.of("fields", "i8", "replacement", "300")).get("i8"), "narrowed like a cast");
        assertEquals(1, masked(Map.of("fields", "i32", "replacement", "1.5")).get("i32"));
    }

    @Test
    void replacementForOtherTypesIsAnError() {
        DataException e = assertThrows(DataException.class,
            () -> masked(Map.of("fields", "bool", "replacement", "true")));
        assertEquals("Cannot mask value of type class java.lang.Boolean with custom replacement.", e.getMessage());
        assertThrows(DataException.class, () -> masked(Map.of("fields", "ts", "replacement", "1")));
        assertThrows(DataException.class, () -> masked(Map.of("fields", "arr", "replacement", "1")));
    }

    @Test
    void unparsableReplacementIsAnError() {
        assertThrows(DataException.class, () -> masked(Map.of("fields", "i32", "replacement", "abc")));
        DataException e = assertThrows(DataException.class,
            () -> masked(Map.of("fields", "dec", "replacement", "abc")));
        assertEquals("Unable to convert abc (class java.lang.String) to number", e.getMessage());
    }

    @Test
    void bytesCannotBeMasked() {
        DataException e = assertThrows(DataException.class, () -> masked(Map.of("fields", "bytes")));
        assertEquals("Cannot mask value of type: class [B", e.getMessage());
    }

    @Test
    void defaultsAreReadBeforeMaskingUnlessDisabled() {
        assertEquals("", masked(Map.of("fields", "dflt")).get("dflt"), "null read as default, then masked");
        assertNull(masked(Map.of("fields", "dflt", "replace.null.with.default", false)).getWithoutDefault("dflt"));
        assertNull(masked(Map.of("fields", "opt")).get("opt"), "null without a default stays null");
        assertEquals("dv", masked(Map.of("fields", "i8")).getWithoutDefault("dflt"), "unmasked null copied as default");
    }

    @Test
    void missingStructFieldIsIgnored() {
        assertEquals(3, masked(Map.of("fields", "zz")).get("i32"));
    }

    @Test
    void schemalessValuesAreMaskedByClass() {
        Map<String, Object> value = new HashMap<>();
        value.put("i", 3);
        value.put("bi", BigInteger.TEN);
        value.put("list", new LinkedList<>(List.of(1)));
        value.put("tree", new TreeMap<>(Map.of("a", 1)));
        value.put("keep", "x");
        @SuppressWarnings("unchecked")
        Map<String, Object> masked = (Map<String, Object>) value(Map.of("fields", "i,bi,list,tree,missing"))
            .apply(record(null, value)).value();
        assertEquals(0, masked.get("i"));
        assertEquals(BigInteger.ZERO, masked.get("bi"));
        assertEquals(ArrayList.class, masked.get("list").getClass());
        assertEquals(HashMap.class, masked.get("tree").getClass());
        assertEquals("x", masked.get("keep"));
        assertTrue(masked.containsKey("missing"), "a missing key is added with a null value");
        assertNull(masked.get("missing"));
        assertEquals(3, value.get("i"), "the input map is not modified");
    }

    @Test
    void subclassesOfSupportedTypesCannotBeMasked() {
        assertThrows(DataException.class,
            () -> value(Map.of("fields", "d")).apply(record(null, Map.of("d", new java.sql.Timestamp(5)))));
    }

    @Test
    void nullOrWrongValueIsAnError() {
        assertThrows(DataException.class, () -> value(Map.of("fields", "a")).apply(record(null, null)));
        assertThrows(DataException.class, () -> value(Map.of("fields", "a")).apply(record(SCHEMA, null)));
        assertThrows(DataException.class, () -> value(Map.of("fields", "a")).apply(record(null, "text")));
    }

    @Test
    void keyVariantMasksTheKey() {
        MaskField<SourceRecord> transform = new MaskField.Key<>();
        transform.configure(Map.of("fields", "a"));
        SourceRecord result = transform.apply(new SourceRecord(null, null, "t", 0, null, Map.of("a", 1, "b", "x"),
            Schema.STRING_SCHEMA, "v", 1L));
        assertEquals(Map.of("a", 0, "b", "x"), result.key());
        assertEquals("v", result.value());
    }

    @Test
    void configErrors() {
        assertThrows(ConfigException.class, () -> value(Map.of()));
        assertThrows(ConfigException.class, () -> value(Map.of("fields", "")));
        assertThrows(ConfigException.class, () -> value(Map.of("fields", "a", "replacement", "")));
    }
}
