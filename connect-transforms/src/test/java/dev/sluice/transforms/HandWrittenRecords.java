package dev.sluice.transforms;

import static dev.sluice.transforms.Descriptions.DAY_MILLIS;
import static dev.sluice.transforms.Descriptions.array;
import static dev.sluice.transforms.Descriptions.date;
import static dev.sluice.transforms.Descriptions.decimal;
import static dev.sluice.transforms.Descriptions.header;
import static dev.sluice.transforms.Descriptions.map;
import static dev.sluice.transforms.Descriptions.mapValue;
import static dev.sluice.transforms.Descriptions.optional;
import static dev.sluice.transforms.Descriptions.schema;
import static dev.sluice.transforms.Descriptions.sourceRecord;
import static dev.sluice.transforms.Descriptions.struct;
import static dev.sluice.transforms.Descriptions.structValue;
import static dev.sluice.transforms.Descriptions.time;
import static dev.sluice.transforms.Descriptions.timestamp;
import static dev.sluice.transforms.Descriptions.with;
import static dev.sluice.transforms.Descriptions.withDefault;
import static dev.sluice.transforms.Descriptions.withHeaders;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written records that every transform and predicate sees: the full field catalogue with typical,
 * extreme and null values, nested structs, arrays and maps, logical types, optional fields with
 * defaults, tombstones with and without schemas, primitives with and without schemas, and headers.
 * Each base record is used as a source record and as a sink record, and with key and value swapped.
 */
final class HandWrittenRecords {

    private HandWrittenRecords() {
    }

    /** Every hand-written record by label, in a stable order. */
    static Map<String, Map<String, Object>> all() {
        Map<String, Map<String, Object>> base = new LinkedHashMap<>();
        Map<String, Object> inner = struct("i64", schema("INT64"));
        Map<String, Object> nested = struct(
            "i32", schema("INT32"),
            "str", withDefault(optional("STRING"), "dflt"),
            "ts", timestamp(),
            "nested", optional(inner));
        Map<String, Object> full = struct(
            "i8", schema("INT8"),
            "i16", withDefault(optional("INT16"), (short) 16),
            "i32", schema("INT32"),
            "i64", schema("INT64"),
            "f32", schema("FLOAT32"),
            "f64", schema("FLOAT64"),
            "bool", withDefault(schema("BOOLEAN"), true),
            "str", schema("STRING"),
            "bytes", optional(schema("BYTES")),
            "dec", decimal(2),
            "date", date(),
            "time", time(),
            "ts", timestamp(),
            "ts_long", schema("INT64"),
            "ts_str", optional("STRING"),
            "nested", optional(nested),
            "arr", array(schema("INT32")),
            "map", map(schema("STRING"), optional("INT64")),
            "a.b", optional("STRING"));
        full.put("name", "com.example.Full");
        full.put("version", 2);
        full.put("doc", "every catalogue field");

        Object[] typical = structValue(full,
            "i8", (byte) 8, "i16", (short) 1600, "i32", 32, "i64", 6_400_000_000L, "f32", 3.25f, "f64", -2.5,
            "bool", false, "str", "hello", "bytes", new byte[]{1, 2, 3}, "dec", new BigDecimal("123.45"),
            "date", new Date(19_000 * DAY_MILLIS), "time", new Date(45_296_789L), "ts", new Date(1_709_214_300_123L),
            "ts_long", 1_709_214_300_123L, "ts_str", "2024-02-29 13:45:00.123",
            "nested", structValue(nested, "i32", 7, "str", "inner", "ts", new Date(-1L),
                "nested", structValue(inner, "i64", Long.MIN_VALUE)),
            "arr", List.of(1, -1, Integer.MAX_VALUE), "map", mapValue("k", 1L, "n", null), "a.b", "dotted");
        Object[] extremes = structValue(full,
            "i8", Byte.MIN_VALUE, "i16", Short.MAX_VALUE, "i32", Integer.MIN_VALUE, "i64", Long.MAX_VALUE,
            "f32", Float.NaN, "f64", -0.0, "bool", true, "str", "", "bytes", new byte[0],
            "dec", new BigDecimal("-0.01"), "date", new Date(-719_528 * DAY_MILLIS), "time", new Date(DAY_MILLIS - 1),
            "ts", new Date(Long.MIN_VALUE), "ts_long", -62_135_596_800_000L, "ts_str", "\u65e5\u672c\u8a9e",
            "nested", structValue(nested, "i32", 0, "ts", new Date(253_402_300_799_999L)),
            "arr", List.of(), "map", mapValue(), "a.b", null);
        Object[] nulls = structValue(full,
            "i8", (byte) 0, "i32", 0, "i64", 0L, "f32", Float.NEGATIVE_INFINITY, "f64", Double.MAX_VALUE,
            "str", "0", "dec", new BigDecimal("0.00"), "date", new Date(0), "time", new Date(0), "ts", new Date(0),
            "ts_long", 0L, "arr", Arrays.asList(1, 2), "map", mapValue("", null));
        Map<String, Object> key = struct("id", schema("INT64"), "i32", optional("INT32"));
        Object[] keyValue = structValue(key, "id", 1L, "i32", 5);

        base.put("full struct typical", sourceRecord(key, keyValue, full, typical));
        base.put("full struct extremes", sourceRecord(key, keyValue, full, extremes));
        base.put("full struct nulls and defaults", sourceRecord(null, null, full, nulls));
        base.put("tombstone with schemas", sourceRecord(key, keyValue, optional(full), null));
        base.put("tombstone without schemas", sourceRecord(null, "k", null, null));
        base.put("null key and value with schemas",
            sourceRecord(optional("STRING"), null, optional(schema("INT64")), null));

        base.put("schemaless map typical", sourceRecord(null, 17L, null, schemaless(typical)));
        base.put("schemaless map extremes", sourceRecord(null, mapValue("id", 1L), null, schemaless(extremes)));
        Map<Object, Object> hashed = new HashMap<>(schemaless(typical));
        hashed.put("nested", new HashMap<>((Map<?, ?>) hashed.get("nested")));
        base.put("schemaless hash map", sourceRecord(null, null, null, hashed));
        base.put("schemaless empty map", sourceRecord(null, null, null, mapValue()));
        base.put("schemaless map with null values", sourceRecord(null, null, null,
            mapValue("i32", null, "str", null, "ts", null, "nested", null)));
        base.put("schemaless map with wrong types", sourceRecord(null, null, null,
            mapValue("i32", "32", "str", 5, "ts", "2024-02-29 13:45:00.123", "ts_long", 1.5, "ts_str", 17L,
                "nested", List.of(1), "bool", "true", "dec", 1.25)));

        base.put("empty struct", sourceRecord(null, null, struct(), structValue(struct())));
        base.put("struct value without a schema", sourceRecord(null, null, null, typical));
        base.put("schemaless map holding a struct", sourceRecord(null, null, null,
            mapValue("i32", 1, "nested", structValue(key, "id", 2L))));
        Map<String, Object> optionalFields = struct(
            "i16", withDefault(optional("INT16"), (short) -3),
            "bool", withDefault(optional("BOOLEAN"), false),
            "f32", withDefault(optional("FLOAT32"), -0.0f),
            "str", withDefault(optional("STRING"), "dflt"),
            "ts", withDefault(optional(timestamp()), new Date(-86_400_000L)),
            "nested", optional(struct("i32", withDefault(optional("INT32"), 9))));
        base.put("defaulted fields all null", sourceRecord(null, null, optionalFields, structValue(optionalFields)));
        base.put("defaulted fields set", sourceRecord(null, null, optionalFields, structValue(optionalFields,
            "i16", (short) 1, "bool", true, "f32", 1.0f, "str", "set", "ts", new Date(5L))));
        Map<String, Object> optionalNested = struct("nested", optional(struct("i32", schema("INT32"))));
        base.put("optional struct field unset", sourceRecord(null, null, optionalNested, structValue(optionalNested)));

        Map<String, Object> unbuilt = struct("i32", schema("INT32"), "str", optional("STRING"),
            "nested", optional(inner));
        unbuilt.put("unbuilt", true);
        base.put("struct with an unbuilt SchemaBuilder schema", sourceRecord(null, null, unbuilt,
            structValue(unbuilt, "i32", 1, "str", "s", "nested", structValue(inner, "i64", 2L))));
        Map<String, Object> unbuiltString = optional("STRING");
        unbuiltString.put("unbuilt", true);
        base.put("string with an unbuilt SchemaBuilder schema", sourceRecord(null, null, unbuiltString, "2024-02-29"));

        Map<String, Object> defaultedNested = optional(struct("i32", schema("INT32"), "str", optional("STRING")));
        defaultedNested.put("default", mapValue("i32", 9, "str", "dflt"));
        Map<String, Object> withStructDefault = struct("i32", schema("INT32"), "nested", defaultedNested);
        base.put("struct field with a struct default, null", sourceRecord(null, null, withStructDefault,
            structValue(withStructDefault, "i32", 1)));
        base.put("struct field with a struct default, set", sourceRecord(null, null, withStructDefault,
            structValue(withStructDefault, "i32", 1, "nested", structValue(defaultedNested, "i32", 2))));

        primitives(base);

        base.put("headers of every kind", withHeaders(sourceRecord(key, keyValue, full, typical),
            header("h1", schema("STRING"), "v1"),
            header("h2", null, null),
            header("dup", schema("INT32"), 1),
            header("dup", optional("INT32"), null),
            header("ts", timestamp(), new Date(1_000L)),
            header("i32", struct("x", schema("INT32")), structValue(struct("x", schema("INT32")), "x", 3)),
            header("\u00e9", null, List.of("a", "b"))));
        base.put("topic with unicode and no partition", with(with(sourceRecord(null, "k", schema("STRING"), "v"),
            "topic", "t\u00f3pico-\u00fc"), "partition", null));
        base.put("null timestamp", with(sourceRecord(null, "k", schema("STRING"), "v"), "timestamp", null));
        base.put("pre-1970 timestamp", with(sourceRecord(null, "k", schema("STRING"), "v"), "timestamp", -1L));
        base.put("far-future timestamp", with(sourceRecord(null, "k", schema("STRING"), "v"), "timestamp",
            Long.MAX_VALUE));
        base.put("empty topic", with(sourceRecord(null, "k", schema("STRING"), "v"), "topic", ""));

        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> entry : base.entrySet()) {
            Map<String, Object> source = entry.getValue();
            Map<String, Object> sink = asSink(source);
            all.put(entry.getKey() + " (source)", source);
            all.put(entry.getKey() + " (sink)", sink);
            all.put(entry.getKey() + " (source, swapped)", Descriptions.swapped(source));
            all.put(entry.getKey() + " (sink, swapped)", Descriptions.swapped(sink));
        }
        return all;
    }

    private static void primitives(Map<String, Map<String, Object>> base) {
        Object[][] typed = {
            {"int32 value", schema("INT32"), 42},
            {"int64 value", schema("INT64"), 1_709_214_300_123L},
            {"negative int64 value", schema("INT64"), -1L},
            {"int8 value", schema("INT8"), (byte) -128},
            {"float64 NaN value", schema("FLOAT64"), Double.NaN},
            {"float32 infinity value", schema("FLOAT32"), Float.POSITIVE_INFINITY},
            {"boolean value", schema("BOOLEAN"), true},
            {"string number value", schema("STRING"), "42"},
            {"string timestamp value", schema("STRING"), "2024-02-29 13:45:00.123"},
            {"string unicode value", schema("STRING"), "\uD83D\uDE00"},
            {"empty string value", schema("STRING"), ""},
            {"bytes value", schema("BYTES"), new byte[]{0, -1}},
            {"byte buffer value", schema("BYTES"), ByteBuffer.wrap(new byte[]{1, 2, 3, 4}, 1, 2)},
            {"byte buffer slice value", schema("BYTES"), ByteBuffer.wrap(new byte[]{1, 2, 3, 4, 5}, 1, 3).slice()},
            {"direct byte buffer value", schema("BYTES"), directBuffer(new byte[]{1, 2, 3, 4}, 1, 3)},
            {"decimal value", decimal(3), new BigDecimal("-1.500")},
            {"date value", date(), new Date(-DAY_MILLIS)},
            {"time value", time(), new Date(1L)},
            {"timestamp value", timestamp(), new Date(1_709_214_300_123L)},
            {"optional null int32 value", optional("INT32"), null},
            {"defaulted null int32 value", withDefault(optional("INT32"), 5), null},
            {"array value", array(optional("STRING")), Arrays.asList("a", null)},
            {"map value", map(schema("INT32"), schema("STRING")), mapValue(1, "one", 2, "two")},
        };
        for (Object[] row : typed) {
            @SuppressWarnings("unchecked")
            Map<String, Object> valueSchema = (Map<String, Object>) row[1];
            base.put((String) row[0], sourceRecord(schema("STRING"), "key", valueSchema, row[2]));
        }
        Object[][] schemaless = {
            {"schemaless int", 42},
            {"schemaless long", 1_709_214_300_123L},
            {"schemaless double", -0.0},
            {"schemaless string", "hello"},
            {"schemaless timestamp string", "2024-02-29 13:45:00.123"},
            {"schemaless date", new Date(-5L)},
            {"schemaless boolean", false},
            {"schemaless bytes", new byte[]{9}},
            {"schemaless decimal", new BigDecimal("1E+3")},
            {"schemaless big integer", new BigInteger("-123456789012345678901234567890")},
            {"schemaless byte buffer", ByteBuffer.wrap(new byte[]{7, 8, 9})},
            {"schemaless list", new ArrayList<>(List.of(1, "two"))},
        };
        for (Object[] row : schemaless) {
            base.put((String) row[0], sourceRecord(null, null, null, row[1]));
        }
    }

    /** A direct buffer holding {@code bytes}, with the given position and limit. */
    private static ByteBuffer directBuffer(byte[] bytes, int position, int limit) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length);
        buffer.put(bytes);
        buffer.limit(limit);
        buffer.position(position);
        return buffer;
    }

    /** The schemaless form of a struct value description: maps for structs, recursively. */
    @SuppressWarnings("unchecked")
    static Map<Object, Object> schemaless(Object[] struct) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : ((Map<String, Object>) struct[2]).entrySet()) {
            Object value = field.getValue();
            map.put(field.getKey(), value instanceof Object[] ? schemaless((Object[]) value) : value);
        }
        return map;
    }

    private static Map<String, Object> asSink(Map<String, Object> source) {
        Map<String, Object> sink = new LinkedHashMap<>(source);
        sink.remove("sourcePartition");
        sink.remove("sourceOffset");
        sink.put("sink", true);
        if (sink.get("partition") == null) {
            sink.put("partition", 3);
        }
        sink.put("offset", 42L);
        sink.put("timestampType", sink.get("timestamp") == null ? "NO_TIMESTAMP_TYPE" : "CREATE_TIME");
        return sink;
    }
}
