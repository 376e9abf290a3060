package org.apache.kafka.connect.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka {@link Serializer} that writes a Jackson {@link JsonNode} as compact UTF-8 JSON. */
public class JsonSerializer implements Serializer<JsonNode> {

    private final ObjectMapper mapper = new ObjectMapper();

    /** A serializer with Jackson's default features. */
    public JsonSerializer() {
        this(Set.of(), false);
    }

    JsonSerializer(Set<SerializationFeature> features, boolean enableBlackbird) {
        features.forEach(mapper::enable);
        if (enableBlackbird) {
            mapper.registerModule(new BlackbirdModule());
        }
    }

    /** The node as JSON bytes, or null for a null node reference. */
    @Override
    public byte[] serialize(String topic, JsonNode data) {
        if (data == null) {
            return null;
        }
        try {
            return mapper.writeValueAsBytes(data);
        } catch (Exception e) {
            throw new SerializationException("Error serializing JSON message", e);
        }
    }

    /** The mapper whose generators produce exactly the bytes this serializer produces. */
    ObjectMapper mapper() {
        return mapper;
    }
}
