package dev.sluice.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random schemas and values in the neutral form that {@link JsonConverterDriver} reads, biased towards
 * the edges: NaN, signed zeros and infinities, integer extremes, negative-scale and huge decimals, dates far
 * before 1970 and far after, empty and unicode strings with surrogate pairs, lone surrogates and control
 * characters, nulls wherever a schema allows them, defaults, and nesting of structs, arrays and maps (including
 * maps keyed by numbers, structs and optional strings).
 */
final class ConnectCaseGenerator {

    static final String DECIMAL = "org.apache.kafka.connect.data.Decimal";
    static final String DATE = "org.apache.kafka.connect.data.Date";
    static final String TIME = "org.apache.kafka.connect.data.Time";
    static final String TIMESTAMP = "org.apache.kafka.connect.data.Timestamp";
    private static final long DAY_MILLIS = 24L * 60 * 60 * 1000;

    private static final String[] STRINGS = {
        "", "a", "plain ascii", "h\u00e9llo w\u00f6rld", "\u65e5\u672c\u8a9e", "\uD83D\uDE00 smile", "\uD800", "x\uDC00y",
        "\u0000\u0001\u001f", "\u007f\u0080\u00ff", "\u2028\u2029", "quote\" back\\slash /solidus",
        "\t\n\r\b\f", "\uFEFFbom", "\uFFFF\uFFFE", "\uD834\uDD1E clef", "null", "{\"schema\":1}",
    };

    private final Random random;

    ConnectCaseGenerator(long seed) {
        this.random = new Random(seed);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A random schema description, at most {@code depth} levels of containers deep. */
    Map<String, Object> schema(int depth) {
        int pick = random.nextInt(depth > 0 ? 20 : 14);
        Map<String, Object> schema;
        switch (pick) {
            case 0: schema = primitive("INT8"); break;
            case 1: schema = primitive("INT16"); break;
            case 2: schema = primitive("INT32"); break;
            case 3: schema = primitive("INT64"); break;
            case 4: schema = primitive("FLOAT32"); break;
            case 5: schema = primitive("FLOAT64"); break;
            case 6: schema = primitive("BOOLEAN"); break;
            case 7: schema = primitive("STRING"); break;
            case 8: schema = primitive("BYTES"); break;
            case 9: schema = decimal(random.nextInt(26) - 5); break;
            case 10: schema = logical("INT32", DATE); break;
            case 11: schema = logical("INT32", TIME); break;
            case 12: schema = logical("INT64", TIMESTAMP); break;
            case 13: schema = primitive(chance(0.5) ? "STRING" : "INT64"); break;
            case 14:
            case 15:
                schema = primitive("ARRAY");
                schema.put("items", schema(depth - 1));
                break;
            case 16:
            case 17:
                schema = primitive("MAP");
                schema.put("keys", mapKeySchema(depth - 1));
                schema.put("values", schema(depth - 1));
                break;
            default:
                schema = struct(depth - 1, 1 + random.nextInt(6));
        }
        decorate(schema);
        return schema;
    }

    Map<String, Object> struct(int depth, int fieldCount) {
        Map<String, Object> schema = primitive("STRUCT");
        List<Object> fields = new ArrayList<>();
        for (int i = 0; i < fieldCount; i++) {
            String name = chance(0.15) ? STRINGS[random.nextInt(STRINGS.length)] + i : "f" + i;
            fields.add(List.of(name, schema(depth)));
        }
        schema.put("fields", fields);
        return schema;
    }

    private Map<String, Object> mapKeySchema(int depth) {
        int pick = random.nextInt(10);
        if (pick < 5) {
            Map<String, Object> key = primitive("STRING");
            if (chance(0.3)) {
                key.put("optional", true);
            }
            return key;
        }
        if (pick < 8) {
            return primitive(new String[]{"INT32", "INT64", "INT8", "FLOAT64", "BOOLEAN"}[random.nextInt(5)]);
        }
        return depth > 0 ? struct(depth - 1, 1 + random.nextInt(2)) : primitive("INT16");
    }

    static Map<String, Object> primitive(String type) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        return schema;
    }

    static Map<String, Object> decimal(int scale) {
        Map<String, Object> schema = primitive("BYTES");
        schema.put("name", DECIMAL);
        schema.put("version", 1);
        schema.put("params", new LinkedHashMap<>(Map.of("scale", Integer.toString(scale))));
        return schema;
    }

    static Map<String, Object> logical(String type, String name) {
        Map<String, Object> schema = primitive(type);
        schema.put("name", name);
        schema.put("version", 1);
        return schema;
    }

    /** Adds optionality, names, docs, parameters and defaults at random. */
    private void decorate(Map<String, Object> schema) {
        if (chance(0.35)) {
            schema.put("optional", true);
        }
        if (!schema.containsKey("name") && chance(0.15)) {
            schema.put("name", "com.example." + STRINGS[random.nextInt(STRINGS.length)]);
        }
        if (!schema.containsKey("version") && chance(0.1)) {
            schema.put("version", random.nextInt(5) - 1);
        }
        if (chance(0.1)) {
            schema.put("doc", STRINGS[random.nextInt(STRINGS.length)]);
        }
        if (!schema.containsKey("params") && chance(0.1)) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("k" + random.nextInt(3), STRINGS[random.nextInt(STRINGS.length)]);
            params.put("z", "last");
            schema.put("params", params);
        }
        String type = (String) schema.get("type");
        boolean defaultable = !type.equals("STRUCT") && (!type.equals("ARRAY") && !type.equals("MAP") || chance(0.3));
        if (defaultable && chance(0.25)) {
            schema.put("default", nonNullValue(schema, 1));
        }
    }

    /** A value for the schema; null when the schema allows it (and, rarely, when it does not). */
    Object value(Map<String, Object> schema, int depth) {
        boolean nullable = Boolean.TRUE.equals(schema.get("optional")) || schema.get("default") != null;
        if (nullable ? chance(0.2) : chance(0.005)) {
            return null;
        }
        return nonNullValue(schema, depth);
    }

    @SuppressWarnings("unchecked")
    Object nonNullValue(Map<String, Object> schema, int depth) {
        String name = (String) schema.get("name");
        if (DECIMAL.equals(name)) {
            int scale = Integer.parseInt(((Map<String, String>) schema.get("params")).get("scale"));
            return decimalValue(chance(0.03) ? scale + 1 : scale);
        }
        if (DATE.equals(name)) {
            return new java.util.Date(dateDays() * DAY_MILLIS);
        }
        if (TIME.equals(name)) {
            return new java.util.Date(chance(0.2) ? new long[]{0, DAY_MILLIS - 1}[random.nextInt(2)]
                : (long) random.nextInt((int) DAY_MILLIS));
        }
        if (TIMESTAMP.equals(name)) {
            return new java.util.Date(timestampMillis());
        }
        switch ((String) schema.get("type")) {
            case "INT8": return (byte) integer(Byte.MIN_VALUE, Byte.MAX_VALUE);
            case "INT16": return (short) integer(Short.MIN_VALUE, Short.MAX_VALUE);
            case "INT32": return (int) integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "INT64": return integer(Long.MIN_VALUE, Long.MAX_VALUE);
            case "FLOAT32": return floatValue();
            case "FLOAT64": return doubleValue();
            case "BOOLEAN": return random.nextBoolean();
            case "STRING": return string();
            case "BYTES": return bytes();
            case "ARRAY": {
                List<Object> list = new ArrayList<>();
                int size = random.nextInt(depth > 0 ? 5 : 2);
                for (int i = 0; i < size; i++) {
                    list.add(value((Map<String, Object>) schema.get("items"), depth - 1));
                }
                return list;
            }
            case "MAP": {
                Map<Object, Object> map = new LinkedHashMap<>();
                int size = random.nextInt(depth > 0 ? 5 : 2);
                Map<String, Object> keys = (Map<String, Object>) schema.get("keys");
                for (int i = 0; i < size; i++) {
                    map.put(value(keys, depth - 1), value((Map<String, Object>) schema.get("values"), depth - 1));
                }
                return map;
            }
            case "STRUCT": {
                Map<String, Object> values = new LinkedHashMap<>();
                for (Object f : (List<Object>) schema.get("fields")) {
                    List<Object> field = (List<Object>) f;
                    Map<String, Object> fieldSchema = (Map<String, Object>) field.get(1);
                    Object v = value(fieldSchema, depth - 1);
                    boolean required = !Boolean.TRUE.equals(fieldSchema.get("optional"));
                    if (v == null && required) {
                        // Struct.put refuses null for a required field; leave the field unset instead.
                        continue;
                    }
                    values.put((String) field.get(0), v);
                }
                return new Object[]{"struct", schema, values};
            }
            default:
                throw new IllegalArgumentException("type " + schema.get("type"));
        }
    }

    /** A schemaless value: the Java types Connect infers a schema for, nested. */
    Object schemalessValue(int depth) {
        switch (random.nextInt(depth > 0 ? 16 : 12)) {
            case 0: return null;
            case 1: return (byte) integer(Byte.MIN_VALUE, Byte.MAX_VALUE);
            case 2: return (short) integer(Short.MIN_VALUE, Short.MAX_VALUE);
            case 3: return (int) integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case 4: return integer(Long.MIN_VALUE, Long.MAX_VALUE);
            case 5: return floatValue();
            case 6: return doubleValue();
            case 7: return random.nextBoolean();
            case 8:
            case 9: return string();
            case 10: return bytes();
            case 11: return chance(0.5) ? string() : integer(-5, 5);
            case 12:
            case 13: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    list.add(schemalessValue(depth - 1));
                }
                return list;
            }
            default: {
                Map<Object, Object> map = new LinkedHashMap<>();
                boolean stringKeys = chance(0.7);
                for (int i = random.nextInt(5); i > 0; i--) {
                    Object key = stringKeys ? string() : schemalessKey();
                    map.put(key, schemalessValue(depth - 1));
                }
                return chance(0.2) ? new HashMap<>(map) : map;
            }
        }
    }

    private Object schemalessKey() {
        switch (random.nextInt(5)) {
            case 0: return null;
            case 1: return (int) integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case 2: return random.nextBoolean();
            case 3: return List.of(1L, "x");
            default: return string();
        }
    }

    long integer(long min, long max) {
        switch (random.nextInt(8)) {
            case 0: return min;
            case 1: return max;
            case 2: return 0;
            case 3: return -1 < min ? min : -1;
            default:
                long span = max - min;
                if (span <= 0) {
                    return random.nextLong();
                }
                return min + Math.floorMod(random.nextLong(), span + 1 == 0 ? span : span + 1);
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
            case 6: return -Float.MAX_VALUE;
            case 7: return Float.MIN_NORMAL;
            case 8: return Float.intBitsToFloat(random.nextInt());
            default: return (random.nextFloat() - 0.5f) * (float) Math.pow(10, random.nextInt(20) - 10);
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
            case 6: return Double.MAX_VALUE;
            case 7: return -Double.MIN_NORMAL;
            case 8: return Double.longBitsToDouble(random.nextLong());
            default: return (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
        }
    }

    String string() {
        if (chance(0.6)) {
            return STRINGS[random.nextInt(STRINGS.length)];
        }
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            switch (random.nextInt(4)) {
                case 0: out.append((char) random.nextInt(0x80)); break;
                case 1: out.append((char) random.nextInt(0x10000)); break;
                case 2: out.appendCodePoint(0x10000 + random.nextInt(0x100000)); break;
                default: out.append("abc");
            }
        }
        return out.toString();
    }

    Object bytes() {
        byte[] data = new byte[random.nextInt(chance(0.1) ? 300 : 9)];
        random.nextBytes(data);
        if (chance(0.2) && data.length > 2) {
            // A buffer over part of an array: the converter writes the whole backing array.
            return ByteBuffer.wrap(data, 1, data.length - 2);
        }
        return data;
    }

    BigDecimal decimalValue(int scale) {
        BigInteger unscaled;
        switch (random.nextInt(6)) {
            case 0: unscaled = BigInteger.ZERO; break;
            case 1: unscaled = BigInteger.valueOf(Long.MIN_VALUE); break;
            case 2: unscaled = new BigInteger(400, random).negate(); break;
            default: unscaled = new BigInteger(1 + random.nextInt(80), random);
        }
        if (chance(0.5)) {
            unscaled = unscaled.negate();
        }
        return new BigDecimal(unscaled, scale);
    }

    long dateDays() {
        switch (random.nextInt(6)) {
            case 0: return 0;
            case 1: return -1;
            case 2: return -719528; // 0000-01-01
            case 3: return 2932896; // 9999-12-31
            default: return random.nextInt(2_000_000) - 1_000_000;
        }
    }

    long timestampMillis() {
        switch (random.nextInt(7)) {
            case 0: return Long.MIN_VALUE;
            case 1: return Long.MAX_VALUE;
            case 2: return -1;
            case 3: return -62135596800000L; // 0001-01-01
            case 4: return 253402300799999L; // 9999-12-31T23:59:59.999
            default: return random.nextLong() % 400_000_000_000_000L;
        }
    }
}
