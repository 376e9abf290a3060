package dev.sluice.transforms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Factories for the neutral schema, value and record descriptions that {@link TransformDriver} reads:
 * plain maps, lists and JDK values, so that a description crosses between class loaders unchanged.
 */
final class Descriptions {

    static final String DECIMAL = "org.apache.kafka.connect.data.Decimal";
    static final String DATE = "org.apache.kafka.connect.data.Date";
    static final String TIME = "org.apache.kafka.connect.data.Time";
    static final String TIMESTAMP = "org.apache.kafka.connect.data.Timestamp";
    static final long DAY_MILLIS = 24L * 60 * 60 * 1000;

    private Descriptions() {
    }

    /** A schema of the given {@code Schema.Type} name, required, with no name. */
    static Map<String, Object> schema(String type) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        return schema;
    }

    static Map<String, Object> optional(String type) {
        return optional(schema(type));
    }

    /** Marks the schema optional and returns it. */
    static Map<String, Object> optional(Map<String, Object> schema) {
        schema.put("optional", true);
        return schema;
    }

    /** Gives the schema a default value description and returns it. */
    static Map<String, Object> withDefault(Map<String, Object> schema, Object defaultValue) {
        schema.put("default", defaultValue);
        return schema;
    }

    static Map<String, Object> decimal(int scale) {
        Map<String, Object> schema = logical("BYTES", DECIMAL);
        schema.put("parameters", new LinkedHashMap<>(Map.of("scale", Integer.toString(scale))));
        return schema;
    }

    static Map<String, Object> date() {
        return logical("INT32", DATE);
    }

    static Map<String, Object> time() {
        return logical("INT32", TIME);
    }

    static Map<String, Object> timestamp() {
        return logical("INT64", TIMESTAMP);
    }

    private static Map<String, Object> logical(String type, String name) {
        Map<String, Object> schema = schema(type);
        schema.put("name", name);
        schema.put("version", 1);
        return schema;
    }

    static Map<String, Object> array(Map<String, Object> items) {
        Map<String, Object> schema = schema("ARRAY");
        schema.put("valueSchema", items);
        return schema;
    }

    static Map<String, Object> map(Map<String, Object> keys, Map<String, Object> values) {
        Map<String, Object> schema = schema("MAP");
        schema.put("keySchema", keys);
        schema.put("valueSchema", values);
        return schema;
    }

    /** A struct schema from alternating field names and schemas. */
    static Map<String, Object> struct(Object... namesAndSchemas) {
        List<Object> fields = new ArrayList<>();
        for (int i = 0; i < namesAndSchemas.length; i += 2) {
            fields.add(Arrays.asList(namesAndSchemas[i], namesAndSchemas[i + 1]));
        }
        return structOf(fields);
    }

    /** A struct schema from a list of {@code [name, schema]} pairs. */
    static Map<String, Object> structOf(List<Object> fields) {
        Map<String, Object> schema = schema("STRUCT");
        schema.put("fields", fields);
        return schema;
    }

    /** A struct value from alternating field names and value descriptions; null values stay unset. */
    static Object[] structValue(Map<String, Object> schema, Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                values.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return new Object[]{"struct", schema, values};
    }

    /** A schemaless map value (insertion-ordered) from alternating keys and values. */
    static Map<Object, Object> mapValue(Object... keysAndValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static List<Object> header(String key, Map<String, Object> schema, Object value) {
        return Arrays.asList(key, schema, value);
    }

    /** A source record on topic "orders", partition 0, timestamp 1700000000000, without headers. */
    static Map<String, Object> sourceRecord(Map<String, Object> keySchema, Object key,
                                            Map<String, Object> valueSchema, Object value) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("sink", false);
        record.put("topic", "orders");
        record.put("partition", 0);
        record.put("keySchema", keySchema);
        record.put("key", key);
        record.put("valueSchema", valueSchema);
        record.put("value", value);
        record.put("timestamp", 1_700_000_000_000L);
        record.put("headers", new ArrayList<>());
        record.put("sourcePartition", mapValue("file", "a.txt"));
        record.put("sourceOffset", mapValue("position", 42L));
        return record;
    }

    /** A sink record on topic "orders", partition 0, offset 42, create time 1700000000000, without headers. */
    static Map<String, Object> sinkRecord(Map<String, Object> keySchema, Object key,
                                          Map<String, Object> valueSchema, Object value) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("sink", true);
        record.put("topic", "orders");
        record.put("partition", 0);
        record.put("keySchema", keySchema);
        record.put("key", key);
        record.put("valueSchema", valueSchema);
        record.put("value", value);
        record.put("timestamp", 1_700_000_000_000L);
        record.put("headers", new ArrayList<>());
        record.put("offset", 42L);
        record.put("timestampType", "CREATE_TIME");
        return record;
    }

    /** A copy of the record description with one entry replaced. */
    static Map<String, Object> with(Map<String, Object> record, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(record);
        copy.put(key, value);
        return copy;
    }

    /** A copy of the record description with the given headers. */
    @SafeVarargs
    static Map<String, Object> withHeaders(Map<String, Object> record, List<Object>... headers) {
        return with(record, "headers", new ArrayList<>(Arrays.asList(headers)));
    }

    /** A copy of the record description with key and value (and their schemas) swapped. */
    static Map<String, Object> swapped(Map<String, Object> record) {
        Map<String, Object> copy = new LinkedHashMap<>(record);
        copy.put("keySchema", record.get("valueSchema"));
        copy.put("key", record.get("value"));
        copy.put("valueSchema", record.get("keySchema"));
        copy.put("value", record.get("key"));
        return copy;
    }
}
