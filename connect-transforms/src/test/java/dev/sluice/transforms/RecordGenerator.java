package dev.sluice.transforms;

import static dev.sluice.transforms.Descriptions.DAY_MILLIS;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;

/**
 * Seeded random records in the neutral form that {@link TransformDriver} reads, aimed at the built-in
 * transforms: keys and values are structs (with schema), maps (schemaless), primitives with or without
 * schema, arrays, maps with schema, or null (tombstones); struct fields come from a fixed catalogue of
 * names ({@code i8 .. f64, bool, str, bytes, dec, date, time, ts, ts_long, ts_str, nested, arr, map})
 * that the tested configurations refer to, sometimes optional, defaulted, unset, out of order or of an
 * unexpected type. Values reach the edges: NaN, signed zeros, infinities, integer extremes, timestamps
 * far before 1970 and far after, empty, numeric-looking and unicode strings, and nulls wherever a schema
 * allows them. Records are source or sink records with random topics, partitions, timestamps and headers.
 * A few top-level schemas are unbuilt {@code SchemaBuilder}s, as some source tasks hand them over.
 */
final class RecordGenerator {

    /** Names of the primitive-typed fields of the catalogue with their natural type. */
    private static final String[][] PRIMITIVE_FIELDS = {
        {"i8", "INT8"}, {"i16", "INT16"}, {"i32", "INT32"}, {"i64", "INT64"}, {"f32", "FLOAT32"},
        {"f64", "FLOAT64"}, {"bool", "BOOLEAN"}, {"str", "STRING"}, {"bytes", "BYTES"}, {"dec", "Decimal"},
        {"date", "Date"}, {"time", "Time"}, {"ts", "Timestamp"}, {"ts_long", "INT64"}, {"ts_str", "STRING"},
    };
    private static final String[] TYPES = {
        "INT8", "INT16", "INT32", "INT64", "FLOAT32", "FLOAT64", "BOOLEAN", "STRING", "BYTES", "Decimal", "Date",
        "Time", "Timestamp",
    };
    private static final String[] STRINGS = {
        "", "a", "plain ascii", "h\u00e9llo w\u00f6rld", "\u65e5\u672c\u8a9e", "\uD83D\uDE00 smile", "\uD800",
        "\u0000\u0001", "quote\" back\\slash", "\t\n", "null", "42", "-7", "0", "3.5", "-0.0", "1e10", "NaN",
        "Infinity", "true", "false", "TRUE", " 5 ", "2147483648", "9223372036854775808", "127", "-129",
        "2024-02-29", "1969-12-31 23:59:59.999", "{\"a\":1}", "[1,2]", "i32", "nested.i32",
    };
    private static final String[] TOPICS = {"orders", "orders-2024", "", "t\u00f3pico-\u00fc", "a.b_c", "x", "ORDERS"};
    private static final String[] HEADER_KEYS = {"h1", "h2", "i32", "str", "ts", "dup", "", "\u00e9"};
    private static final String[] TIMESTAMP_FORMATS = {
        "yyyy-MM-dd HH:mm:ss.SSS", "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss'Z'", "HH:mm:ss", "yyyyMMdd",
    };

    private static final double SPARSE = 0.4;
    private static final double DENSE = 0.92;

    private final Random random;
    private final Map<String, SimpleDateFormat> formats = new HashMap<>();
    /** Struct schemas used before: most records reuse one, as the records of a topic share few schemas. */
    private final List<Map<String, Object>> sparseStructSchemas = new ArrayList<>();
    /** Struct schemas used before that have (nearly) every field of the catalogue. */
    private final List<Map<String, Object>> denseStructSchemas = new ArrayList<>();

    RecordGenerator(long seed) {
        this.random = new Random(seed);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(T[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** A random source or sink record. */
    Map<String, Object> record() {
        boolean sink = random.nextBoolean();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("sink", sink);
        record.put("topic", chance(0.01) ? null : pick(TOPICS));
        record.put("partition", sink || chance(0.8) ? pick(new Integer[]{0, 1, 7, Integer.MAX_VALUE}) : null);
        Object[] key = keyOrValue(chance(0.3));
        record.put("keySchema", key[0]);
        record.put("key", key[1]);
        Object[] value = keyOrValue(false);
        record.put("valueSchema", value[0]);
        record.put("value", value[1]);
        record.put("timestamp", sink && chance(0.1) ? null : chance(0.15) ? null : timestampMillis());
        record.put("headers", headers());
        if (sink) {
            record.put("offset", pick(new Long[]{0L, 42L, Long.MAX_VALUE, (long) random.nextInt(1_000_000)}));
            record.put("timestampType", pick(new String[]{"CREATE_TIME", "LOG_APPEND_TIME", "NO_TIMESTAMP_TYPE"}));
        } else {
            record.put("sourcePartition", chance(0.2) ? null : Descriptions.mapValue("file", pick(STRINGS)));
            record.put("sourceOffset", chance(0.2) ? null : Descriptions.mapValue("position", random.nextLong()));
        }
        return record;
    }

    /** A schema and value pair for a key or a value: {@code [schema description, value description]}. */
    private Object[] keyOrValue(boolean simple) {
        int shape = random.nextInt(100);
        if (simple && shape < 65) {
            shape = 65 + random.nextInt(35);
        }
        if (shape < 45) {
            Map<String, Object> schema = recurringStructSchema(shape < 28 ? sparseStructSchemas : denseStructSchemas);
            if (Boolean.TRUE.equals(schema.get("optional")) && chance(0.4)) {
                return new Object[]{schema, null};
            }
            return new Object[]{schema, structValue(schema, 2, true)};
        }
        if (shape < 63) {
            return new Object[]{null, schemalessMap(2, shape < 55 ? SPARSE : DENSE)};
        }
        if (shape < 77) {
            Map<String, Object> schema = primitiveSchema(pick(TYPES));
            decorate(schema);
            if (chance(0.05)) {
                schema.put("unbuilt", true);
            }
            return new Object[]{schema, valueFor(schema, 1)};
        }
        if (shape < 85) {
            return new Object[]{null, schemalessPrimitive()};
        }
        if (shape < 90) {
            Map<String, Object> schema = chance(0.5) ? arraySchema(1) : mapSchema(1);
            if (chance(0.3)) {
                Descriptions.optional(schema);
            }
            return new Object[]{schema, valueFor(schema, 1)};
        }
        if (shape < 95) {
            Map<String, Object> schema = chance(0.5) ? structSchema(1, SPARSE) : primitiveSchema(pick(TYPES));
            return new Object[]{Descriptions.optional(schema), null};
        }
        return new Object[]{null, null};
    }

    /** A struct schema for a key or value, new or (more often, once there are some) one used before. */
    private Map<String, Object> recurringStructSchema(List<Map<String, Object>> used) {
        if (used.size() >= 8 && chance(0.7)) {
            return used.get(random.nextInt(used.size()));
        }
        Map<String, Object> schema = structSchema(2, used == denseStructSchemas ? DENSE : SPARSE);
        if (chance(0.1)) {
            Descriptions.optional(schema);
        }
        if (chance(0.06)) {
            schema.put("unbuilt", true);
        }
        used.add(schema);
        return schema;
    }

    /**
     * A struct schema over a random selection of the catalogue (each field with the given probability at the
     * top level, fewer below), in catalogue order or shuffled.
     */
    Map<String, Object> structSchema(int depth, double presence) {
        List<Object> fields = new ArrayList<>();
        for (String[] field : PRIMITIVE_FIELDS) {
            if (chance(depth > 1 ? presence : 0.2)) {
                String type = chance(0.07) ? pick(TYPES) : field[1];
                Map<String, Object> schema = primitiveSchema(type);
                decorate(schema);
                fields.add(Arrays.asList(field[0], schema));
            }
        }
        if (depth > 0 && chance(0.5)) {
            Map<String, Object> nested = structSchema(depth - 1, SPARSE);
            if (chance(0.3)) {
                Descriptions.optional(nested);
            }
            if (chance(0.1)) {
                nested.put("default", structValue(nested, depth - 1, false)[2]);
            }
            fields.add(Arrays.asList("nested", nested));
        }
        if (depth > 0 && chance(0.35)) {
            fields.add(Arrays.asList("arr", arraySchema(depth - 1)));
        }
        if (depth > 0 && chance(0.35)) {
            fields.add(Arrays.asList("map", mapSchema(depth - 1)));
        }
        if (chance(0.1)) {
            fields.add(Arrays.asList(pick(new String[]{"a.b", "nested.i32", "\u00fcml", "x y"}),
                Descriptions.optional("STRING")));
        }
        if (chance(0.2)) {
            Collections.shuffle(fields, random);
        }
        Map<String, Object> schema = Descriptions.structOf(fields);
        if (chance(0.15)) {
            schema.put("name", pick(new String[]{"com.example.Order", "Order", "\u00e9v\u00e9nement"}));
        }
        if (chance(0.1)) {
            schema.put("version", random.nextInt(4));
        }
        if (chance(0.08)) {
            schema.put("doc", "a struct");
        }
        if (chance(0.05)) {
            schema.put("parameters", new LinkedHashMap<>(Map.of("origin", "generator")));
        }
        return schema;
    }

    private Map<String, Object> arraySchema(int depth) {
        Map<String, Object> items;
        switch (random.nextInt(4)) {
            case 0: items = primitiveSchema("INT32"); break;
            case 1: items = Descriptions.optional("STRING"); break;
            case 2: items = depth > 0 ? structSchema(depth - 1, SPARSE) : primitiveSchema("FLOAT64"); break;
            default: items = primitiveSchema(pick(TYPES));
        }
        return Descriptions.array(items);
    }

    private Map<String, Object> mapSchema(int depth) {
        Map<String, Object> keys = chance(0.7) ? primitiveSchema("STRING") : primitiveSchema(pick(TYPES));
        Map<String, Object> values;
        switch (random.nextInt(3)) {
            case 0: values = Descriptions.optional("INT64"); break;
            case 1: values = depth > 0 ? structSchema(depth - 1, SPARSE) : primitiveSchema("BOOLEAN"); break;
            default: values = primitiveSchema(pick(TYPES));
        }
        return Descriptions.map(keys, values);
    }

    static Map<String, Object> primitiveSchema(String type) {
        switch (type) {
            case "Decimal": return Descriptions.decimal(2);
            case "Date": return Descriptions.date();
            case "Time": return Descriptions.time();
            case "Timestamp": return Descriptions.timestamp();
            default: return Descriptions.schema(type);
        }
    }

    /** Adds optionality, defaults, docs and parameters at random. */
    private void decorate(Map<String, Object> schema) {
        if (chance(0.4)) {
            schema.put("optional", true);
        }
        if (chance(0.2)) {
            schema.put("default", nonNullValue(schema, 0));
        }
        if (chance(0.05)) {
            schema.put("doc", pick(STRINGS));
        }
        if (!schema.containsKey("name") && chance(0.04)) {
            schema.put("name", "com.example.Named");
        }
        if (!schema.containsKey("parameters") && chance(0.04)) {
            schema.put("parameters", new LinkedHashMap<>(Map.of("p", "v")));
        }
    }

    /**
     * A struct value. Only a top-level struct may leave a required field unset: Connect validates
     * a struct completely when it is put into another struct, a list, a map or a header.
     */
    @SuppressWarnings("unchecked")
    private Object[] structValue(Map<String, Object> schema, int depth, boolean topLevel) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Object f : (List<Object>) schema.get("fields")) {
            List<Object> field = (List<Object>) f;
            Map<String, Object> fieldSchema = (Map<String, Object>) field.get(1);
            boolean optional = Boolean.TRUE.equals(fieldSchema.get("optional"));
            Object value = topLevel || optional ? valueFor(fieldSchema, depth - 1)
                : nonNullValue(fieldSchema, depth - 1);
            if (value == null && !optional) {
                continue;
            }
            values.put((String) field.get(0), value);
        }
        return new Object[]{"struct", schema, values};
    }

    /** A value for the schema: null often where it is optional or defaulted, rarely (unset) where required. */
    Object valueFor(Map<String, Object> schema, int depth) {
        boolean nullable = Boolean.TRUE.equals(schema.get("optional")) || schema.get("default") != null;
        if (nullable ? chance(0.25) : chance(0.02)) {
            return null;
        }
        return nonNullValue(schema, depth);
    }

    /** An array element or map value: null only where the schema is optional (containers refuse it otherwise). */
    private Object elementFor(Map<String, Object> schema, int depth) {
        return Boolean.TRUE.equals(schema.get("optional")) && chance(0.25) ? null : nonNullValue(schema, depth);
    }

    @SuppressWarnings("unchecked")
    private Object nonNullValue(Map<String, Object> schema, int depth) {
        String name = (String) schema.get("name");
        // Rarely a value that the logical type does not allow (Struct.put checks only the Java class):
        // a decimal of another scale, a date with a time of day, a time with a date.
        boolean invalid = chance(0.03);
        if (Descriptions.DECIMAL.equals(name)) {
            int scale = Integer.parseInt(((Map<String, String>) schema.get("parameters")).get("scale"));
            return decimal(invalid ? scale + 1 : scale);
        }
        if (Descriptions.DATE.equals(name)) {
            return new java.util.Date(dateDays() * DAY_MILLIS + (invalid ? 1 + random.nextInt(1000) : 0));
        }
        if (Descriptions.TIME.equals(name)) {
            long millis = chance(0.2) ? pick(new Long[]{0L, DAY_MILLIS - 1}) : random.nextInt((int) DAY_MILLIS);
            return new java.util.Date(invalid ? millis + DAY_MILLIS * (random.nextBoolean() ? 3 : -3) : millis);
        }
        if (Descriptions.TIMESTAMP.equals(name)) {
            return new java.util.Date(timestampMillis());
        }
        switch ((String) schema.get("type")) {
            case "INT8": return (byte) integer(Byte.MIN_VALUE, Byte.MAX_VALUE);
            case "INT16": return (short) integer(Short.MIN_VALUE, Short.MAX_VALUE);
            case "INT32": return (int) integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "INT64": return chance(0.5) ? timestampMillis() : integer(Long.MIN_VALUE, Long.MAX_VALUE);
            case "FLOAT32": return floatValue();
            case "FLOAT64": return doubleValue();
            case "BOOLEAN": return random.nextBoolean();
            case "STRING": return chance(0.3) ? formattedTimestamp() : string();
            case "BYTES": return bytes();
            case "ARRAY": {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(depth >= 0 ? 4 : 2); i > 0; i--) {
                    list.add(elementFor((Map<String, Object>) schema.get("valueSchema"), depth - 1));
                }
                return list;
            }
            case "MAP": {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(depth >= 0 ? 4 : 2); i > 0; i--) {
                    Object key = nonNullValue((Map<String, Object>) schema.get("keySchema"), depth - 1);
                    map.put(key, elementFor((Map<String, Object>) schema.get("valueSchema"), depth - 1));
                }
                return map;
            }
            case "STRUCT":
                return structValue(schema, depth, false);
            default:
                throw new IllegalArgumentException("type " + schema.get("type"));
        }
    }

    /** A schemaless map with catalogue names as keys (each with the given probability), mostly of natural type. */
    Map<Object, Object> schemalessMap(int depth, double presence) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (String[] field : PRIMITIVE_FIELDS) {
            if (chance(presence)) {
                String type = chance(0.08) ? pick(TYPES) : field[1];
                map.put(field[0], chance(0.08) ? null : nonNullValue(primitiveSchema(type), 0));
            }
        }
        if (depth > 0 && chance(0.45)) {
            map.put("nested", chance(0.1) ? null : schemalessMap(depth - 1, SPARSE));
        }
        if (depth > 0 && chance(0.3)) {
            List<Object> list = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                list.add(chance(0.3) ? schemalessMap(0, SPARSE) : schemalessPrimitive());
            }
            map.put("arr", list);
        }
        if (depth > 0 && chance(0.25)) {
            map.put("map", Descriptions.mapValue("k", schemalessPrimitive(), "n", integer(-5, 5)));
        }
        if (chance(0.05)) {
            map.put(7, "non-string key");
        }
        if (chance(0.2)) {
            return new HashMap<>(map);
        }
        return map;
    }

    Object schemalessPrimitive() {
        switch (random.nextInt(11)) {
            case 0: return (byte) integer(Byte.MIN_VALUE, Byte.MAX_VALUE);
            case 1: return (short) integer(Short.MIN_VALUE, Short.MAX_VALUE);
            case 2: return (int) integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case 3: return timestampMillis();
            case 4: return floatValue();
            case 5: return doubleValue();
            case 6: return random.nextBoolean();
            case 7: return bytes();
            case 8: return new java.util.Date(timestampMillis());
            case 9: return chance(0.8) ? decimal(random.nextInt(5)) : decimal(0).unscaledValue();
            default: return chance(0.4) ? formattedTimestamp() : string();
        }
    }

    private List<Object> headers() {
        List<Object> headers = new ArrayList<>();
        for (int i = random.nextInt(chance(0.5) ? 1 : 4); i > 0; i--) {
            String key = pick(HEADER_KEYS);
            switch (random.nextInt(5)) {
                case 0:
                    headers.add(Descriptions.header(key, null, null));
                    break;
                case 1:
                    headers.add(Descriptions.header(key, null, schemalessPrimitive()));
                    break;
                case 2: {
                    Map<String, Object> schema = structSchema(0, SPARSE);
                    headers.add(Descriptions.header(key, schema, structValue(schema, 0, false)));
                    break;
                }
                default: {
                    Map<String, Object> schema = primitiveSchema(pick(TYPES));
                    if (chance(0.3)) {
                        Descriptions.optional(schema);
                    }
                    headers.add(Descriptions.header(key, schema, elementFor(schema, 0)));
                }
            }
        }
        return headers;
    }

    long integer(long min, long max) {
        switch (random.nextInt(8)) {
            case 0: return min;
            case 1: return max;
            case 2: return 0;
            case 3: return -1;
            case 4: return 1;
            default:
                long span = max - min + 1;
                return span <= 0 ? random.nextLong() : min + Math.floorMod(random.nextLong(), span);
        }
    }

    float floatValue() {
        switch (random.nextInt(12)) {
            case 0: return Float.NaN;
            case 1: return 0.0f;
            case 2: return -0.0f;
            case 3: return Float.POSITIVE_INFINITY;
            case 4: return Float.NEGATIVE_INFINITY;
            case 5: return Float.MIN_VALUE;
            case 6: return chance(0.5) ? Float.MAX_VALUE : -Float.MAX_VALUE;
            case 7: return 1e10f;
            case 8: return Float.intBitsToFloat(random.nextInt());
            default: return (random.nextFloat() - 0.5f) * (float) Math.pow(10, random.nextInt(12) - 3);
        }
    }

    double doubleValue() {
        switch (random.nextInt(12)) {
            case 0: return Double.NaN;
            case 1: return 0.0;
            case 2: return -0.0;
            case 3: return Double.POSITIVE_INFINITY;
            case 4: return Double.NEGATIVE_INFINITY;
            case 5: return Double.MIN_VALUE;
            case 6: return chance(0.5) ? Double.MAX_VALUE : -Double.MAX_VALUE;
            case 7: return 9.223372036854776E18;
            case 8: return Double.longBitsToDouble(random.nextLong());
            default: return (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(24) - 4);
        }
    }

    String string() {
        if (chance(0.75)) {
            return pick(STRINGS);
        }
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(10); i > 0; i--) {
            switch (random.nextInt(4)) {
                case 0: out.append((char) (0x20 + random.nextInt(0x5f))); break;
                case 1: out.append((char) random.nextInt(0xd800)); break;
                case 2: out.appendCodePoint(0x10000 + random.nextInt(0x100000)); break;
                default: out.append(random.nextInt(10));
            }
        }
        return out.toString();
    }

    private String formattedTimestamp() {
        SimpleDateFormat format = formats.computeIfAbsent(pick(TIMESTAMP_FORMATS), pattern -> {
            SimpleDateFormat utc = new SimpleDateFormat(pattern);
            utc.setTimeZone(TimeZone.getTimeZone("UTC"));
            return utc;
        });
        long millis = chance(0.5) ? timestampMillis() : random.nextLong() % 4_000_000_000_000L;
        return format.format(new java.util.Date(millis));
    }

    /**
     * A byte array, or sometimes a heap, sliced or direct buffer, often with a position and limit that cut
     * off a byte each side.
     */
    Object bytes() {
        byte[] data = new byte[random.nextInt(chance(0.1) ? 40 : 6)];
        random.nextBytes(data);
        if (chance(0.8)) {
            return data;
        }
        ByteBuffer buffer;
        if (data.length > 2 && chance(0.25)) {
            // A slice: its array offset is 1 and its capacity ends a byte before the backing array does.
            buffer = ByteBuffer.wrap(data, 1, data.length - 2).slice();
        } else {
            buffer = chance(0.8) ? ByteBuffer.allocate(data.length) : ByteBuffer.allocateDirect(data.length);
            buffer.put(data);
        }
        buffer.clear();
        if (buffer.capacity() > 2 && chance(0.6)) {
            buffer.limit(buffer.capacity() - 1);
            buffer.position(1);
        }
        return buffer;
    }

    BigDecimal decimal(int scale) {
        BigInteger unscaled;
        switch (random.nextInt(5)) {
            case 0: unscaled = BigInteger.ZERO; break;
            case 1: unscaled = BigInteger.valueOf(Long.MIN_VALUE); break;
            case 2: unscaled = new BigInteger(200, random); break;
            default: unscaled = new BigInteger(1 + random.nextInt(40), random);
        }
        return new BigDecimal(chance(0.5) ? unscaled.negate() : unscaled, scale);
    }

    long dateDays() {
        switch (random.nextInt(6)) {
            case 0: return 0;
            case 1: return -1;
            case 2: return -719528; // 0000-01-01
            case 3: return 2932896; // 9999-12-31
            default: return random.nextInt(200_000) - 100_000;
        }
    }

    long timestampMillis() {
        switch (random.nextInt(9)) {
            case 0: return Long.MIN_VALUE;
            case 1: return Long.MAX_VALUE;
            case 2: return -1;
            case 3: return 0;
            case 4: return -62135596800000L; // 0001-01-01
            case 5: return 253402300799999L; // 9999-12-31T23:59:59.999
            case 6: return 1_700_000_000_123L;
            default: return random.nextLong() % 40_000_000_000_000L;
        }
    }
}
