package org.apache.kafka.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected values were taken from Apache Kafka 4.3.1's TimestampConverter given the same inputs. */
class TimestampConverterTest {

    private static final String ISO_WITH_ERA = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX G";
    private static final long DAY = 86_400_000L;

    private static TimestampConverter<SourceRecord> valueConverter(Object... keyValues) {
        Map<String, Object> config = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put((String) keyValues[i], keyValues[i + 1]);
        }
        TimestampConverter<SourceRecord> converter = new TimestampConverter.Value<>();
        converter.configure(config);
        return converter;
    }

    private static SourceRecord record(Schema schema, Object value) {
        return new SourceRecord(null, null, "t", 0, null, null, schema, value, 1L);
    }

    private static Object convertTimestamp(long millis, String targetType, String precision) {
        return valueConverter("target.type", targetType, "unix.precision", precision, "format", ISO_WITH_ERA)
            .apply(record(Timestamp.SCHEMA, new Date(millis))).value();
    }

    private static Object convertUnix(long unix, String targetType, String precision) {
        return valueConverter("target.type", targetType, "unix.precision", precision, "format", ISO_WITH_ERA)
            .apply(record(Schema.INT64_SCHEMA, unix)).value();
    }

    static Stream<Arguments> timestampToTarget() {
        return Stream.of(
            Arguments.of(0L, "unix", "milliseconds", 0L),
            Arguments.of(1_600_000_000_123L, "unix", "seconds", 1_600_000_000L),
            Arguments.of(-1L, "unix", "seconds", 0L),
            Arguments.of(-1_001L, "unix", "seconds", -1L),
            Arguments.of(-1L, "unix", "microseconds", -1_000L),
            Arguments.of(1_600_000_000_123L, "unix", "nanoseconds", 1_600_000_000_123_000_000L),
            Arguments.of(Long.MAX_VALUE, "unix", "microseconds", Long.MAX_VALUE),
            Arguments.of(-62_135_596_800_000L, "unix", "nanoseconds", Long.MIN_VALUE),
            Arguments.of(253_402_300_799_999L, "unix", "nanoseconds", Long.MAX_VALUE),
            Arguments.of(-1L, "Date", "milliseconds", new Date(-DAY)),
            Arguments.of(86_399_999L, "Date", "milliseconds", new Date(0L)),
            Arguments.of(-86_400_001L, "Date", "milliseconds", new Date(-2 * DAY)),
            Arguments.of(1_600_000_000_123L, "Date", "milliseconds", new Date(1_599_955_200_000L)),
            Arguments.of(-12_219_292_800_001L, "Date", "milliseconds", new Date(-12_219_379_200_000L)),
            Arguments.of(Long.MIN_VALUE, "Date", "milliseconds", new Date(9_223_372_036_794_351_616L)),
            Arguments.of(-1L, "Time", "milliseconds", new Date(86_399_999L)),
            Arguments.of(-999L, "Time", "milliseconds", new Date(86_399_001L)),
            Arguments.of(1_600_000_000_123L, "Time", "milliseconds", new Date(44_800_123L)),
            Arguments.of(-100_000_000_000_000L, "Time", "milliseconds", new Date(51_200_000L)),
            Arguments.of(Long.MIN_VALUE, "Time", "milliseconds", new Date(60_424_192L)),
            Arguments.of(-1L, "Timestamp", "milliseconds", new Date(-1L)),
            Arguments.of(0L, "string", "milliseconds", "1970-01-01T00:00:00.000Z AD"),
            Arguments.of(-1L, "string", "milliseconds", "1969-12-31T23:59:59.999Z AD"),
            Arguments.of(-62_135_596_800_000L, "string", "milliseconds", "0001-01-03T00:00:00.000Z AD"),
            Arguments.of(-12_219_292_800_001L, "string", "milliseconds", "1582-10-04T23:59:59.999Z AD"),
            Arguments.of(-12_219_292_800_000L, "string", "milliseconds", "1582-10-15T00:00:00.000Z AD"),
            Arguments.of(-100_000_000_000_000L, "string", "milliseconds", "1200-02-26T14:13:20.000Z BC"),
            Arguments.of(Long.MAX_VALUE, "string", "milliseconds", "292278994-08-17T07:12:55.807Z AD"));
    }

    @ParameterizedTest(name = "Timestamp {0} -> {1} ({2})")
    @MethodSource("timestampToTarget")
    void convertsTimestampsToEveryTargetType(long millis, String targetType, String precision, Object expected) {
        assertEquals(expected, convertTimestamp(millis, targetType, precision));
    }

    static Stream<Arguments> unixToTimestamp() {
        return Stream.of(
            Arguments.of(1_600_000_000_123L, "milliseconds", 1_600_000_000_123L),
            Arguments.of(1_600_000_000_123L, "seconds", 1_600_000_000_123_000L),
            Arguments.of(-1L, "seconds", -1_000L),
            Arguments.of(Long.MAX_VALUE, "seconds", Long.MAX_VALUE),
            Arguments.of(Long.MIN_VALUE, "seconds", Long.MIN_VALUE),
            Arguments.of(-999L, "microseconds", 0L),
            Arguments.of(-1_001L, "microseconds", -1L),
            Arguments.of(1_234_567_890_123_456L, "microseconds", 1_234_567_890_123L),
            Arguments.of(86_399_999L, "nanoseconds", 86L),
            Arguments.of(-1_001L, "nanoseconds", 0L),
            Arguments.of(Long.MIN_VALUE, "nanoseconds", -9_223_372_036_854L));
    }

    @ParameterizedTest(name = "unix {0} in {1} -> epoch ms {2}")
    @MethodSource("unixToTimestamp")
    void readsUnixTimestampsInTheConfiguredPrecision(long unix, String precision, long expectedMillis) {
        assertEquals(new Date(expectedMillis), convertUnix(unix, "Timestamp", precision));
    }

    @Test
    void outputSchemaFollowsTargetTypeAndInputOptionality() {
        assertEquals(Schema.INT64_SCHEMA, valueConverter("target.type", "unix").apply(record(Timestamp.SCHEMA, new Date(5))).valueSchema());
        assertEquals(TimestampConverter.OPTIONAL_DATE_SCHEMA,
            valueConverter("target.type", "Date").apply(record(Schema.OPTIONAL_INT64_SCHEMA, 5L)).valueSchema());
        assertEquals(TimestampConverter.OPTIONAL_TIME_SCHEMA,
            valueConverter("target.type", "Time").apply(record(Schema.OPTIONAL_INT64_SCHEMA, 5L)).valueSchema());
        assertEquals(Schema.STRING_SCHEMA,
            valueConverter("target.type", "string", "format", "yyyy").apply(record(Time.SCHEMA, new Date(5))).valueSchema());
    }

    @Test
    void logicalNameWinsOverPhysicalType() {
        Schema namedInt64 = SchemaBuilder.int64().name("other").build();
        assertEquals(new Date(5L), valueConverter("target.type", "Timestamp").apply(record(namedInt64, 5L)).value());
    }

    @Test
    void parsesStringsWithTheFormatInUtcLeniently() {
        TimestampConverter<SourceRecord> converter = valueConverter("target.type", "unix", "format", "yyyy-MM-dd HH:mm:ss");
        assertEquals(1_577_934_245_000L, converter.apply(record(Schema.STRING_SCHEMA, "2020-01-02 03:04:05")).value());
        assertEquals(-1_000L, converter.apply(record(null, "1969-12-31 23:59:59")).value());
        assertEquals(1_613_623_239_000L, converter.apply(record(Schema.STRING_SCHEMA, "2020-13-45 99:99:99")).value());
        assertEquals(1_577_934_245_000L, converter.apply(record(null, "2020-01-02 03:04:05 trailing")).value());
    }

    @Test
    void unparseableStringFails() {
        DataException e = assertThrows(DataException.class,
            () -> valueConverter("target.type", "unix", "format", "yyyy-MM-dd").apply(record(Schema.STRING_SCHEMA, "garbage")));
        assertEquals("Could not parse timestamp: value (garbage) does not match pattern (yyyy-MM-dd)", e.getMessage());
    }

    @Test
    void schemalessInputTypeIsInferred() {
        TimestampConverter<SourceRecord> converter = valueConverter("target.type", "unix", "format", "yyyy");
        assertEquals(5L, converter.apply(record(null, new Date(5L))).value());
        assertEquals(5L, converter.apply(record(null, 5L)).value());
        assertEquals(0L, converter.apply(record(null, "1970")).value());
        DataException e = assertThrows(DataException.class, () -> converter.apply(record(null, 5)));
        assertEquals("TimestampConverter does not support class java.lang.Integer objects as timestamps", e.getMessage());
    }

    @Test
    void sqlTimestampPassesThroughToTimestampTarget() {
        java.sql.Timestamp sqlTimestamp = new java.sql.Timestamp(1_234L);
        assertSame(sqlTimestamp, valueConverter("target.type", "Timestamp").apply(record(null, sqlTimestamp)).value());
        assertEquals(new Date(0L), valueConverter("target.type", "Date").apply(record(null, sqlTimestamp)).value());
    }

    @Test
    void nullWholeValueStaysNullEvenWithSchemaDefault() {
        Schema withDefault = Timestamp.builder().optional().defaultValue(new Date(5)).build();
        SourceRecord result = valueConverter("target.type", "unix").apply(record(withDefault, null));
        assertNull(result.value());
        assertEquals(Schema.OPTIONAL_INT64_SCHEMA, result.valueSchema());
        assertNull(valueConverter("target.type", "unix").apply(record(null, null)).value());
    }

    @Test
    void valueOfTheWrongTypeForItsSchemaFails() {
        TimestampConverter<SourceRecord> converter = valueConverter("target.type", "unix", "format", "yyyy");
        assertEquals("Expected string timestamp to be a String, but found class java.lang.Long",
            assertThrows(DataException.class, () -> converter.apply(record(Schema.STRING_SCHEMA, 5L))).getMessage());
        assertEquals("Expected Unix timestamp to be a Long, but found class java.lang.String",
            assertThrows(DataException.class, () -> converter.apply(record(Schema.INT64_SCHEMA, "x"))).getMessage());
        assertEquals("Expected Timestamp to be a java.util.Date, but found class java.lang.Long",
            assertThrows(DataException.class, () -> converter.apply(record(Timestamp.SCHEMA, 5L))).getMessage());
    }

    @Test
    void unsupportedSchemaFailsWithConnectException() {
        ConnectException e = assertThrows(ConnectException.class,
            () -> valueConverter("target.type", "unix").apply(record(Schema.INT32_SCHEMA, 5)));
        assertFalse(e instanceof DataException);
        assertTrue(e.getMessage().endsWith("does not correspond to a known timestamp type format"), e.getMessage());
    }

    @Test
    void stringInputWithoutFormatFailsOnTheRecord() {
        TimestampConverter<SourceRecord> converter = valueConverter("target.type", "unix");
        assertThrows(NullPointerException.class, () -> converter.apply(record(null, "2020")));
    }

    private static final Schema STRUCT = SchemaBuilder.struct().name("S").version(2).doc("doc").optional()
        .field("ts", Schema.INT64_SCHEMA)
        .field("o", SchemaBuilder.int64().optional().defaultValue(7L).build())
        .field("x", Schema.STRING_SCHEMA)
        .build();

    private static Struct struct() {
        return new Struct(STRUCT).put("ts", 1_000L).put("o", null).put("x", "keep");
    }

    @Test
    void convertsOneStructFieldAndKeepsTheRest() {
        SourceRecord result = valueConverter("field", "ts", "target.type", "Timestamp").apply(record(STRUCT, struct()));
        Schema schema = result.valueSchema();
        assertEquals("S", schema.name());
        assertEquals(2, schema.version());
        assertEquals("doc", schema.doc());
        assertTrue(schema.isOptional());
        assertEquals(Timestamp.SCHEMA, schema.field("ts").schema());
        assertEquals(STRUCT.field("o").schema(), schema.field("o").schema());
        Struct value = (Struct) result.value();
        assertEquals(new Date(1_000L), value.get("ts"));
        assertEquals(7L, value.getWithoutDefault("o"));
        assertEquals("keep", value.get("x"));
    }

    @Test
    void nullFieldWithDefaultIsConvertedFromTheDefault() {
        SourceRecord result = valueConverter("field", "o", "target.type", "string", "format", "yyyy").apply(record(STRUCT, struct()));
        assertEquals(Schema.OPTIONAL_STRING_SCHEMA, result.valueSchema().field("o").schema(), "the converted field loses its default");
        assertEquals("1970", ((Struct) result.value()).get("o"));
        SourceRecord keptNull = valueConverter("field", "o", "target.type", "string", "format", "yyyy",
            "replace.null.with.default", false).apply(record(STRUCT, struct()));
        assertNull(((Struct) keptNull.value()).get("o"));
    }

    @Test
    void nullStructKeepsUpdatedSchema() {
        SourceRecord result = valueConverter("field", "ts", "target.type", "Date").apply(record(STRUCT, null));
        assertNull(result.value());
        assertEquals(org.apache.kafka.connect.data.Date.SCHEMA, result.valueSchema().field("ts").schema());
    }

    @Test
    void structDefaultValueIsConvertedToo() {
        SchemaBuilder builder = SchemaBuilder.struct().name("D").optional().field("ts", Schema.INT64_SCHEMA);
        builder.defaultValue(new Struct(builder).put("ts", DAY + 123L));
        SourceRecord result = valueConverter("field", "ts", "target.type", "Date").apply(record(builder.build(), null));
        Struct defaultValue = (Struct) result.valueSchema().defaultValue();
        assertEquals(new Date(DAY), defaultValue.get("ts"));
    }

    @Test
    void missingStructFieldLeavesTheStructAsItIs() {
        Struct value = (Struct) valueConverter("field", "zz", "target.type", "unix").apply(record(STRUCT, struct())).value();
        assertEquals(1_000L, value.get("ts"));
    }

    @Test
    void schemalessFieldIsConvertedAndMissingFieldBecomesNull() {
        Map<String, Object> map = new HashMap<>();
        map.put("ts", 1_000L);
        map.put("x", "keep");
        SourceRecord result = valueConverter("field", "ts", "target.type", "Time").apply(record(null, map));
        assertEquals(Map.of("ts", new Date(1_000L), "x", "keep"), result.value());
        assertEquals(1_000L, map.get("ts"), "input map is not changed");
        @SuppressWarnings("unchecked")
        Map<String, Object> missing = (Map<String, Object>) valueConverter("field", "zz", "target.type", "unix").apply(record(null, map)).value();
        assertTrue(missing.containsKey("zz"));
        assertNull(missing.get("zz"));
    }

    @Test
    void fieldModeNeedsStructOrMap() {
        TimestampConverter<SourceRecord> converter = valueConverter("field", "ts", "target.type", "unix");
        assertThrows(DataException.class, () -> converter.apply(record(null, "str")));
        assertThrows(DataException.class, () -> converter.apply(record(Schema.STRING_SCHEMA, "str")));
        assertNull(converter.apply(record(null, null)).value());
    }

    @Test
    void keyVariantConvertsTheKey() {
        TimestampConverter<SourceRecord> converter = new TimestampConverter.Key<>();
        converter.configure(Map.of("target.type", "unix"));
        SourceRecord result = converter.apply(new SourceRecord(null, null, "t", 0, Timestamp.SCHEMA, new Date(5L), Schema.STRING_SCHEMA, "v"));
        assertEquals(5L, result.key());
        assertEquals(Schema.INT64_SCHEMA, result.keySchema());
        assertEquals("v", result.value());
    }

    @Test
    void convertedTimeIsAJavaUtilDate() {
        assertInstanceOf(Date.class, convertUnix(5L, "Time", "milliseconds"));
    }

    @Test
    void configurationErrors() {
        ConfigException noFormat = assertThrows(ConfigException.class, () -> valueConverter("target.type", "string"));
        assertTrue(noFormat.getMessage().contains("format"), noFormat.getMessage());
        assertThrows(ConfigException.class, () -> valueConverter("target.type", "string", "format", " "));
        ConfigException badFormat = assertThrows(ConfigException.class, () -> valueConverter("target.type", "unix", "format", "qqq"));
        assertTrue(badFormat.getMessage().contains("SimpleDateFormat"), badFormat.getMessage());
        assertThrows(ConfigException.class, () -> valueConverter("target.type", "date"));
        assertThrows(ConfigException.class, () -> valueConverter());
        assertThrows(ConfigException.class, () -> valueConverter("target.type", "unix", "unix.precision", "minutes"));
    }
}
