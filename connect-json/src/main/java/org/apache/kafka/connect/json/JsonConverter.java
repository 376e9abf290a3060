package org.apache.kafka.connect.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.cache.Cache;
import org.apache.kafka.common.cache.LRUCache;
import org.apache.kafka.common.cache.SynchronizedCache;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.ConverterType;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.storage.StringConverterConfig;

/**
 * Converts between Kafka Connect data and JSON, byte for byte as Apache Kafka's {@code JsonConverter} does.
 *
 * <p>With {@code schemas.enable=true} (the default) each value is written as {@code {"schema":...,"payload":...}}
 * and read back from that envelope, or against the fixed schema of {@code schema.content} when that is set;
 * otherwise the bare payload is written and read without a schema. Values are streamed through Jackson's
 * generator and parser rather than built as trees, and schemas are cached in both directions, bounded by
 * {@code schemas.cache.size}.
 */
public class JsonConverter implements Converter, HeaderConverter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final byte[] ENVELOPE_START = "{\"schema\":".getBytes(StandardCharsets.UTF_8);

    private final JsonSerializer serializer;
    private final JsonDeserializer deserializer;
    private volatile Codec codec;

    /** A converter that uses the Blackbird module for any Jackson data binding. */
    public JsonConverter() {
        this(true);
    }

    /**
     * @param enableBlackbird whether the serializer and deserializer register Jackson's Blackbird module
     */
    public JsonConverter(boolean enableBlackbird) {
        this.serializer = new JsonSerializer(Set.of(), enableBlackbird);
        this.deserializer = new JsonDeserializer(Set.of(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS), true,
            enableBlackbird);
    }

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public ConfigDef config() {
        return JsonConverterConfig.configDef();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        JsonConverterConfig config = new JsonConverterConfig(configs);
        Codec configured = new Codec(config, serializer.mapper(), deserializer.mapper());
        byte[] schemaContent = config.schemaContent();
        if (schemaContent != null) {
            JsonNode schemaJson;
            try {
                schemaJson = deserializer.deserialize("", schemaContent);
            } catch (SerializationException e) {
                throw new DataException("Failed to parse schema in converter config due to serialization error: ", e);
            }
            configured.fixedSchema = configured.schemaFromTree(schemaJson);
        }
        this.codec = configured;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> withType = new HashMap<>(configs);
        withType.put(StringConverterConfig.TYPE_CONFIG,
            isKey ? ConverterType.KEY.getName() : ConverterType.VALUE.getName());
        configure(withType);
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        return fromConnectData(topic, schema, value);
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        return toConnectData(topic, value);
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        Codec c = codec();
        if (schema == null && value == null) {
            return null;
        }
        try {
            return c.write(schema, value);
        } catch (IOException e) {
            throw new DataException("Converting Kafka Connect data to byte[] failed due to serialization error: ",
                new SerializationException("Error serializing JSON message", e));
        }
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        Codec c = codec();
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        try {
            return c.read(value);
        } catch (IOException e) {
            throw new DataException("Converting byte[] to Kafka Connect data failed due to serialization error: ",
                new SerializationException(e));
        }
    }

    /** The JSON form of a Connect schema, or null for a null schema. */
    public ObjectNode asJsonSchema(Schema schema) {
        Codec c = codec();
        if (schema == null) {
            return null;
        }
        try {
            TreeJsonOut tree = new TreeJsonOut(NODES);
            c.schemaWriter.write(schema, tree);
            return (ObjectNode) tree.root();
        } catch (IOException e) {
            throw new DataException("Cannot render the JSON form of schema " + schema, e);
        }
    }

    /** The Connect schema that a JSON schema describes, or null for a JSON null. */
    public Schema asConnectSchema(JsonNode jsonSchema) {
        return codec().schemaFromTree(jsonSchema);
    }

    long sizeOfFromConnectSchemaCache() {
        return codec().schemaJson.size();
    }

    long sizeOfToConnectSchemaCache() {
        return codec().schemas.size();
    }

    private Codec codec() {
        Codec c = codec;
        if (c == null) {
            throw new IllegalStateException("JsonConverter must be configured before use");
        }
        return c;
    }

    /** Everything that depends on one configuration; replaced as a whole by configure. */
    private static final class Codec {
        final JsonConverterConfig config;
        final ObjectMapper writeMapper;
        final ObjectMapper readMapper;
        final ConnectValueWriter valueWriter;
        final JsonSchemaWriter schemaWriter;
        final ConnectValueReader valueReader;
        final JsonSchemaReader schemaReader;
        final SchemaJsonCache schemaJson;
        final ConnectSchemaCache schemas;
        final Cache<JsonNode, Schema> schemasByTree;
        final EnvelopeReader envelopes;
        Schema fixedSchema;

        Codec(JsonConverterConfig config, ObjectMapper writeMapper, ObjectMapper readMapper) {
            this.config = config;
            this.writeMapper = writeMapper;
            this.readMapper = readMapper;
            this.valueWriter = new ConnectValueWriter(config.decimalFormat(), config.replaceNullWithDefault(), NODES);
            this.schemaWriter = new JsonSchemaWriter(valueWriter);
            this.valueReader = new ConnectValueReader(config.replaceNullWithDefault(), readMapper);
            this.schemaReader = new JsonSchemaReader(valueReader);
            this.schemaJson = new SchemaJsonCache(config.schemaCacheSize(), this::renderSchema);
            this.schemas = new ConnectSchemaCache(config.schemaCacheSize(), readMapper, schemaReader);
            this.schemasByTree = new SynchronizedCache<>(new LRUCache<>(config.schemaCacheSize()));
            this.envelopes = new EnvelopeReader(readMapper, valueReader, schemas);
        }

        byte[] write(Schema schema, Object value) throws IOException {
            // Rendered (or found) before the payload is converted, so a bad schema fails first, as in Apache.
            SerializableString schemaText = config.schemasEnabled() && schema != null ? schemaJson.jsonOf(schema) : null;
            BufferRecycler recycler = writeMapper.getFactory()._getBufferRecycler();
            try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
                try (JsonGenerator generator = writeMapper.createGenerator(out)) {
                    JsonOut json = new GeneratorJsonOut(generator);
                    if (config.schemasEnabled()) {
                        generator.writeStartObject();
                        generator.writeFieldName(JsonSchema.ENVELOPE_SCHEMA_FIELD_NAME);
                        if (schemaText == null) {
                            generator.writeNull();
                        } else {
                            generator.writeRawValue(schemaText);
                        }
                        generator.writeFieldName(JsonSchema.ENVELOPE_PAYLOAD_FIELD_NAME);
                        valueWriter.write(schema, value, json);
                        generator.writeEndObject();
                    } else {
                        valueWriter.write(schema, value, json);
                    }
                }
                return out.getClearAndRelease();
            } finally {
                recycler.releaseToPool();
            }
        }

        /**
         * The schema's JSON text. It is rendered inside an envelope object and then cut out of it, so that the
         * generator's nesting limit counts the envelope level as it does when Apache writes the whole record.
         */
        private SerializableString renderSchema(Schema schema) throws IOException {
            BufferRecycler recycler = writeMapper.getFactory()._getBufferRecycler();
            try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
                try (JsonGenerator generator = writeMapper.createGenerator(out)) {
                    generator.writeStartObject();
                    generator.writeFieldName(JsonSchema.ENVELOPE_SCHEMA_FIELD_NAME);
                    schemaWriter.write(schema, new GeneratorJsonOut(generator));
                    generator.writeEndObject();
                }
                byte[] enveloped = out.getClearAndRelease();
                int start = ENVELOPE_START.length;
                String text = new String(enveloped, start, enveloped.length - start - 1, StandardCharsets.UTF_8);
                return new SerializedString(text);
            } finally {
                recycler.releaseToPool();
            }
        }

        SchemaAndValue read(byte[] value) throws IOException {
            if (config.schemasEnabled() && fixedSchema == null) {
                return envelopes.read(value);
            }
            Schema schema = config.schemasEnabled() ? fixedSchema : null;
            try (JsonParser parser = readMapper.createParser(value)) {
                parser.nextToken();
                return new SchemaAndValue(schema, valueReader.read(schema, parser, true));
            }
        }

        Schema schemaFromTree(JsonNode json) {
            if (json.isNull()) {
                return null;
            }
            Schema cached = schemasByTree.get(json);
            if (cached != null) {
                return cached;
            }
            Schema schema;
            try {
                schema = schemaReader.read(json);
            } catch (IOException e) {
                throw new DataException("Cannot read schema " + json, e);
            }
            schemasByTree.put(json, schema);
            return schema;
        }
    }
}
