package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValuesConvertTest {

    private static final long DAY = 86_400_000L;

    private static String conversionError(Runnable conversion) {
        return assertThrows(DataException.class, conversion::run).getMessage();
    }

    @Test
    void nullConvertsToNullForPrimitivesButNotForContainersOrLogicalTypes() {
        assertNull(Values.convertToBoolean(null, null));
        assertNull(Values.convertToInteger(null, null));
        assertNull(Values.convertToString(null, null));
        String expected = "Unable to convert a null value to a schema that requires a value";
        assertEquals(expected, conversionError(() -> Values.convertToList(null, null)));
        assertEquals(expected, conversionError(() -> Values.convertToMap(null, null)));
        assertEquals(expected, conversionError(() -> Values.convertToStruct(null, null)));
        assertEquals(expected, conversionError(() -> Values.convertToDate(null, null)));
        assertEquals(expected, conversionError(() -> Values.convertToDecimal(null, null, 2)));
    }

    @Test
    void booleanFromBooleansStringsAndNumbers() {
        assertEquals(true, Values.convertToBoolean(null, "true"));
        assertEquals(false, Values.convertToBoolean(null, "false"));
        assertEquals(true, Values.convertToBoolean(null, " true "));
        assertEquals(false, Values.convertToBoolean(null, "0"));
        assertEquals(true, Values.convertToBoolean(null, "1.5"));
        assertEquals(true, Values.convertToBoolean(null, 2));
        assertEquals(false, Values.convertToBoolean(null, 0.5), "numbers are truncated to a long first");
        assertEquals(false, Values.convertToBoolean(null, Float.NaN));
        assertEquals(false, Values.convertToBoolean(Schema.STRING_SCHEMA, "false"));
    }

    @Test
    void booleanFromOtherTextFails() {
        DataException e = assertThrows(DataException.class, () -> Values.convertToBoolean(null, "TRUE"));
        assertEquals("Unable to convert TRUE (class java.lang.String) to a number", e.getMessage());
        assertInstanceOf(NumberFormatException.class, e.getCause());
        assertEquals("Unable to convert   (class java.lang.String) to a number",
                conversionError(() -> Values.convertToBoolean(null, " ")));
    }

    @Test
    void integersNarrowLikeJavaCasts() {
        assertEquals((byte) 44, Values.convertToByte(null, 300));
        assertEquals((byte) 44, Values.convertToByte(null, "300"));
        assertEquals((byte) -24, Values.convertToByte(null, "1e3"));
        assertEquals((byte) 0, Values.convertToByte(null, 5_000_000_000L));
        assertEquals((byte) -1, Values.convertToByte(null, 1e300));
        assertEquals((short) 4464, Values.convertToShort(null, 70000));
        assertEquals((short) -7168, Values.convertToShort(null, 1e10));
        assertEquals(705032704, Values.convertToInteger(null, 5_000_000_000L));
        assertEquals(1, Values.convertToInteger(null, "1.5"));
        assertEquals(1, Values.convertToInteger(null, new BigDecimal("1.25")));
        assertEquals(-1L, Values.convertToLong(null, "-1.9"));
        assertEquals((short) 0, Values.convertToShort(null, "9223372036854775808"), "overflowing text wraps");
    }

    @Test
    void floatingPointConversions() {
        assertEquals(1.1f, Values.convertToFloat(null, new BigDecimal("1.1")));
        assertEquals(Float.POSITIVE_INFINITY, Values.convertToFloat(null, "1e40"));
        assertEquals(1.100000023841858d, Values.convertToDouble(null, 1.1f));
        assertEquals(2.5d, Values.convertToDouble(null, "2.5"));
    }

    @Test
    void numericConversionRejectsNonNumbers() {
        assertEquals("Unable to convert true (class java.lang.Boolean) to a number",
                conversionError(() -> Values.convertToByte(null, true)));
        DataException e = assertThrows(DataException.class, () -> Values.convertToInteger(null, " 5 "));
        assertEquals("Unable to convert  5  (class java.lang.String) to a number", e.getMessage());
        assertInstanceOf(NumberFormatException.class, e.getCause(), "whitespace is not trimmed");
        assertEquals("Unable to convert 2020-01-01 (class java.lang.String) to a number",
                conversionError(() -> Values.convertToInteger(null, "2020-01-01")));
        assertEquals("Unable to convert true (class java.lang.Boolean) to Schema{BOOLEAN}",
                conversionError(() -> Values.convertToInteger(Schema.BOOLEAN_SCHEMA, true)));
        assertEquals("Unable to convert [1] (class java.util.ImmutableCollections$List12) to a number",
                conversionError(() -> Values.convertToInteger(null, List.of(1))));
    }

    @Test
    void logicalDatesConvertToTheirNumericForm() {
        assertEquals(3, Values.convertToInteger(Date.SCHEMA, new java.util.Date(3 * DAY)));
        assertEquals(5000L, Values.convertToLong(Time.SCHEMA, new java.util.Date(5000)));
        assertEquals(5000L, Values.convertToLong(Timestamp.SCHEMA, new java.util.Date(5000)));
        assertEquals(1.0f, Values.convertToFloat(Date.SCHEMA, new java.util.Date(DAY)));
        String message = conversionError(() -> Values.convertToLong(null, new java.util.Date(0)));
        assertEquals(true, message.startsWith("Unable to convert ")
                && message.endsWith(" (class java.util.Date) to a number"), message);
    }

    @Test
    void stringsOfPrimitivesAndContainers() {
        assertEquals("5", Values.convertToString(Schema.INT32_SCHEMA, 5));
        assertEquals("1.0E21", Values.convertToString(null, 1e21));
        assertEquals("a\\b\"c", Values.convertToString(null, "a\\b\"c"), "top-level strings are not escaped");
        assertEquals("AQ==", Values.convertToString(null, new byte[]{1}));
        assertEquals("AQID", Values.convertToString(null, ByteBuffer.wrap(new byte[]{1, 2, 3}).position(1)),
                "a byte buffer is written as its whole backing array");
        assertEquals("1.25", Values.convertToString(Decimal.schema(2), new BigDecimal("1.25")));
        assertEquals("[\"a\",\"b\\\"c\"]", Values.convertToString(null, List.of("a", "b\"c")));
        assertEquals("[\"a\\\\b\",\"q\\\"q\"]", Values.convertToString(null, List.of("a\\b", "q\"q")));
        assertEquals("[1,null,\"s\"]", Values.convertToString(null, Arrays.asList(1, null, "s")));
        assertEquals("[[1,\"x\"],{\"a\":[]}]",
                Values.convertToString(null, List.of(List.of(1, "x"), Map.of("a", List.of()))));
        Map<Object, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        assertEquals("{null:1}", Values.convertToString(null, nullKey));
        assertEquals("[\"QQ==\"]", Values.convertToString(null, List.of(new byte[]{65})));
    }

    @Test
    void stringOfStructIncludesEveryFieldWithDefaults() {
        Schema schema = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA)
                .field("b", SchemaBuilder.string().optional().defaultValue("dd").build())
                .field("c", Schema.OPTIONAL_STRING_SCHEMA).build();
        assertEquals("{\"a\":1,\"b\":\"dd\",\"c\":null}", Values.convertToString(schema, new Struct(schema).put("a", 1)));
    }

    @Test
    void stringOfDatesUsesTheFormatThatFitsTheValue() {
        assertEquals(new SimpleDateFormat("HH:mm:ss.SSS'Z'").format(new java.util.Date(5000)),
                Values.convertToString(Timestamp.SCHEMA, new java.util.Date(5000)));
        assertEquals("yyyy-MM-dd", ((SimpleDateFormat) Values.dateFormatFor(new java.util.Date(DAY))).toPattern());
        assertEquals("HH:mm:ss.SSS'Z'",
                ((SimpleDateFormat) Values.dateFormatFor(new java.util.Date(DAY - 1))).toPattern());
        assertEquals("HH:mm:ss.SSS'Z'", ((SimpleDateFormat) Values.dateFormatFor(new java.util.Date(-DAY))).toPattern());
        assertEquals("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'",
                ((SimpleDateFormat) Values.dateFormatFor(new java.util.Date(DAY + 1))).toPattern());
    }

    @Test
    void stringOfUnsupportedTypeFails() {
        assertEquals("Failed to serialize unexpected value type java.lang.Character: c",
                conversionError(() -> Values.convertToString(null, 'c')));
    }

    @Test
    void listsAndMapsFromValuesAndText() {
        List<Integer> list = List.of(1, 2);
        assertSame(list, Values.convertToList(null, list));
        assertEquals(List.of((byte) 1, "a"), Values.convertToList(null, "[1,\"a\"]"));
        assertEquals(Map.of("a", (byte) 1), Values.convertToMap(null, "{\"a\":1}"));
        assertEquals("Unable to convert 1 (class java.lang.Byte) to Schema{ARRAY}",
                conversionError(() -> Values.convertToList(null, "1")));
        assertEquals("Unable to convert [a,b] (class java.lang.String) to Schema{ARRAY}",
                conversionError(() -> Values.convertToList(null, "[a,b]")));
        assertEquals("Unable to convert [1] (class java.util.ArrayList) to Schema{MAP}",
                conversionError(() -> Values.convertToMap(null, "[1]")));
    }

    @Test
    void structsOnlyFromStructs() {
        Schema schema = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).build();
        Struct struct = new Struct(schema).put("a", 1);
        assertSame(struct, Values.convertToStruct(schema, struct));
        assertEquals("Unable to convert {\"a\":1} (class java.lang.String) to Schema{STRUCT}",
                conversionError(() -> Values.convertToStruct(null, "{\"a\":1}")));
    }

    @Test
    void dateConversions() {
        java.util.Date localNewYear = java.util.Date.from(
                LocalDate.of(2020, 1, 1).atStartOfDay(ZoneId.systemDefault()).toInstant());
        assertEquals(localNewYear, Values.convertToDate(null, "2020-01-01"));
        assertEquals(new java.util.Date(5 * DAY), Values.convertToDate(null, 5));
        assertEquals(new java.util.Date(5 * DAY), Values.convertToDate(null, "5"));
        assertEquals(new java.util.Date(DAY), Values.convertToDate(Timestamp.SCHEMA, new java.util.Date(DAY + 5000)));
        assertEquals(new java.util.Date(0), Values.convertToDate(Timestamp.SCHEMA, new java.util.Date(-5)),
                "days are truncated towards the epoch");
        assertEquals(new java.util.Date(5000), Values.convertToDate(null, new java.util.Date(5000)),
                "without a schema a date is returned as is");
        assertEquals(new java.util.Date(5000 * DAY), Values.convertToDate(Time.SCHEMA, new java.util.Date(5000)));
        assertEquals(new java.util.Date(-DAY), Values.convertToDate(null, 1e300));
    }

    @Test
    void timeConversions() {
        assertEquals(new java.util.Date(5), Values.convertToTime(null, 5));
        assertEquals(new java.util.Date(5000), Values.convertToTime(Timestamp.SCHEMA, new java.util.Date(DAY + 5000)));
        assertEquals(new java.util.Date(DAY - 5), Values.convertToTime(Timestamp.SCHEMA, new java.util.Date(-5)));
        assertEquals(new java.util.Date(1), Values.convertToTime(Date.SCHEMA, new java.util.Date(DAY)));
        assertEquals("Time values must use number of milliseconds greater than 0 and less than 86400000",
                conversionError(() -> Values.convertToTime(null, 100_000_000L)));
    }

    @Test
    void timestampConversions() {
        assertEquals(new java.util.Date(5), Values.convertToTimestamp(null, 5));
        assertEquals(new java.util.Date(2), Values.convertToTimestamp(Date.SCHEMA, 2), "numbers are always millis");
        assertEquals(new java.util.Date(DAY), Values.convertToTimestamp(Date.SCHEMA, new java.util.Date(DAY)));
        assertEquals(new java.util.Date(5000), Values.convertToTimestamp(Time.SCHEMA, new java.util.Date(5000)));
        assertEquals(new java.util.Date(Long.MAX_VALUE), Values.convertToTimestamp(null, Double.POSITIVE_INFINITY));
        assertEquals("Kafka Connect Date type should not have any time fields set to non-zero values.",
                conversionError(() -> Values.convertToTimestamp(Date.SCHEMA, new java.util.Date(5))));
    }

    @Test
    void temporalConversionFromNonTemporalFails() {
        assertEquals("Unable to convert true (class java.lang.Boolean) to a number",
                conversionError(() -> Values.convertToDate(null, "true")));
        assertEquals("Unable to convert [1, 2] (class java.util.ArrayList) to a number",
                conversionError(() -> Values.convertToTimestamp(null, "[1,2]")));
    }

    @Test
    void decimalConversions() {
        assertEquals(new BigDecimal("1.25"), Values.convertToDecimal(null, new byte[]{125}, 2));
        assertEquals(new BigDecimal("1.25"), Values.convertToDecimal(null, ByteBuffer.wrap(new byte[]{125}), 2));
        assertEquals(new BigDecimal("1.23456"), Values.convertToDecimal(null, new BigDecimal("1.23456"), 2),
                "a BigDecimal keeps its own scale");
        assertEquals(new BigDecimal("1.5"), Values.convertToDecimal(null, "1.5", 3));
        assertEquals(new BigDecimal("1.0"), Values.convertToDecimal(null, 1, 2));
        assertEquals(new BigDecimal("1.100000023841858"), Values.convertToDecimal(null, 1.1f, 2));
        assertEquals(new BigDecimal("12.0"), Values.convertToDecimal(null, new BigInteger("12"), 3));
        assertThrows(NumberFormatException.class, () -> Values.convertToDecimal(null, "abc", 2),
                "malformed text fails with the parse error itself, as in Apache");
        assertEquals("Unable to convert true (class java.lang.Boolean) to "
                + "Schema{org.apache.kafka.connect.data.Decimal:BYTES}",
                conversionError(() -> Values.convertToDecimal(null, true, 2)));
    }

    @Test
    void inferSchemaOfPrimitivesAndUnsupportedValues() {
        assertNull(Values.inferSchema(null));
        assertEquals(Schema.INT32_SCHEMA, Values.inferSchema(1));
        assertEquals(Schema.STRING_SCHEMA, Values.inferSchema("x"));
        assertEquals(Schema.BYTES_SCHEMA, Values.inferSchema(new byte[1]));
        assertEquals(Schema.BYTES_SCHEMA, Values.inferSchema(ByteBuffer.allocate(1)));
        assertNull(Values.inferSchema(new BigDecimal("1.5")), "logical values are not inferred");
        assertNull(Values.inferSchema(new java.util.Date(0)));
        assertNull(Values.inferSchema('c'));
    }

    @Test
    void inferSchemaOfContainers() {
        assertEquals(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), Values.inferSchema(List.of(1, 2)));
        assertEquals(SchemaBuilder.array(Schema.OPTIONAL_INT32_SCHEMA).build(),
                Values.inferSchema(Arrays.asList(1, null)));
        assertNull(Values.inferSchema(List.of(1, "a")));
        assertNull(Values.inferSchema(List.of((byte) 1, 2L)), "no widening when inferring");
        assertNull(Values.inferSchema(List.of()));
        assertEquals(SchemaBuilder.array(SchemaBuilder.type(Schema.Type.ARRAY).build()).build(),
                Values.inferSchema(List.of(List.of(1), List.of("a"))));
        assertEquals(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(),
                Values.inferSchema(Map.of("a", 1)));
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("a", 1);
        withNull.put("b", null);
        assertEquals(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_INT32_SCHEMA).build(),
                Values.inferSchema(withNull));
        assertNull(Values.inferSchema(Map.of()));
        Schema structSchema = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).build();
        assertSame(structSchema, Values.inferSchema(new Struct(structSchema)));
    }

    @Test
    void alignmentHelpersConvertToTheContainerSchema() {
        assertEquals(List.of((short) 1), Values.alignListEntriesWithSchema(
                SchemaBuilder.array(Schema.INT16_SCHEMA).build(), Arrays.asList((Object) (byte) 1)));
        Map<Object, Object> input = new HashMap<>();
        input.put((byte) 1, (byte) 2);
        Schema mapSchema = SchemaBuilder.map(Schema.INT16_SCHEMA, Schema.FLOAT32_SCHEMA).build();
        assertEquals(Map.of((short) 1, 2.0f), Values.alignMapKeysAndValuesWithSchema(mapSchema, input));
        assertEquals(Map.of((short) 1, (byte) 2), Values.alignMapKeysWithSchema(mapSchema, input));
    }

    @Test
    void protectedTextHelpers() {
        assertEquals("a\\\\b\\\"c", Values.escape("a\\b\"c"));
        StringBuilder sb = new StringBuilder();
        Values.appendIterable(sb, List.of("a", 1, List.of()).iterator());
        assertEquals("\"a\",1,[]", sb.toString(), "appendIterable writes no brackets of its own");
        StringBuilder embedded = new StringBuilder();
        Values.append(embedded, "x\"y", true);
        Values.append(embedded, null, false);
        assertEquals("\"x\\\"y\"null", embedded.toString());
    }

    @Test
    void asLongAndAsDoubleNameTheSchemaWhenKnown() {
        assertEquals(12L, Values.asLong("12.9", null, null));
        assertEquals(12.9d, Values.asDouble("12.9", null, null));
        assertEquals(4L, Values.asLong(new java.util.Date(4 * DAY), Date.SCHEMA, null));
        RuntimeException boom = new RuntimeException("boom");
        DataException e = assertThrows(DataException.class, () -> Values.asLong(true, null, boom));
        assertSame(boom, e.getCause());
        assertEquals("Unable to convert x (class java.lang.String) to Schema{STRING}",
                assertThrows(DataException.class, () -> Values.asDouble("x", Schema.STRING_SCHEMA, null)).getMessage());
    }
}
