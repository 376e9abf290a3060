package dev.sluice.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * Drives one JsonConverter implementation, ours or (defined again inside Apache's class loader) Apache's,
 * from neutral case descriptions made only of JDK types, and answers only with JDK types.
 *
 * <p>A case is a map: {@code op} (from, to, fromHeader, toHeader, asJsonSchema, asConnectSchema, configDef),
 * {@code config} (converter properties), and {@code schema}/{@code value} or {@code bytes} or {@code json}.
 * A schema description is a map: {@code type} (a Schema.Type name), optional {@code optional}, {@code name},
 * {@code version}, {@code doc}, {@code params} (ordered map), {@code default} (a value description),
 * {@code items}, {@code keys}, {@code values}, {@code fields} (list of [name, schema description]).
 * A value description is any JDK value; a struct is {@code Object[]{"struct", schemaDescription, fieldValues}}.
 *
 * <p>The answer is a list: {@code ["bytes", byte[] or null]}, {@code ["text", canonical rendering]} or
 * {@code ["error", exception class name, message]}.
 */
public class JsonConverterDriver implements Function<Object, Object> {

    private final Map<Map<String, Object>, JsonConverter> converters = new HashMap<>();
    private final ObjectMapper treeReader = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    @Override
    @SuppressWarnings("unchecked")
    public Object apply(Object input) {
        Map<String, Object> testCase = (Map<String, Object>) input;
        String op = (String) testCase.get("op");
        Map<String, Object> config = (Map<String, Object>) testCase.getOrDefault("config", Map.of());
        try {
            switch (op) {
                case "from": {
                    Builder builder = new Builder();
                    Schema schema = builder.schema(testCase.get("schema"));
                    Object value = builder.value(testCase.get("value"));
                    return List.of("bytes", nullable(converter(config).fromConnectData("topic", schema, value)));
                }
                case "fromHeader": {
                    Builder builder = new Builder();
                    Schema schema = builder.schema(testCase.get("schema"));
                    Object value = builder.value(testCase.get("value"));
                    return List.of("bytes", nullable(converter(config).fromConnectHeader("topic", "h", schema, value)));
                }
                case "to":
                    return List.of("text", render(converter(config).toConnectData("topic", (byte[]) testCase.get("bytes"))));
                case "toHeader":
                    return List.of("text",
                        render(converter(config).toConnectHeader("topic", "h", (byte[]) testCase.get("bytes"))));
                case "asJsonSchema": {
                    JsonNode json = converter(config).asJsonSchema(new Builder().schema(testCase.get("schema")));
                    StringBuilder out = new StringBuilder(String.valueOf(json));
                    nodeClasses(json, "", out);
                    return List.of("text", out.toString());
                }
                case "asConnectSchema": {
                    JsonNode json = treeReader.readTree((String) testCase.get("json"));
                    StringBuilder out = new StringBuilder();
                    schema(converter(config).asConnectSchema(json), out);
                    return List.of("text", out.toString());
                }
                case "configDef":
                    return List.of("text", render(new JsonConverter().config()));
                default:
                    throw new IllegalArgumentException("Unknown op " + op);
            }
        } catch (Throwable e) {
            return List.of("error", e.getClass().getName(), String.valueOf(e.getMessage()));
        }
    }

    private static Object nullable(byte[] bytes) {
        return bytes == null ? "null" : bytes;
    }

    private JsonConverter converter(Map<String, Object> config) {
        return converters.computeIfAbsent(config, c -> {
            JsonConverter converter = new JsonConverter();
            Map<String, Object> properties = new HashMap<>(c);
            boolean isKey = Boolean.TRUE.equals(properties.remove("isKey"));
            converter.configure(properties, isKey);
            return converter;
        });
    }

    /** Builds Connect schemas and values; one description object always yields one schema instance. */
    static final class Builder {
        private final Map<Object, Schema> schemas = new IdentityHashMap<>();

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
                    builder = SchemaBuilder.array(schema(d.get("items")));
                    break;
                case MAP:
                    builder = SchemaBuilder.map(schema(d.get("keys")), schema(d.get("values")));
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
            if (d.get("params") != null) {
                builder.parameters((Map<String, String>) d.get("params"));
            }
            if (d.get("default") != null) {
                builder.defaultValue(value(d.get("default")));
            }
            Schema built = Boolean.TRUE.equals(d.get("unbuilt")) ? builder : builder.build();
            schemas.put(description, built);
            return built;
        }

        @SuppressWarnings("unchecked")
        Object value(Object description) {
            if (description instanceof Object[]) {
                Object[] struct = (Object[]) description;
                Schema schema = schema(struct[1]);
                Struct result = new Struct(schema);
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
                Map<Object, Object> result = new LinkedHashMap<>();
                for (Map.Entry<Object, Object> entry : ((Map<Object, Object>) description).entrySet()) {
                    result.put(value(entry.getKey()), value(entry.getValue()));
                }
                return result;
            }
            return description;
        }
    }

    private static String render(SchemaAndValue result) {
        StringBuilder out = new StringBuilder();
        if (result == null) {
            return "java-null";
        }
        schema(result.schema(), out);
        out.append(" => ");
        value(result.value(), out);
        return out.toString();
    }

    static void schema(Schema schema, StringBuilder out) {
        if (schema == null) {
            out.append("no-schema");
            return;
        }
        out.append(schema.getClass().getSimpleName()).append('{').append(schema.type())
            .append(schema.isOptional() ? " optional" : " required");
        if (schema.name() != null) {
            out.append(" name=").append(schema.name());
        }
        if (schema.version() != null) {
            out.append(" version=").append(schema.version());
        }
        if (schema.doc() != null) {
            out.append(" doc=").append(schema.doc());
        }
        if (schema.parameters() != null) {
            out.append(" params=").append(schema.parameters());
        }
        if (schema.defaultValue() != null) {
            out.append(" default=");
            value(schema.defaultValue(), out);
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
                    out.append(field.index()).append(':').append(field.name()).append('=');
                    schema(field.schema(), out);
                    out.append(';');
                }
                out.append(']');
                break;
            default:
                break;
        }
        out.append('}');
    }

    static void value(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Float) {
            float f = (Float) value;
            out.append("f32:").append(f).append('/').append(Integer.toHexString(Float.floatToRawIntBits(f)));
        } else if (value instanceof Double) {
            double d = (Double) value;
            out.append("f64:").append(d).append('/').append(Long.toHexString(Double.doubleToRawLongBits(d)));
        } else if (value instanceof BigDecimal) {
            BigDecimal d = (BigDecimal) value;
            out.append("decimal:").append(d.unscaledValue()).append("e-").append(d.scale());
        } else if (value instanceof String) {
            out.append("string:\"");
            for (char c : ((String) value).toCharArray()) {
                if (c < 0x20 || c > 0x7e) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        } else if (value instanceof byte[]) {
            out.append("bytes:").append(java.util.Arrays.toString((byte[]) value));
        } else if (value instanceof ByteBuffer) {
            out.append("buffer:").append(value);
        } else if (value instanceof java.util.Date) {
            out.append(value.getClass().getName()).append(':').append(((java.util.Date) value).getTime());
        } else if (value instanceof List) {
            out.append(value.getClass().getName()).append('[');
            for (Object element : (List<?>) value) {
                value(element, out);
                out.append(", ");
            }
            out.append(']');
        } else if (value instanceof Map) {
            out.append(value.getClass().getName()).append('{');
            List<String> entries = new ArrayList<>();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                StringBuilder rendered = new StringBuilder();
                value(entry.getKey(), rendered);
                rendered.append(" -> ");
                value(entry.getValue(), rendered);
                entries.add(rendered.toString());
            }
            if (hasIdentityHashedKeys((Map<?, ?>) value)) {
                // Struct and byte[] keys hash by identity (Schema.Type is an enum), so their order is arbitrary.
                java.util.Collections.sort(entries);
                out.append("(sorted) ");
            }
            entries.forEach(e -> out.append(e).append(", "));
            out.append('}');
        } else if (value instanceof Struct) {
            Struct struct = (Struct) value;
            out.append("struct<");
            schema(struct.schema(), out);
            out.append(">{");
            for (Field field : struct.schema().fields()) {
                out.append(field.name()).append('=');
                value(struct.getWithoutDefault(field.name()), out);
                out.append(", ");
            }
            out.append('}');
        } else {
            out.append(value.getClass().getName()).append(':').append(value);
        }
    }

    private static boolean hasIdentityHashedKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (key instanceof Struct || key instanceof byte[] || key instanceof List || key instanceof Map) {
                return true;
            }
        }
        return false;
    }

    private static void nodeClasses(JsonNode node, String path, StringBuilder out) {
        if (node == null) {
            return;
        }
        out.append("\n  ").append(path.isEmpty() ? "/" : path).append(' ').append(node.getClass().getSimpleName());
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                nodeClasses(child.getValue(), path + "/" + child.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                nodeClasses(node.get(i), path + "/" + i, out);
            }
        }
    }

    private static String render(ConfigDef def) {
        StringBuilder out = new StringBuilder();
        for (ConfigDef.ConfigKey key : def.configKeys().values()) {
            out.append(key.name).append(" type=").append(key.type).append(" default=")
                .append(key.hasDefault() ? String.valueOf(key.defaultValue) : "<none>")
                .append(" importance=").append(key.importance).append(" group=").append(key.group)
                .append(" order=").append(key.orderInGroup).append(" width=").append(key.width)
                .append(" display=").append(key.displayName).append(" validator=").append(key.validator)
                .append(" dependents=").append(key.dependents).append(" internal=").append(key.internalConfig)
                .append("\n  doc=").append(key.documentation).append('\n');
        }
        return out.toString();
    }
}
