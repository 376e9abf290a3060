package dev.sluice.json;

import static dev.sluice.json.ConnectCaseGenerator.DATE;
import static dev.sluice.json.ConnectCaseGenerator.TIME;
import static dev.sluice.json.ConnectCaseGenerator.TIMESTAMP;
import static dev.sluice.json.ConnectCaseGenerator.decimal;
import static dev.sluice.json.ConnectCaseGenerator.logical;
import static dev.sluice.json.ConnectCaseGenerator.primitive;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Hand-picked (label, schema description, value description) cases for the differential test. */
final class HandWrittenCases {

    private HandWrittenCases() {
    }

    static List<Object[]> all() {
        List<Object[]> cases = new ArrayList<>();
        primitives(cases);
        logicalTypes(cases);
        optionalsAndDefaults(cases);
        containers(cases);
        schemaless(cases);
        mismatches(cases);
        deepNesting(cases);
        return cases;
    }

    private static void add(List<Object[]> cases, String label, Object schema, Object value) {
        cases.add(new Object[]{label, schema, value});
    }

    private static Map<String, Object> with(Map<String, Object> schema, Object... keyValues) {
        Map<String, Object> copy = new LinkedHashMap<>(schema);
        for (int i = 0; i < keyValues.length; i += 2) {
            copy.put((String) keyValues[i], keyValues[i + 1]);
        }
        return copy;
    }

    private static void primitives(List<Object[]> cases) {
        for (Object v : new Object[]{Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0}) {
            add(cases, "int8 " + v, primitive("INT8"), v);
        }
        for (Object v : new Object[]{Short.MIN_VALUE, Short.MAX_VALUE, (short) -1}) {
            add(cases, "int16 " + v, primitive("INT16"), v);
        }
        for (Object v : new Object[]{Integer.MIN_VALUE, Integer.MAX_VALUE, 0}) {
            add(cases, "int32 " + v, primitive("INT32"), v);
        }
        for (Object v : new Object[]{Long.MIN_VALUE, Long.MAX_VALUE, 1L << 53, (1L << 53) + 1}) {
            add(cases, "int64 " + v, primitive("INT64"), v);
        }
        for (Object v : new Object[]{Float.NaN, 0.0f, -0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.MIN_VALUE, Float.MAX_VALUE, 0.1f, 1e10f, 1.0e-7f, 16777217f}) {
            add(cases, "float32 " + v, primitive("FLOAT32"), v);
        }
        for (Object v : new Object[]{Double.NaN, 0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, Double.MAX_VALUE, 0.1, 1e300, 2e-3, 1.0E7, 1.0E-3, 123456789.125, 4.9e-324}) {
            add(cases, "float64 " + v, primitive("FLOAT64"), v);
        }
        add(cases, "boolean true", primitive("BOOLEAN"), true);
        add(cases, "boolean false", primitive("BOOLEAN"), false);
        for (String s : new String[]{"", "x", "\uD83D\uDE00", "\uD800", "\uDFFF", "\u0000\u001f\u007f", "\u2028",
            "\"\\/\b\f\n\r\t", "\u00e9\u65e5\uFFFF", "a".repeat(10_000)}) {
            add(cases, "string " + s.length(), primitive("STRING"), s);
        }
        add(cases, "string from a StringBuilder", primitive("STRING"), new StringBuilder("built"));
        add(cases, "bytes empty", primitive("BYTES"), new byte[0]);
        add(cases, "bytes", primitive("BYTES"), new byte[]{0, -1, 127, -128, 42});
        add(cases, "bytes buffer slice", primitive("BYTES"), ByteBuffer.wrap(new byte[]{1, 2, 3, 4, 5}, 1, 3));
        add(cases, "bytes buffer after get", primitive("BYTES"), advanced(ByteBuffer.wrap(new byte[]{9, 8, 7})));
    }

    private static ByteBuffer advanced(ByteBuffer buffer) {
        buffer.get();
        return buffer;
    }

    private static void logicalTypes(List<Object[]> cases) {
        BigDecimal[] decimals = {
            new BigDecimal("0"), new BigDecimal("1.50"), new BigDecimal("-1.50"), new BigDecimal("0.00"),
            new BigDecimal(new BigInteger("123456789012345678901234567890123456789012345678901234567890"), 2),
            new BigDecimal(BigInteger.valueOf(Long.MIN_VALUE), 2),
        };
        for (BigDecimal d : decimals) {
            add(cases, "decimal " + d, decimal(d.scale()), d);
        }
        add(cases, "decimal negative scale", decimal(-3), new BigDecimal(BigInteger.valueOf(12345), -3));
        add(cases, "decimal huge scale", decimal(40), new BigDecimal(BigInteger.ONE, 40));
        add(cases, "decimal scale mismatch", decimal(2), new BigDecimal("1.5"));
        add(cases, "decimal not a BigDecimal", decimal(2), 1.5);
        for (long days : new long[]{0, -1, -719528, 2932896, 18000}) {
            add(cases, "date " + days, logical("INT32", DATE), new java.util.Date(days * 86_400_000L));
        }
        add(cases, "date with time of day", logical("INT32", DATE), new java.util.Date(5));
        add(cases, "date not a Date", logical("INT32", DATE), 5);
        for (long millis : new long[]{0, 86_399_999, 12_345}) {
            add(cases, "time " + millis, logical("INT32", TIME), new java.util.Date(millis));
        }
        add(cases, "time before epoch", logical("INT32", TIME), new java.util.Date(-1));
        for (long millis : new long[]{Long.MIN_VALUE, Long.MAX_VALUE, -62135596800000L, 253402300799999L, -1, 0}) {
            add(cases, "timestamp " + millis, logical("INT64", TIMESTAMP), new java.util.Date(millis));
        }
        add(cases, "timestamp as java.sql.Timestamp", logical("INT64", TIMESTAMP), new java.sql.Timestamp(1234));
        add(cases, "logical name on another type", with(primitive("STRING"), "name", TIMESTAMP), new java.util.Date(7));
        add(cases, "decimal name without scale", with(primitive("BYTES"), "name", ConnectCaseGenerator.DECIMAL),
            new BigDecimal("1.5"));
        add(cases, "optional decimal null", with(decimal(2), "optional", true), null);
        add(cases, "decimal default", with(decimal(2), "default", new BigDecimal("9.99")), null);
        add(cases, "date default", with(logical("INT32", DATE), "default", new java.util.Date(86_400_000L)), null);
    }

    private static void optionalsAndDefaults(List<Object[]> cases) {
        add(cases, "required null", primitive("INT32"), null);
        add(cases, "optional null", with(primitive("INT32"), "optional", true), null);
        add(cases, "required null with default", with(primitive("INT32"), "default", 42), null);
        add(cases, "optional null with default", with(primitive("STRING"), "optional", true, "default", "d"), null);
        add(cases, "value with default", with(primitive("INT64"), "default", 1L), 2L);
        add(cases, "described schema", with(primitive("INT16"), "name", "n", "version", 3, "doc", "the doc",
            "params", new LinkedHashMap<>(Map.of("k", "v"))), (short) 5);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("z", "1");
        params.put("a", "\u00e9\"");
        add(cases, "parameters keep order", with(primitive("STRING"), "params", params), "p");
        add(cases, "empty parameters", with(primitive("STRING"), "params", new LinkedHashMap<>()), "p");
        add(cases, "array default", with(arrayOf(primitive("INT32")), "default", List.of(1, 2)), null);
        add(cases, "map default", with(mapOf(primitive("STRING"), primitive("INT32")), "default", Map.of("a", 1)),
            null);
        add(cases, "bytes default", with(primitive("BYTES"), "default", new byte[]{1, 2}), null);
        add(cases, "float default", with(primitive("FLOAT32"), "default", 1.5f), null);
        add(cases, "double NaN default", with(primitive("FLOAT64"), "default", Double.NaN), null);

        Map<String, Object> struct = structOf(
            "req", primitive("INT32"),
            "opt", with(primitive("STRING"), "optional", true),
            "def", with(primitive("INT64"), "default", 7L),
            "optDef", with(primitive("BOOLEAN"), "optional", true, "default", true),
            "defArr", with(arrayOf(primitive("STRING")), "default", List.of("x")));
        add(cases, "struct with unset fields", struct, struct(struct, "req", 1));
        add(cases, "struct with all fields", struct, struct(struct, "req", 1, "opt", "o", "def", 8L, "optDef", false,
            "defArr", List.of()));
        add(cases, "struct with required field unset", struct, struct(struct, "opt", "o"));
        Map<String, Object> optionalStruct = with(struct, "optional", true, "name", "com.example.Record",
            "version", 2, "doc", "doc");
        add(cases, "optional struct null", optionalStruct, null);
        add(cases, "optional struct", optionalStruct, struct(optionalStruct, "req", 3));
    }

    private static void containers(List<Object[]> cases) {
        add(cases, "array of int32", arrayOf(primitive("INT32")), List.of(1, 2, 3));
        add(cases, "empty array", arrayOf(primitive("INT32")), List.of());
        add(cases, "array with nulls", arrayOf(with(primitive("INT32"), "optional", true)),
            Arrays.asList(1, null, 3));
        add(cases, "array with null defaults", arrayOf(with(primitive("INT32"), "default", 9)),
            Arrays.asList(1, null));
        add(cases, "array given a set", arrayOf(primitive("STRING")), Set.of("only"));
        add(cases, "map string keys", mapOf(primitive("STRING"), primitive("INT32")), ordered("a", 1, "b", 2));
        add(cases, "map empty", mapOf(primitive("STRING"), primitive("INT32")), new LinkedHashMap<>());
        add(cases, "map int keys", mapOf(primitive("INT32"), primitive("STRING")), ordered(1, "a", -2, "b"));
        add(cases, "map boolean keys", mapOf(primitive("BOOLEAN"), primitive("STRING")), ordered(true, "t"));
        add(cases, "map double keys", mapOf(primitive("FLOAT64"), primitive("STRING")),
            ordered(Double.NaN, "nan", -0.0, "negative zero"));
        add(cases, "map bytes keys", mapOf(primitive("BYTES"), primitive("STRING")), ordered(new byte[]{1}, "one"));
        Map<String, Object> keyStruct = structOf("id", primitive("INT32"), "tag", primitive("STRING"));
        add(cases, "map struct keys", mapOf(keyStruct, primitive("INT64")),
            ordered(struct(keyStruct, "id", 1, "tag", "a"), 10L, struct(keyStruct, "id", 2, "tag", "b"), 20L));
        add(cases, "map array keys", mapOf(arrayOf(primitive("INT8")), primitive("BOOLEAN")),
            ordered(List.of((byte) 1, (byte) 2), true));
        Map<String, Object> optionalKey = with(primitive("STRING"), "optional", true);
        add(cases, "map null string key", mapOf(optionalKey, primitive("INT32")), ordered(null, 1, "a", 2));
        add(cases, "map null key colliding with \"null\"", mapOf(optionalKey, primitive("INT32")),
            ordered("null", 1, null, 2, "z", 3));
        add(cases, "map null key with default", mapOf(with(primitive("STRING"), "default", "dflt"), primitive("INT32")),
            ordered(null, 1, "dflt", 2));
        add(cases, "map required null key", mapOf(primitive("STRING"), primitive("INT32")), ordered(null, 1));
        add(cases, "map StringBuilder keys", mapOf(primitive("STRING"), primitive("INT32")),
            ordered(new StringBuilder("k"), 1, new StringBuilder("k"), 2));
        add(cases, "map logical string keys", mapOf(with(primitive("STRING"), "name", TIMESTAMP), primitive("INT32")),
            ordered(new java.util.Date(5), 1));
        add(cases, "map null values", mapOf(primitive("STRING"), with(primitive("INT32"), "optional", true)),
            ordered("a", null));
        add(cases, "map as a TreeMap", mapOf(primitive("STRING"), primitive("INT32")), new TreeMap<>(Map.of("b", 2, "a", 1)));

        Map<String, Object> inner = structOf("x", primitive("FLOAT64"), "tags", arrayOf(primitive("STRING")));
        Map<String, Object> outer = structOf("id", primitive("INT64"), "inner", inner,
            "byName", mapOf(primitive("STRING"), inner), "byId", mapOf(primitive("INT32"), arrayOf(inner)));
        Object innerValue = struct(inner, "x", -0.0, "tags", List.of("\uD83D\uDE00", ""));
        add(cases, "nested struct, array and map", outer, struct(outer, "id", Long.MIN_VALUE, "inner", innerValue,
            "byName", ordered("k", innerValue), "byId", ordered(7, List.of(innerValue, innerValue))));
    }

    private static void schemaless(List<Object[]> cases) {
        add(cases, "schemaless null", null, null);
        for (Object v : new Object[]{(byte) 1, (short) 2, 3, 4L, 5.5f, 6.5, true, "s", new byte[]{1, 2},
            ByteBuffer.wrap(new byte[]{3, 4}), Float.NaN, -0.0, Double.NEGATIVE_INFINITY}) {
            add(cases, "schemaless " + v.getClass().getSimpleName(), null, v);
        }
        add(cases, "schemaless list", null, Arrays.asList(1, "a", null, 2.5f, List.of()));
        add(cases, "schemaless string map", null, ordered("a", 1, "b", Arrays.asList(null, true)));
        add(cases, "schemaless mixed-key map", null, ordered("a", 1, 2, "two"));
        add(cases, "schemaless null key", null, ordered(null, 1));
        add(cases, "schemaless HashMap", null, new HashMap<>(Map.of("x", 1, "y", 2, "z", 3)));
        add(cases, "schemaless nested maps", null, ordered("m", ordered(1L, ordered("deep", List.of(ordered())))));
        add(cases, "schemaless StringBuilder", null, new StringBuilder("no"));
        add(cases, "schemaless BigDecimal", null, new BigDecimal("1.5"));
        add(cases, "schemaless Date", null, new java.util.Date(0));
        add(cases, "schemaless set", null, Set.of(1));
        Map<String, Object> s = structOf("a", primitive("INT32"));
        add(cases, "schemaless struct", null, struct(s, "a", 1));
        add(cases, "schemaless list of structs", null, List.of(struct(s, "a", 1)));
    }

    private static void mismatches(List<Object[]> cases) {
        add(cases, "int32 given a string", primitive("INT32"), "1");
        add(cases, "int64 given an int", primitive("INT64"), 1);
        add(cases, "float64 given a float", primitive("FLOAT64"), 1.0f);
        add(cases, "string given an int", primitive("STRING"), 1);
        add(cases, "bytes given a string", primitive("BYTES"), "AQ==");
        add(cases, "array given a map", arrayOf(primitive("INT32")), Map.of());
        add(cases, "map given a list", mapOf(primitive("STRING"), primitive("INT32")), List.of());
        add(cases, "struct given a map", structOf("a", primitive("INT32")), Map.of("a", 1));
        Map<String, Object> a = structOf("a", primitive("INT32"));
        Map<String, Object> b = structOf("b", primitive("INT32"));
        add(cases, "struct of another schema", a, struct(b, "b", 1));
        add(cases, "struct of an equal schema", a, struct(structOf("a", primitive("INT32")), "a", 1));
        add(cases, "array element of the wrong type", arrayOf(primitive("INT32")), List.of(1, "two"));
        Map<String, Object> unbuilt = with(structOf("a", primitive("INT32")), "unbuilt", true);
        add(cases, "struct of a schema builder", unbuilt, struct(unbuilt, "a", 1));
        add(cases, "schema builder int", with(primitive("INT32"), "unbuilt", true), 3);
    }

    private static void deepNesting(List<Object[]> cases) {
        for (int depth : new int[]{50, 999, 1000, 1001, 1500}) {
            Map<String, Object> schema = primitive("INT32");
            Object value = 1;
            for (int i = 0; i < depth; i++) {
                schema = arrayOf(schema);
                value = List.of(value);
            }
            add(cases, "arrays nested " + depth + " deep", schema, value);
            if (depth == 50) {
                Object schemaless = "leaf";
                for (int i = 0; i < depth; i++) {
                    schemaless = i % 2 == 0 ? List.of(schemaless) : ordered("k" + i, schemaless);
                }
                add(cases, "schemaless nested " + depth + " deep", null, schemaless);
                Map<String, Object> struct = structOf("leaf", with(primitive("STRING"), "optional", true));
                Object structValue = struct(struct, "leaf", "v");
                for (int i = 0; i < depth; i++) {
                    Map<String, Object> outer = structOf("child", struct, "n", primitive("INT32"));
                    structValue = struct(outer, "child", structValue, "n", i);
                    struct = outer;
                }
                add(cases, "structs nested " + depth + " deep", struct, structValue);
            }
        }
    }

    static Map<String, Object> arrayOf(Map<String, Object> items) {
        Map<String, Object> schema = primitive("ARRAY");
        schema.put("items", items);
        return schema;
    }

    static Map<String, Object> mapOf(Map<String, Object> keys, Map<String, Object> values) {
        Map<String, Object> schema = primitive("MAP");
        schema.put("keys", keys);
        schema.put("values", values);
        return schema;
    }

    static Map<String, Object> structOf(Object... namesAndSchemas) {
        Map<String, Object> schema = primitive("STRUCT");
        List<Object> fields = new ArrayList<>();
        for (int i = 0; i < namesAndSchemas.length; i += 2) {
            fields.add(List.of(namesAndSchemas[i], namesAndSchemas[i + 1]));
        }
        schema.put("fields", fields);
        return schema;
    }

    static Object[] struct(Map<String, Object> schema, Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Object[]{"struct", schema, values};
    }

    static Map<Object, Object> ordered(Object... keysAndValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
