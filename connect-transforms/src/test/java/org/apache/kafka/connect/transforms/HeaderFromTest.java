package org.apache.kafka.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class HeaderFromTest {

    private static final Schema OPTIONAL_WITH_DEFAULT = SchemaBuilder.string().optional().defaultValue("dflt").build();
    private static final Schema SCHEMA = SchemaBuilder.struct().name("my.S").version(3)
        .field("a", Schema.INT32_SCHEMA)
        .field("b", OPTIONAL_WITH_DEFAULT)
        .field("c", Schema.OPTIONAL_INT64_SCHEMA)
        .build();

    private static Struct struct() {
        return new Struct(SCHEMA).put("a", 1).put("b", null).put("c", 5L);
    }

    private static Map<String, Object> map() {
        Map<String, Object> map = new HashMap<>();
        map.put("a", 1);
        map.put("b", null);
        return map;
    }

    private static SourceRecord record(Schema schema, Object value) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("h0", "x");
        return new SourceRecord(null, null, "topic", 3, null, null, schema, value, 1L, headers);
    }

    private static HeaderFrom<SourceRecord> valueTransform(String fields, String headers, String operation, Object... extra) {
        Map<String, Object> config = new HashMap<>();
        config.put("fields", fields);
        config.put("headers", headers);
        config.put("operation", operation);
        for (int i = 0; i < extra.length; i += 2) {
            config.put((String) extra[i], extra[i + 1]);
        }
        HeaderFrom<SourceRecord> transform = new HeaderFrom.Value<>();
        transform.configure(config);
        return transform;
    }

    @Test
    void copyAddsHeadersWithFieldSchemasAndKeepsTheValue() {
        SourceRecord original = record(SCHEMA, struct());
        SourceRecord result = valueTransform("a,b,c", "ha,hb,hc", "copy").apply(original);
        assertSame(original.value(), result.value());
        assertSame(SCHEMA, result.valueSchema());
        List<Header> headers = List.copyOf(toList(result));
        assertEquals(4, headers.size());
        assertEquals("h0", headers.get(0).key());
        assertHeader(headers.get(1), "ha", Schema.INT32_SCHEMA, 1);
        assertHeader(headers.get(2), "hb", OPTIONAL_WITH_DEFAULT, "dflt");
        assertHeader(headers.get(3), "hc", Schema.OPTIONAL_INT64_SCHEMA, 5L);
        assertEquals(1, original.headers().size(), "input headers are not changed");
    }

    @Test
    void moveRemovesFieldsFromStructAndSchema() {
        SourceRecord result = valueTransform("a", "ha", "move").apply(record(SCHEMA, struct()));
        Schema schema = result.valueSchema();
        assertEquals("my.S", schema.name());
        assertEquals(3, schema.version());
        assertEquals(2, schema.fields().size());
        assertNull(schema.field("a"));
        Struct value = (Struct) result.value();
        assertEquals("dflt", value.getWithoutDefault("b"));
        assertEquals(5L, value.get("c"));
        assertEquals(1, result.headers().lastWithName("ha").value());
    }

    @Test
    void movingTheSameFieldTwiceFeedsBothHeaders() {
        SourceRecord result = valueTransform("a,a", "x,y", "move").apply(record(SCHEMA, struct()));
        assertEquals(1, result.headers().lastWithName("x").value());
        assertEquals(1, result.headers().lastWithName("y").value());
        assertNull(result.valueSchema().field("a"));
    }

    @Test
    void moveDropsOptionalityOfTheStructSchema() {
        Schema optional = SchemaBuilder.struct().name("opt").optional().field("a", Schema.INT32_SCHEMA).build();
        SourceRecord result = valueTransform("a", "x", "move").apply(record(optional, new Struct(optional).put("a", 3)));
        assertFalse(result.valueSchema().isOptional());
        assertTrue(result.valueSchema().fields().isEmpty());
    }

    @Test
    void replaceNullWithDefaultFalseCopiesNull() {
        SourceRecord result = valueTransform("b", "hb", "copy", "replace.null.with.default", false).apply(record(SCHEMA, struct()));
        assertNull(result.headers().lastWithName("hb").value());
    }

    @Test
    void schemalessHeadersHaveNoSchema() {
        SourceRecord copied = valueTransform("a,zz", "x,y", "copy").apply(record(null, map()));
        assertHeader(copied.headers().lastWithName("x"), "x", null, 1);
        assertHeader(copied.headers().lastWithName("y"), "y", null, null);
        SourceRecord moved = valueTransform("a", "x", "move").apply(record(null, map()));
        assertEquals(Map.of(), withoutNulls(moved.value()));
        assertTrue(((Map<?, ?>) moved.value()).containsKey("b"));
        assertFalse(((Map<?, ?>) moved.value()).containsKey("a"));
    }

    @Test
    void schemalessCopyHandsOnACopyOfTheMap() {
        Map<String, Object> original = map();
        SourceRecord result = valueTransform("a", "x", "copy").apply(record(null, original));
        assertEquals(original, result.value());
        assertFalse(original == result.value(), "the value is a new map");
    }

    @Test
    void moveValidatesTheRemainingStructBeforeLookingUpFields() {
        Struct missingRequired = new Struct(SCHEMA).put("c", 5L);
        DataException e = assertThrows(DataException.class,
            () -> valueTransform("zz", "x", "move").apply(record(SCHEMA, missingRequired)));
        assertTrue(e.getMessage().contains("\"a\""), e.getMessage());
    }

    @Test
    void missingStructFieldFails() {
        assertThrows(NullPointerException.class, () -> valueTransform("zz", "x", "copy").apply(record(SCHEMA, struct())));
    }

    @Test
    void nullAndWrongValuesFail() {
        DataException withSchema = assertThrows(DataException.class,
            () -> valueTransform("a", "x", "move").apply(record(SCHEMA, null)));
        assertTrue(withSchema.getMessage().contains("header move"), withSchema.getMessage());
        DataException schemaless = assertThrows(DataException.class,
            () -> valueTransform("a", "x", "copy").apply(record(null, "str")));
        assertTrue(schemaless.getMessage().contains("header copy"), schemaless.getMessage());
    }

    @Test
    void keyVariantMovesFromTheKey() {
        HeaderFrom<SourceRecord> transform = new HeaderFrom.Key<>();
        transform.configure(Map.of("fields", "a", "headers", "a", "operation", "move"));
        SourceRecord result = transform.apply(new SourceRecord(null, null, "t", 0, SCHEMA, struct(), Schema.STRING_SCHEMA, "v"));
        assertEquals(1, result.headers().lastWithName("a").value());
        assertNull(result.keySchema().field("a"));
        assertEquals("v", result.value());
    }

    @Test
    void configurationErrors() {
        ConfigException sizes = assertThrows(ConfigException.class, () -> valueTransform("a,b", "x", "move"));
        assertTrue(sizes.getMessage().contains("same number of elements"), sizes.getMessage());
        assertThrows(ConfigException.class, () -> valueTransform("a", "x", "MOVE"));
        assertThrows(ConfigException.class, () -> valueTransform("", "x", "move"));
        assertThrows(ConfigException.class, () -> new HeaderFrom.Value<SourceRecord>().configure(Map.of("fields", "a", "headers", "x")));
    }

    private static Map<Object, Object> withoutNulls(Object value) {
        Map<Object, Object> result = new HashMap<>();
        ((Map<?, ?>) value).forEach((k, v) -> {
            if (v != null) {
                result.put(k, v);
            }
        });
        return result;
    }

    private static List<Header> toList(SourceRecord record) {
        List<Header> headers = new java.util.ArrayList<>();
        record.headers().forEach(headers::add);
        return headers;
    }

    private static void assertHeader(Header header, String key, Schema schema, Object value) {
        assertEquals(key, header.key());
        assertEquals(schema, header.schema(), "schema of header " + key);
        assertEquals(value, header.value(), "value of header " + key);
    }
}
