package dev.sluice.transforms;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.components.ConnectPlugin;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * Drives one implementation of the built-in transforms and predicates, ours or (defined again inside
 * Apache's class loader) Apache's, from neutral descriptions made only of JDK types, and answers only
 * with JDK types.
 *
 * <p>A request is a map: {@code op} ({@code apply}, {@code test}, {@code config} or {@code render}),
 * {@code class} (the transform or predicate class name), {@code config} (its properties) and
 * {@code records} (a list of record descriptions). One instance is configured per request and then
 * sees every record of it in order, as a task's pipeline would.
 *
 * <p>A record description is a map: {@code sink} (true for a {@link SinkRecord}), {@code topic},
 * {@code partition}, {@code keySchema}, {@code key}, {@code valueSchema}, {@code value},
 * {@code timestamp}, {@code headers} (a list of {@code [key, schema, value]}), and for sink records
 * {@code offset} and {@code timestampType}, for source records {@code sourcePartition} and
 * {@code sourceOffset}. A schema description is a map: {@code type} (a {@link Schema.Type} name),
 * {@code optional}, {@code name}, {@code version}, {@code doc}, {@code parameters}, {@code default}
 * (a value description; for a struct, a map of its field values), {@code fields} (a list of
 * {@code [name, schema]}), {@code keySchema},
 * {@code valueSchema} and {@code unbuilt} (true to use the {@code SchemaBuilder} itself as the schema).
 * A value description is a JDK value; a struct is
 * {@code Object[]{"struct", schemaDescription, Map<String, value description>}}.
 *
 * <p>The answer is a list with one entry per record (a single entry for {@code config}, or when
 * the class is missing or refuses the configuration). Each entry is a list of strings:
 * {@code [record, rendering]}, {@code [dropped, digest]}, {@code [test, true|false]},
 * {@code [config, rendering]}, {@code [missing, reason]}, or {@code [<stage>-throws, exception class,
 * message]} where the stage is {@code configure}, {@code apply}, {@code test} or {@code input}. After
 * {@code apply} the answer also carries a digest of the input record's rendering, which differs between
 * the two sides when one of them changed its input.
 */
public class TransformDriver implements Function<Object, Object> {

    @Override
    @SuppressWarnings("unchecked")
    public Object apply(Object input) {
        Map<String, Object> request = (Map<String, Object>) input;
        String op = (String) request.get("op");
        List<Map<String, Object>> records = (List<Map<String, Object>>) request.getOrDefault("records", List.of());
        if (op.equals("render")) {
            List<Object> answers = new ArrayList<>();
            for (Map<String, Object> record : records) {
                answers.add(renderInput(record));
            }
            return answers;
        }
        Object plugin;
        try {
            plugin = Class.forName((String) request.get("class")).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return List.of(List.of("missing", e.toString()));
        }
        if (op.equals("config")) {
            return List.of(List.of("config", Renderer.configDef(plugin)));
        }
        Map<String, Object> config = (Map<String, Object>) request.getOrDefault("config", Map.of());
        try {
            ((Configurable) plugin).configure(new HashMap<>(config));
        } catch (Throwable e) {
            return List.of(thrown("configure", e));
        }
        List<Object> answers = new ArrayList<>();
        Builder builder = new Builder();
        Renderer renderer = new Renderer();
        for (Map<String, Object> description : records) {
            answers.add(op.equals("test") ? test(plugin, builder, description)
                : transform(plugin, builder, renderer, description));
        }
        close(plugin);
        return answers;
    }

    private static List<String> renderInput(Map<String, Object> description) {
        try {
            return List.of("record", new Renderer().record(new Builder().record(description)));
        } catch (Throwable e) {
            return thrown("input", e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<String> transform(Object plugin, Builder builder, Renderer renderer,
                                          Map<String, Object> description) {
        ConnectRecord record;
        try {
            record = builder.record(description);
        } catch (Throwable e) {
            return thrown("input", e);
        }
        ConnectRecord result;
        try {
            result = ((Transformation) plugin).apply(record);
        } catch (Throwable e) {
            return thrown("apply", e);
        }
        try {
            // The runtime still holds the input (error reports and the dead letter queue show it), so a
            // transform must leave it as it was; a digest of its rendering afterwards shows whether it did.
            String inputAfterwards = "\n  input afterwards: #"
                + Integer.toHexString(renderer.record(record).hashCode());
            if (result == null) {
                return List.of("dropped", inputAfterwards);
            }
            return List.of("record", renderer.record(result) + inputAfterwards);
        } catch (Throwable e) {
            return thrown("render", e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<String> test(Object plugin, Builder builder, Map<String, Object> description) {
        ConnectRecord record;
        try {
            record = builder.record(description);
        } catch (Throwable e) {
            return thrown("input", e);
        }
        try {
            return List.of("test", String.valueOf(((Predicate) plugin).test(record)));
        } catch (Throwable e) {
            return thrown("test", e);
        }
    }

    private static void close(Object plugin) {
        try {
            ((AutoCloseable) plugin).close();
        } catch (Exception e) {
            throw new IllegalStateException("close() of " + plugin.getClass().getName() + " failed", e);
        }
    }

    private static List<String> thrown(String stage, Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            message.append(" [caused by ").append(cause.getClass().getName()).append(": ")
                .append(cause.getMessage()).append(']');
        }
        return List.of(stage + "-throws", e.getClass().getName(), message.toString());
    }

    /**
     * Builds Connect schemas, values and records from neutral descriptions. One schema description
     * object always yields one schema instance, so records that share a description share a schema
     * as records of one topic do. Mutable values (byte arrays, dates) are copied so that the two sides
     * never share an object.
     */
    static final class Builder {
        private final Map<Object, Schema> schemas = new IdentityHashMap<>();

        @SuppressWarnings("unchecked")
        ConnectRecord<?> record(Map<String, Object> d) {
            Schema keySchema = schema(d.get("keySchema"));
            Object key = value(d.get("key"));
            Schema valueSchema = schema(d.get("valueSchema"));
            Object value = value(d.get("value"));
            Long timestamp = d.get("timestamp") == null ? null : ((Number) d.get("timestamp")).longValue();
            Headers headers = new ConnectHeaders();
            for (Object h : (List<Object>) d.getOrDefault("headers", List.of())) {
                List<Object> header = (List<Object>) h;
                headers.add((String) header.get(0), value(header.get(2)), schema(header.get(1)));
            }
            String topic = (String) d.get("topic");
            Integer partition = (Integer) d.get("partition");
            if (Boolean.TRUE.equals(d.get("sink"))) {
                TimestampType type = TimestampType.valueOf((String) d.getOrDefault("timestampType", "CREATE_TIME"));
                long offset = ((Number) d.getOrDefault("offset", 0L)).longValue();
                return new SinkRecord(topic, partition, keySchema, key, valueSchema, value, offset, timestamp, type,
                    headers);
            }
            return new SourceRecord((Map<String, ?>) value(d.get("sourcePartition")),
                (Map<String, ?>) value(d.get("sourceOffset")), topic, partition, keySchema, key, valueSchema, value,
                timestamp, headers);
        }

        @SuppressWarnings("unchecked")
        Schema schema(Object description) {
            if (description == null) {
                return null;
            }
            Schema known = schemas.get(description);
            if (known != null) {
                return known;
            }
            Map<String, Object> d = (Map<String, Object>) description;
            Schema.Type type = Schema.Type.valueOf((String) d.get("type"));
            SchemaBuilder builder;
            switch (type) {
                case ARRAY:
                    builder = SchemaBuilder.array(schema(d.get("valueSchema")));
                    break;
                case MAP:
                    builder = SchemaBuilder.map(schema(d.get("keySchema")), schema(d.get("valueSchema")));
                    break;
                case STRUCT:
                    builder = SchemaBuilder.struct();
                    for (Object f : (List<Object>) d.getOrDefault("fields", List.of())) {
                        List<Object> field = (List<Object>) f;
                        builder.field((String) field.get(0), schema(field.get(1)));
                    }
                    break;
                default:
                    builder = new SchemaBuilder(type);
            }
            if (Boolean.TRUE.equals(d.get("optional"))) {
                builder.optional();
            }
            if (d.get("name") != null) {
                builder.name((String) d.get("name"));
            }
            if (d.get("version") != null) {
                builder.version((Integer) d.get("version"));
            }
            if (d.get("doc") != null) {
                builder.doc((String) d.get("doc"));
            }
            if (d.get("parameters") != null) {
                builder.parameters((Map<String, String>) d.get("parameters"));
            }
            if (d.get("default") != null && type == Schema.Type.STRUCT) {
                // A struct default can only be a Struct of the builder itself, as JsonConverter makes them.
                Struct defaultStruct = new Struct(builder);
                for (Map.Entry<String, Object> field : ((Map<String, Object>) d.get("default")).entrySet()) {
                    defaultStruct.put(field.getKey(), value(field.getValue()));
                }
                builder.defaultValue(defaultStruct);
            } else if (d.get("default") != null) {
                builder.defaultValue(value(d.get("default")));
            }
            // Some tasks hand over a SchemaBuilder as the schema: it is a Schema but never equals a ConnectSchema.
            Schema built = Boolean.TRUE.equals(d.get("unbuilt")) ? builder : builder.build();
            schemas.put(description, built);
            return built;
        }

        /** A buffer with its own copy of the bytes and the same kind, array offset, capacity, limit and position. */
        private static ByteBuffer copy(ByteBuffer buffer) {
            ByteBuffer copy;
            if (buffer.hasArray()) {
                copy = ByteBuffer.wrap(buffer.array().clone(), buffer.arrayOffset(), buffer.capacity()).slice();
            } else {
                copy = ByteBuffer.allocateDirect(buffer.capacity());
                ByteBuffer whole = buffer.duplicate();
                whole.clear();
                copy.put(whole);
            }
            copy.limit(buffer.limit());
            copy.position(buffer.position());
            return copy;
        }

        @SuppressWarnings("unchecked")
        Object value(Object description) {
            if (description instanceof Object[]) {
                Object[] struct = (Object[]) description;
                Struct result = new Struct(schema(struct[1]));
                for (Map.Entry<String, Object> field : ((Map<String, Object>) struct[2]).entrySet()) {
                    result.put(field.getKey(), value(field.getValue()));
                }
                return result;
            }
            if (description instanceof List) {
                List<Object> result = new ArrayList<>();
                for (Object element : (List<Object>) description) {
                    result.add(value(element));
                }
                return result;
            }
            if (description instanceof Map) {
                Map<Object, Object> result = description instanceof LinkedHashMap ? new LinkedHashMap<>()
                    : new HashMap<>();
                for (Map.Entry<Object, Object> entry : ((Map<Object, Object>) description).entrySet()) {
                    result.put(value(entry.getKey()), value(entry.getValue()));
                }
                return result;
            }
            if (description instanceof byte[]) {
                return ((byte[]) description).clone();
            }
            if (description instanceof ByteBuffer buffer) {
                return copy(buffer);
            }
            if (description instanceof java.util.Date) {
                return new java.util.Date(((java.util.Date) description).getTime());
            }
            return description;
        }
    }

    /**
     * Renders records, schemas, values and config definitions as deterministic text that shows every
     * observable property: record class, topic, partition, timestamp, key and value schemas (class,
     * type, optionality, name, version, doc, parameters, default, fields in order), values with their
     * Java classes (floats with their bits, byte arrays by content), and headers in order.
     */
    static final class Renderer {
        private static final char[] HEX = "0123456789abcdef".toCharArray();

        /** Renderings of the schemas seen so far; schema instances recur across the records of one request. */
        private final Map<Schema, String> schemas = new IdentityHashMap<>();

        String record(ConnectRecord<?> record) {
            StringBuilder out = new StringBuilder(record.getClass().getSimpleName());
            out.append(" topic=");
            string(record.topic(), out);
            out.append(" partition=").append(record.kafkaPartition()).append(" timestamp=").append(record.timestamp());
            if (record instanceof SinkRecord sink) {
                out.append(" offset=").append(sink.kafkaOffset()).append(" timestampType=").append(sink.timestampType())
                    .append(" original=").append(sink.originalTopic()).append('/')
                    .append(sink.originalKafkaPartition()).append('/').append(sink.originalKafkaOffset());
            }
            if (record instanceof SourceRecord source) {
                out.append(" sourcePartition=");
                value(source.sourcePartition(), null, out);
                out.append(" sourceOffset=");
                value(source.sourceOffset(), null, out);
            }
            out.append("\n  key: ");
            schema(record.keySchema(), out);
            out.append(" => ");
            value(record.key(), record.keySchema(), out);
            out.append("\n  value: ");
            schema(record.valueSchema(), out);
            out.append(" => ");
            value(record.value(), record.valueSchema(), out);
            Headers headers = record.headers();
            out.append("\n  headers ").append(headers == null ? "null" : headers.getClass().getSimpleName())
                .append(':');
            if (headers != null) {
                for (Header header : headers) {
                    out.append("\n    ");
                    string(header.key(), out);
                    out.append(": ");
                    schema(header.schema(), out);
                    out.append(" => ");
                    value(header.value(), header.schema(), out);
                }
            }
            return out.toString();
        }

        void schema(Schema schema, StringBuilder out) {
            if (schema == null) {
                out.append("no-schema");
                return;
            }
            String known = schemas.get(schema);
            if (known == null) {
                StringBuilder rendered = new StringBuilder();
                render(schema, rendered);
                known = rendered.toString();
                schemas.put(schema, known);
            }
            out.append(known);
        }

        private void render(Schema schema, StringBuilder out) {
            out.append(schema.getClass().getSimpleName()).append('{').append(schema.type())
                .append(schema.isOptional() ? " optional" : " required");
            if (schema.name() != null) {
                out.append(" name=");
                string(schema.name(), out);
            }
            if (schema.version() != null) {
                out.append(" version=").append(schema.version());
            }
            if (schema.doc() != null) {
                out.append(" doc=");
                string(schema.doc(), out);
            }
            if (schema.parameters() != null) {
                out.append(" parameters=").append(schema.parameters());
            }
            if (schema.defaultValue() != null) {
                out.append(" default=");
                value(schema.defaultValue(), schema, out);
            }
            switch (schema.type()) {
                case ARRAY:
                    out.append(" items=");
                    schema(schema.valueSchema(), out);
                    break;
                case MAP:
                    out.append(" keys=");
                    schema(schema.keySchema(), out);
                    out.append(" values=");
                    schema(schema.valueSchema(), out);
                    break;
                case STRUCT:
                    out.append(" fields=[");
                    for (Field field : schema.fields()) {
                        out.append(field.index()).append(':');
                        string(field.name(), out);
                        out.append('=');
                        schema(field.schema(), out);
                        out.append("; ");
                    }
                    out.append(']');
                    break;
                default:
                    break;
            }
            out.append('}');
        }

        /** Renders a value; a struct's own schema is shown only where it is not equal to {@code expected}. */
        void value(Object value, Schema expected, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof Float f) {
                out.append("Float:").append(f).append('/').append(Integer.toHexString(Float.floatToRawIntBits(f)));
            } else if (value instanceof Double d) {
                out.append("Double:").append(d).append('/').append(Long.toHexString(Double.doubleToRawLongBits(d)));
            } else if (value instanceof BigDecimal d) {
                out.append("BigDecimal:").append(d.unscaledValue()).append("e-").append(d.scale());
            } else if (value instanceof String s) {
                out.append("String:");
                string(s, out);
            } else if (value instanceof byte[] bytes) {
                out.append("byte[]:").append(Arrays.toString(bytes));
            } else if (value instanceof ByteBuffer buffer) {
                out.append("ByteBuffer:").append(buffer).append(" offset=")
                    .append(buffer.hasArray() ? buffer.arrayOffset() : -1).append(Arrays.toString(remaining(buffer)));
            } else if (value instanceof java.util.Date date) {
                out.append(value.getClass().getName()).append(':').append(date.getTime());
            } else if (value instanceof List<?> list) {
                Schema items = expected != null && expected.type() == Schema.Type.ARRAY ? expected.valueSchema() : null;
                out.append(value.getClass().getSimpleName()).append('[');
                for (Object element : list) {
                    value(element, items, out);
                    out.append(", ");
                }
                out.append(']');
            } else if (value instanceof Map<?, ?> map) {
                map(map, expected, out);
            } else if (value instanceof Struct struct) {
                out.append("Struct");
                if (expected != struct.schema() && (expected == null || !expected.equals(struct.schema()))) {
                    out.append('@');
                    schema(struct.schema(), out);
                }
                out.append('{');
                for (Field field : struct.schema().fields()) {
                    string(field.name(), out);
                    out.append('=');
                    value(struct.getWithoutDefault(field.name()), field.schema(), out);
                    out.append(", ");
                }
                out.append('}');
            } else {
                out.append(value.getClass().getName()).append(':').append(value);
            }
        }

        private static byte[] remaining(ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }

        /** Maps keep their iteration order, except hash maps, whose order is an accident of hashing. */
        private void map(Map<?, ?> map, Schema expected, StringBuilder out) {
            boolean typed = expected != null && expected.type() == Schema.Type.MAP;
            List<String> entries = new ArrayList<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                StringBuilder rendered = new StringBuilder();
                value(entry.getKey(), typed ? expected.keySchema() : null, rendered);
                rendered.append(" -> ");
                value(entry.getValue(), typed ? expected.valueSchema() : null, rendered);
                entries.add(rendered.toString());
            }
            out.append(map.getClass().getSimpleName());
            if (map instanceof HashMap && !(map instanceof LinkedHashMap)) {
                Collections.sort(entries);
                out.append("(sorted)");
            }
            out.append('{');
            entries.forEach(e -> out.append(e).append(", "));
            out.append('}');
        }

        static void string(String s, StringBuilder out) {
            if (s == null) {
                out.append("null");
                return;
            }
            out.append('"');
            for (char c : s.toCharArray()) {
                if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                    out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }

        /** The config definition key by key in declaration order, and the plugin's version. */
        static String configDef(Object plugin) {
            ConnectPlugin connectPlugin = (ConnectPlugin) plugin;
            ConfigDef def = connectPlugin.config();
            StringBuilder out = new StringBuilder("version=").append(connectPlugin.version()).append('\n');
            for (ConfigDef.ConfigKey key : def.configKeys().values()) {
                out.append(key.name).append(" type=").append(key.type).append(" default=")
                    .append(key.hasDefault() ? String.valueOf(key.defaultValue) : "<required>")
                    .append(" importance=").append(key.importance).append(" group=").append(key.group)
                    .append(" orderInGroup=").append(key.orderInGroup).append(" width=").append(key.width)
                    .append(" displayName=").append(key.displayName).append(" dependents=").append(key.dependents)
                    .append(" internal=").append(key.internalConfig)
                    .append("\n  validator=").append(key.validator)
                    .append("\n  documentation=").append(String.valueOf(key.documentation).replace("\n", "\\n"))
                    .append('\n');
            }
            return out.toString();
        }
    }
}
