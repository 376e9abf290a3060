package org.apache.kafka.connect.json;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/** A Kafka {@link Deserializer} that reads UTF-8 JSON bytes into a Jackson {@link JsonNode} tree. */
public class JsonDeserializer implements Deserializer<JsonNode> {

    // Apache's deserializer accepts numbers with leading zeros ("007"); everything else is strict JSON.
    private final ObjectMapper mapper = JsonMapper.builder()
        .enable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
        .build();

    /** A deserializer with Jackson's default features. */
    public JsonDeserializer() {
        this(Set.of(), false, false);
    }

    /**
     * @param keepDecimalScale whether decimal numbers keep their trailing zeros ({@code 1.50} stays scale 2)
     */
    JsonDeserializer(Set<DeserializationFeature> features, boolean keepDecimalScale, boolean enableBlackbird) {
        features.forEach(mapper::enable);
        if (keepDecimalScale) {
            mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        }
        if (enableBlackbird) {
            mapper.registerModule(new BlackbirdModule());
        }
    }

    /**
     * The tree of the first JSON value in {@code bytes} (content after it is ignored), a missing node for empty
     * input, or null for null input.
     *
     * @throws SerializationException if the bytes are not well-formed JSON
     */
    @Override
    public JsonNode deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return mapper.readTree(bytes);
        } catch (Exception e) {
            throw new SerializationException(e);
        }
    }

    /** The mapper whose parsers read exactly as this deserializer reads. */
    ObjectMapper mapper() {
        return mapper;
    }
}
