package org.apache.kafka.connect.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

/**
 * Expected bytes and parsed values were produced by Apache connect-api 4.3.1's SimpleHeaderConverter
 * for the same inputs.
 */
class SimpleHeaderConverterTest {

    private final SimpleHeaderConverter converter = new SimpleHeaderConverter();

    private byte[] write(Schema schema, Object value) {
        return converter.fromConnectHeader("topic", "key", schema, value);
    }

    private SchemaAndValue read(String text) {
        return converter.toConnectHeader("topic", "key", text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void stringsAreWrittenAsRawUtf8() {
        assertArrayEquals(utf8("hello world"), write(Schema.STRING_SCHEMA, "hello world"));
        assertArrayEquals(utf8("a \"q\" \\ b"), write(Schema.STRING_SCHEMA, "a \"q\" \\ b"));
        assertArrayEquals(utf8("plain"), write(null, "plain"));
        assertArrayEquals(new byte[0], write(Schema.STRING_SCHEMA, ""));
        assertArrayEquals(new byte[] {104, -61, -87, 108, 108, 111, 32, -30, -104, -125},
            write(Schema.STRING_SCHEMA, "h\u00e9llo \u2603"));
    }

    @Test
    void primitivesAreWrittenInTheirLiteralForm() {
        assertArrayEquals(utf8("-5"), write(Schema.INT8_SCHEMA, (byte) -5));
        assertArrayEquals(utf8("300"), write(Schema.INT16_SCHEMA, (short) 300));
        assertArrayEquals(utf8("123456"), write(Schema.INT32_SCHEMA, 123456));
        assertArrayEquals(utf8("1234567890123"), write(Schema.INT64_SCHEMA, 1234567890123L));
        assertArrayEquals(utf8("1.5"), write(Schema.FLOAT32_SCHEMA, 1.5f));
        assertArrayEquals(utf8("2.25"), write(Schema.FLOAT64_SCHEMA, 2.25d));
        assertArrayEquals(utf8("true"), write(Schema.BOOLEAN_SCHEMA, true));
        assertArrayEquals(utf8("false"), write(null, false));
        assertArrayEquals(utf8("17"), write(null, 17));
    }

    @Test
    void bytesAreWrittenAsBase64() {
        assertArrayEquals(utf8("AQID"), write(Schema.BYTES_SCHEMA, new byte[] {1, 2, 3}));
        assertArrayEquals(utf8("QUI="), write(null, new byte[] {65, 66}));
    }

    @Test
    void logicalTypesAreWrittenInIsoForm() {
        assertArrayEquals(utf8("12.34"), write(Decimal.schema(2), new BigDecimal("12.34")));
        assertArrayEquals(utf8("1970-01-11"), write(Date.SCHEMA, new java.util.Date(10L * 86_400_000L)));
        assertArrayEquals(utf8("01:02:03.004Z"), write(Time.SCHEMA, new java.util.Date(3_723_004L)));
        assertArrayEquals(utf8("2023-11-14T22:13:20.123Z"), write(Timestamp.SCHEMA, new java.util.Date(1700000000123L)));
    }

    @Test
    void compositesAreWrittenAsJsonLikeLiterals() {
        assertArrayEquals(utf8("[1,2,3]"), write(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), List.of(1, 2, 3)));
        assertArrayEquals(utf8("[\"a\",\"b c\"]"),
            write(SchemaBuilder.array(Schema.STRING_SCHEMA).build(), List.of("a", "b c")));
        assertArrayEquals(utf8("[1,\"x\",true]"), write(null, List.of(1, "x", true)));
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b", 2);
        assertArrayEquals(utf8("{\"a\":1,\"b\":2}"),
            write(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(), map));
        Schema structSchema = SchemaBuilder.struct().name("S").field("a", Schema.INT32_SCHEMA)
            .field("b", Schema.STRING_SCHEMA).build();
        assertArrayEquals(utf8("{\"a\":1,\"b\":\"x\"}"), write(structSchema, new Struct(structSchema).put("a", 1).put("b", "x")));
        assertArrayEquals(utf8("[]"), write(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), List.of()));
        assertArrayEquals(utf8("{}"), write(null, Map.of()));
        assertArrayEquals(utf8("[[1],{\"x\":[]}]"), write(null, List.of(List.of(1), Map.of("x", List.of()))));
    }

    @Test
    void nullIsWrittenAsNullBytesAndReadAsNullSchemaAndValue() {
        assertNull(write(Schema.OPTIONAL_STRING_SCHEMA, null));
        assertNull(write(null, null));
        SchemaAndValue read = converter.toConnectHeader("topic", "key", null);
        assertNull(read.schema());
        assertNull(read.value());
    }

    @Test
    void valuesOfUnsupportedClassesAreRejected() {
        Object unsupported = new Object();
        assertThrows(DataException.class, () -> write(null, unsupported));
    }

    @Test
    void readingInfersTheNarrowestSchema() {
        assertEquals(new SchemaAndValue(Schema.STRING_SCHEMA, "hello world"), read("hello world"));
        assertEquals(new SchemaAndValue(Schema.STRING_SCHEMA, ""), read(""));
        assertEquals(new SchemaAndValue(Schema.INT8_SCHEMA, (byte) -5), read("-5"));
        assertEquals(new SchemaAndValue(Schema.INT16_SCHEMA, (short) 300), read("300"));
        assertEquals(new SchemaAndValue(Schema.INT32_SCHEMA, 123456), read("123456"));
        assertEquals(new SchemaAndValue(Schema.INT64_SCHEMA, 1234567890123L), read("1234567890123"));
        assertEquals(new SchemaAndValue(Schema.FLOAT32_SCHEMA, 2.25f), read("2.25"));
        assertEquals(new SchemaAndValue(Schema.BOOLEAN_SCHEMA, true), read("true"));
        assertEquals(new SchemaAndValue(Schema.STRING_SCHEMA, "FALSE"), read("FALSE"));
        assertEquals(new SchemaAndValue(Schema.STRING_SCHEMA, "AQID"), read("AQID"));
        assertEquals(new SchemaAndValue(Schema.STRING_SCHEMA, "[1,2"), read("[1,2"));
        assertNull(read("null"), "the literal null parses to no schema-and-value at all");
    }

    @Test
    void readingRecognisesLogicalTypes() {
        assertEquals(new SchemaAndValue(Date.SCHEMA, new java.util.Date(864_000_000L)), read("1970-01-11"));
        assertEquals(new SchemaAndValue(Time.SCHEMA, new java.util.Date(3_723_004L)), read("01:02:03.004Z"));
        assertEquals(new SchemaAndValue(Timestamp.SCHEMA, new java.util.Date(1700000000123L)),
            read("2023-11-14T22:13:20.123Z"));
        assertEquals(new SchemaAndValue(Schema.FLOAT32_SCHEMA, 12.34f), read("12.34"));
    }

    @Test
    void readingParsesListsAndMaps() {
        SchemaAndValue list = read("[1,2,3]");
        assertEquals(Schema.Type.ARRAY, list.schema().type());
        assertEquals(Schema.INT8_SCHEMA, list.schema().valueSchema());
        assertEquals(List.of((byte) 1, (byte) 2, (byte) 3), list.value());

        SchemaAndValue mixed = read("[1,\"x\",true]");
        assertNull(mixed.schema().valueSchema(), "mixed elements have no common schema");
        assertEquals(List.of((byte) 1, "x", true), mixed.value());

        SchemaAndValue map = read("{\"a\":1,\"b\":2}");
        assertEquals(Schema.Type.MAP, map.schema().type());
        assertEquals(Schema.STRING_SCHEMA, map.schema().keySchema());
        assertEquals(Schema.INT8_SCHEMA, map.schema().valueSchema());
        assertEquals(Map.of("a", (byte) 1, "b", (byte) 2), map.value());

        SchemaAndValue fromStruct = read("{\"a\":1,\"b\":\"x\"}");
        assertEquals(Schema.Type.MAP, fromStruct.schema().type(), "structs come back as maps");
        assertEquals(Map.of("a", (byte) 1, "b", "x"), fromStruct.value());
    }

    @Test
    void writtenValuesReadBackToEqualValuesWhereTheTextIsUnambiguous() {
        Schema intList = SchemaBuilder.array(Schema.INT8_SCHEMA).build();
        for (SchemaAndValue original : List.of(
            new SchemaAndValue(Schema.STRING_SCHEMA, "some text"),
            new SchemaAndValue(Schema.INT16_SCHEMA, (short) 300),
            new SchemaAndValue(Schema.INT64_SCHEMA, 1234567890123L),
            new SchemaAndValue(Schema.BOOLEAN_SCHEMA, false),
            new SchemaAndValue(Date.SCHEMA, new java.util.Date(864_000_000L)),
            new SchemaAndValue(Timestamp.SCHEMA, new java.util.Date(1700000000123L)))) {
            byte[] bytes = write(original.schema(), original.value());
            assertEquals(original, converter.toConnectHeader("topic", "key", bytes), "round trip of " + original);
        }
        SchemaAndValue list = converter.toConnectHeader("topic", "key", write(intList, List.of((byte) 1, (byte) 2)));
        assertEquals(List.of((byte) 1, (byte) 2), list.value());
    }

    @Test
    void versionIsTheKafkaVersionAndThereIsNothingToConfigure() {
        converter.configure(Map.of("anything", "ignored"));
        assertEquals(org.apache.kafka.common.utils.AppInfoParser.getVersion(), converter.version());
        assertTrue(converter.config().names().isEmpty());
    }
}
