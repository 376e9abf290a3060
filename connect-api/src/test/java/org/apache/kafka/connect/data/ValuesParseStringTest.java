package org.apache.kafka.connect.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class ValuesParseStringTest {

    private static void assertParsed(String text, Schema expectedSchema, Object expectedValue) {
        SchemaAndValue parsed = Values.parseString(text);
        assertEquals(expectedSchema, parsed.schema(), "schema of «" + text + "»");
        assertEquals(expectedValue, parsed.value(), "value of «" + text + "»");
        // Scalars must also have the exact class (e.g. Byte, not Integer); containers compare by content.
        if (expectedValue != null && !(expectedValue instanceof List) && !(expectedValue instanceof Map)) {
            assertEquals(expectedValue.getClass(), parsed.value().getClass(), "class of «" + text + "»");
        }
    }

    private static void assertParsedAsOriginalString(String text) {
        assertParsed(text, Schema.STRING_SCHEMA, text);
    }

    /** Date/time literals are read in the JVM's default time zone, as Apache Kafka Connect does. */
    private static java.util.Date localMidnight(int year, int month, int day) {
        return java.util.Date.from(LocalDate.of(year, month, day).atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    private static java.util.Date local(LocalDateTime dateTime) {
        return java.util.Date.from(dateTime.atZone(ZoneId.systemDefault()).toInstant());
    }

    private static Schema arrayOf(Schema element) {
        return SchemaBuilder.array(element).build();
    }

    private static Schema mapOf(Schema key, Schema value) {
        return SchemaBuilder.map(key, value).build();
    }

    @Test
    void nullAndEmptyInput() {
        SchemaAndValue forNull = Values.parseString(null);
        assertNull(forNull.schema());
        assertNull(forNull.value());
        assertParsed("", Schema.STRING_SCHEMA, "");
        assertParsed(" ", Schema.STRING_SCHEMA, " ");
    }

    @Test
    void nullLiteralParsesToJavaNullAsInApache() {
        assertNull(Values.parseString("null"));
        assertNull(Values.parseString(" null "));
    }

    @Test
    void booleansOnlyWhenTheyAreTheWholeLowerCaseText() {
        assertParsed("true", Schema.BOOLEAN_SCHEMA, true);
        assertParsed("false", Schema.BOOLEAN_SCHEMA, false);
        assertParsed(" true ", Schema.BOOLEAN_SCHEMA, true);
        assertParsedAsOriginalString("TRUE");
        assertParsedAsOriginalString("True");
        assertParsedAsOriginalString("true x");
        assertParsedAsOriginalString("true,false");
        assertParsedAsOriginalString("true[1]");
    }

    @Test
    void integersTakeTheSmallestFittingType() {
        assertParsed("0", Schema.INT8_SCHEMA, (byte) 0);
        assertParsed("127", Schema.INT8_SCHEMA, (byte) 127);
        assertParsed("-128", Schema.INT8_SCHEMA, (byte) -128);
        assertParsed("128", Schema.INT16_SCHEMA, (short) 128);
        assertParsed("-129", Schema.INT16_SCHEMA, (short) -129);
        assertParsed("32767", Schema.INT16_SCHEMA, (short) 32767);
        assertParsed("32768", Schema.INT32_SCHEMA, 32768);
        assertParsed("2147483647", Schema.INT32_SCHEMA, 2147483647);
        assertParsed("2147483648", Schema.INT64_SCHEMA, 2147483648L);
        assertParsed("9223372036854775807", Schema.INT64_SCHEMA, Long.MAX_VALUE);
        assertParsed("  42  ", Schema.INT8_SCHEMA, (byte) 42);
        assertParsed("+5", Schema.INT8_SCHEMA, (byte) 5);
        assertParsed("00123", Schema.INT8_SCHEMA, (byte) 123);
    }

    @Test
    void wholeNumbersWrittenWithFractionOrExponentAreIntegers() {
        assertParsed("1.0", Schema.INT8_SCHEMA, (byte) 1);
        assertParsed("-0.0", Schema.INT8_SCHEMA, (byte) 0);
        assertParsed("5.", Schema.INT8_SCHEMA, (byte) 5);
        assertParsed("1e3", Schema.INT16_SCHEMA, (short) 1000);
        assertParsed("1.0E10", Schema.INT64_SCHEMA, 10000000000L);
        assertParsed("-129.0", Schema.INT16_SCHEMA, (short) -129);
    }

    @Test
    void integersBeyondLongBecomeDecimals() {
        assertParsed("9223372036854775808", Decimal.schema(0), new BigDecimal("9223372036854775808"));
        assertParsed("-9223372036854775809", Decimal.schema(0), new BigDecimal("-9223372036854775809"));
        assertParsed("123456789012345678901234567890", Decimal.schema(0),
                new BigDecimal("123456789012345678901234567890"));
    }

    @Test
    void fractionsBecomeFloatThenDoubleThenDecimal() {
        assertParsed("1.5", Schema.FLOAT32_SCHEMA, 1.5f);
        assertParsed("-1.5", Schema.FLOAT32_SCHEMA, -1.5f);
        assertParsed("0.30000000000000004", Schema.FLOAT32_SCHEMA, 0.3f);
        assertParsed("1E+20", Schema.FLOAT32_SCHEMA, 1.0E20f);
        assertParsed("123456789012345678901234567890.0", Schema.FLOAT32_SCHEMA, 1.2345679E29f);
        assertParsed("1e-50", Schema.FLOAT32_SCHEMA, 0.0f);
        assertParsed("3.5E38", Schema.FLOAT64_SCHEMA, 3.5E38d);
        assertParsed("-3.5E38", Schema.FLOAT64_SCHEMA, -3.5E38d);
        assertParsed("1.8E308", Decimal.schema(-307), new BigDecimal("1.8E308"));
        assertParsed("1E+1000", Decimal.schema(-1000), new BigDecimal("1E+1000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {".5", "1_000", "0x10", "NaN", "Infinity", "-Infinity", "1 2", "12abc", "abc12", "1.0.0",
        "1-2", "-", "--1", "1e", "e5", "true1", "NULL", "Null", "nullx", "null x", "'single'", "2020-1-1",
        "2020-01-01T12:34:56Z", "2020-01-01T12:34:56.789+01:00", "a,b", "a:b", "a\\,b", "\\\"", "back\\\\slash"})
    void textThatIsAlmostAValueStaysTheOriginalString(String text) {
        assertParsedAsOriginalString(text);
    }

    @Test
    void topLevelQuotesAreKeptVerbatim() {
        assertParsedAsOriginalString("\"quoted\"");
        assertParsedAsOriginalString("\"quo\\\"ted\"");
        assertParsedAsOriginalString("\"unterminated");
        assertParsedAsOriginalString("  abc  ");
    }

    @Test
    void numberAtTheStartOfTopLevelTextIgnoresTheRest() {
        assertParsed("1,2", Schema.INT8_SCHEMA, (byte) 1);
        assertParsed("1[2]", Schema.INT8_SCHEMA, (byte) 1);
        assertParsed("12:34:56Z", Schema.INT8_SCHEMA, (byte) 12);
        assertParsed("12:34:56.789Z ", Schema.INT8_SCHEMA, (byte) 12);
    }

    @Test
    void isoDatesTimesAndTimestamps() {
        assertParsed("2020-01-01", Date.SCHEMA, localMidnight(2020, 1, 1));
        assertParsed("1969-12-31", Date.SCHEMA, localMidnight(1969, 12, 31));
        assertParsed("2020-02-30", Date.SCHEMA, localMidnight(2020, 3, 1));
        assertParsed("12:34:56.789Z", Time.SCHEMA, local(LocalDateTime.of(1970, 1, 1, 12, 34, 56, 789_000_000)));
        assertParsed(" 12:34:56.789Z", Time.SCHEMA, local(LocalDateTime.of(1970, 1, 1, 12, 34, 56, 789_000_000)));
        assertParsed("12\\:34\\:56.789Z", Time.SCHEMA, local(LocalDateTime.of(1970, 1, 1, 12, 34, 56, 789_000_000)));
        assertParsed("2020-01-01T12:34:56.789Z", Timestamp.SCHEMA,
                local(LocalDateTime.of(2020, 1, 1, 12, 34, 56, 789_000_000)));
    }

    @Test
    void containersAreMutableArrayListsAndLinkedHashMaps() {
        assertInstanceOf(java.util.ArrayList.class, Values.parseString("[1]").value());
        assertInstanceOf(java.util.ArrayList.class, Values.parseString("[]").value());
        assertInstanceOf(LinkedHashMap.class, Values.parseString("{}").value());
    }

    @Test
    void arraysOfOneType() {
        assertParsed("[]", SchemaBuilder.type(Schema.Type.ARRAY).build(), List.of());
        assertParsed("[  ]", SchemaBuilder.type(Schema.Type.ARRAY).build(), List.of());
        assertParsed("[1,2,3]", arrayOf(Schema.INT8_SCHEMA), List.of((byte) 1, (byte) 2, (byte) 3));
        assertParsed("[ 1 , 2 ]", arrayOf(Schema.INT8_SCHEMA), List.of((byte) 1, (byte) 2));
        assertParsed("[true,false]", arrayOf(Schema.BOOLEAN_SCHEMA), List.of(true, false));
        assertParsed("[\"a\",\"b\"]", arrayOf(Schema.STRING_SCHEMA), List.of("a", "b"));
        assertParsed("[ \"a\" , \"b\" ]", arrayOf(Schema.STRING_SCHEMA), List.of("a", "b"));
        assertParsed("[1,2,]", arrayOf(Schema.INT8_SCHEMA), List.of((byte) 1, (byte) 2));
        assertParsed("[1,2] x", arrayOf(Schema.INT8_SCHEMA), List.of((byte) 1, (byte) 2));
        assertParsed("[2020-01-01]", arrayOf(Date.SCHEMA), List.of(localMidnight(2020, 1, 1)));
    }

    @Test
    void arrayElementsAreWidenedToTheWidestNumericType() {
        assertParsed("[1,128]", arrayOf(Schema.INT16_SCHEMA), List.of((short) 1, (short) 128));
        assertParsed("[1,32768]", arrayOf(Schema.INT32_SCHEMA), List.of(1, 32768));
        assertParsed("[1, 2.5]", arrayOf(Schema.FLOAT32_SCHEMA), List.of(1.0f, 2.5f));
        assertParsed("[1.5,3.5E38]", arrayOf(Schema.FLOAT64_SCHEMA), List.of(1.5d, 3.5E38d));
        assertParsed("[1,2020-01-01]", arrayOf(Date.SCHEMA),
                List.of(new java.util.Date(86_400_000L), localMidnight(2020, 1, 1)));
    }

    @Test
    void mixedArraysHaveNoElementSchema() {
        Schema anyArray = SchemaBuilder.type(Schema.Type.ARRAY).build();
        assertParsed("[1,\"a\"]", anyArray, List.of((byte) 1, "a"));
        assertParsed("[\"a\",1,\"b\"]", anyArray, List.of("a", (byte) 1, "b"));
        assertParsed("[1, true]", anyArray, List.of((byte) 1, true));
        assertParsed("[1,9223372036854775808]", anyArray, List.of((byte) 1, new BigDecimal("9223372036854775808")));
        assertParsed("[null]", anyArray, Arrays.asList((Object) null));
    }

    @Test
    void nestedArraysKeepTheLastElementSchema() {
        assertParsed("[[1,2],[3]]", arrayOf(arrayOf(Schema.INT8_SCHEMA)),
                List.of(List.of((byte) 1, (byte) 2), List.of((byte) 3)));
        assertParsed("[[\"a\"],[1]]", arrayOf(arrayOf(Schema.INT8_SCHEMA)), List.of(List.of("a"), List.of((byte) 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,null]", "[null,1]", "[1,2", "[1,,2]", "[,]", "[a,b]", "[1 2]", "[\"a\" \"b\"]",
        "[\"a\\\"]", "[1:2]", "{a:1}", "{\"a\"}", "{\"a\":1", "{:1}", "{null:1}", "{\"a\":1,\"b\":null}",
        "{\"a\":1,,\"b\":2}", "[2020-01-01,1000000]", "[1.5,2020-01-01]", "[ 12:34:56.789Z ]"})
    void malformedOrUnalignableContainersStayTheOriginalString(String text) {
        assertParsedAsOriginalString(text);
    }

    @Test
    void failedContainerAfterLeadingWhitespaceYieldsTheWhitespaceAsInApache() {
        assertParsed("  [1,2", Schema.STRING_SCHEMA, "  ");
    }

    @Test
    void quotedStringsKeepTheirEscapes() {
        assertParsed("[\"a\\\"b\"]", arrayOf(Schema.STRING_SCHEMA), List.of("a\\\"b"));
        assertParsed("[\"a\\\\\"]", arrayOf(Schema.STRING_SCHEMA), List.of("a\\\\"));
        assertParsed("[\"a,b\"]", arrayOf(Schema.STRING_SCHEMA), List.of("a,b"));
        assertParsed("[\"  a  \"]", arrayOf(Schema.STRING_SCHEMA), List.of("  a  "));
        assertParsed("[\"\"]", arrayOf(Schema.STRING_SCHEMA), List.of(""));
    }

    @Test
    void mapsOfOneKeyAndValueType() {
        assertParsed("{}", SchemaBuilder.type(Schema.Type.MAP).build(), Map.of());
        assertParsed("{\"a\":1,\"b\":2}", mapOf(Schema.STRING_SCHEMA, Schema.INT8_SCHEMA),
                orderedMap("a", (byte) 1, "b", (byte) 2));
        assertParsed("{ \"a\" : 1 , \"b\" : 2.5 }", mapOf(Schema.STRING_SCHEMA, Schema.FLOAT32_SCHEMA),
                orderedMap("a", 1.0f, "b", 2.5f));
        assertParsed("{1:\"a\",2:\"b\"}", mapOf(Schema.INT8_SCHEMA, Schema.STRING_SCHEMA),
                orderedMap((byte) 1, "a", (byte) 2, "b"));
        assertParsed("{\"a\":1,}", mapOf(Schema.STRING_SCHEMA, Schema.INT8_SCHEMA), Map.of("a", (byte) 1));
        assertParsed("{\"a\":1 \"b\":2}", mapOf(Schema.STRING_SCHEMA, Schema.INT8_SCHEMA),
                orderedMap("a", (byte) 1, "b", (byte) 2));
        assertInstanceOf(LinkedHashMap.class, Values.parseString("{\"a\":1}").value());
    }

    @Test
    void nestedMapsAndArrays() {
        assertParsed("{\"a\":[1,2]}", mapOf(Schema.STRING_SCHEMA, arrayOf(Schema.INT8_SCHEMA)),
                Map.of("a", List.of((byte) 1, (byte) 2)));
        assertParsed("{\"a\":{\"b\":1}}", mapOf(Schema.STRING_SCHEMA, mapOf(Schema.STRING_SCHEMA, Schema.INT8_SCHEMA)),
                Map.of("a", Map.of("b", (byte) 1)));
        assertParsed("[{\"a\":1},{\"b\":\"x\"}]", arrayOf(mapOf(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA)),
                List.of(Map.of("a", (byte) 1), Map.of("b", "x")));
    }

    @Test
    void mapsWithMixedKeysOrValues() {
        assertParsed("{\"a\":1, 2:2}", SchemaBuilder.type(Schema.Type.MAP).build(),
                orderedMap("a", (byte) 1, (byte) 2, (byte) 2));
        SchemaAndValue mixedValues = Values.parseString("{\"a\":1,\"b\":\"x\"}");
        assertEquals(Schema.Type.MAP, mixedValues.schema().type());
        assertEquals(Schema.STRING_SCHEMA, mixedValues.schema().keySchema());
        assertNull(mixedValues.schema().valueSchema());
        assertEquals(orderedMap("a", (byte) 1, "b", "x"), mixedValues.value());
    }

    private static Map<Object, Object> orderedMap(Object k1, Object v1, Object k2, Object v2) {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
