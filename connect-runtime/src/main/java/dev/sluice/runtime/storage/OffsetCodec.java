package dev.sluice.runtime.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts between connector-level source offsets and the raw bytes of an {@link OffsetStore}, in the
 * format of Apache Kafka Connect's offsets topic and offset file.
 *
 * <p>The key of a source partition {@code p} of connector {@code c} is the compact JSON array
 * {@code ["c",{p}]}; the value is the compact JSON object of the offset map, or null for a deleted offset.
 * Both go through {@link JsonConverter} with schemas disabled, which writes map entries in the map's
 * iteration order. Offsets are looked up by exact key bytes, so this must stay byte-identical to Apache's.
 *
 * <p>Thread-safe.
 */
public final class OffsetCodec {

    private static final Logger log = LoggerFactory.getLogger(OffsetCodec.class);

    private static final String PARTITION = "Source partition";
    private static final String OFFSET = "Source offset";

    private final JsonConverter converter;

    /** A codec over a {@link JsonConverter} with schemas disabled. */
    public OffsetCodec() {
        converter = new JsonConverter();
        converter.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "false"), true);
    }

    /**
     * The key under which a connector's offset for a source partition is stored.
     *
     * @param connectorName the connector; also the converter's topic argument, as in Apache's worker
     * @param partition the source partition, or null
     * @return the serialized key
     * @throws DataException if the partition is not a map of String keys to primitive values
     */
    public ByteBuffer encodeKey(String connectorName, Map<String, ?> partition) {
        OffsetFormat.validate(PARTITION, partition);
        return ByteBuffer.wrap(converter.fromConnectData(connectorName, null, Arrays.asList(connectorName, partition)));
    }

    /**
     * The stored form of a source offset.
     *
     * @param connectorName the connector (the converter's topic argument)
     * @param offset the source offset, or null for a deletion
     * @return the serialized value, or null for a null offset
     * @throws DataException if the offset is not a map of String keys to primitive values
     */
    public ByteBuffer encodeValue(String connectorName, Map<String, ?> offset) {
        OffsetFormat.validate(OFFSET, offset);
        if (offset == null) {
            return null;
        }
        return ByteBuffer.wrap(converter.fromConnectData(connectorName, null, offset));
    }

    /**
     * Reads a stored source offset back. JSON integers read back as {@code Long}, decimals as {@code Double}.
     *
     * @param connectorName the connector (the converter's topic argument)
     * @param value the serialized value, or null
     * @return the offset, or null for a null value or JSON null
     * @throws DataException if the bytes are not JSON, or not a JSON object of primitive values
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> decodeValue(String connectorName, ByteBuffer value) {
        if (value == null) {
            return null;
        }
        Object decoded = converter.toConnectData(connectorName, ByteBuffers.toArray(value)).value();
        OffsetFormat.validate(OFFSET, decoded);
        return (Map<String, Object>) decoded;
    }

    /**
     * Reads a stored key back into its connector and source partition.
     *
     * @param key the serialized key
     * @return the connector and partition, or empty if the key is not a JSON array {@code [string, object]}
     *     (such keys cannot belong to a source connector and are ignored; {@code [name, null]} silently)
     */
    @SuppressWarnings("unchecked")
    public Optional<ConnectorPartition> decodeKey(ByteBuffer key) {
        if (key == null) {
            log.warn("Ignoring a null offset key");
            return Optional.empty();
        }
        SchemaAndValue decoded;
        try {
            decoded = converter.toConnectData(null, ByteBuffers.toArray(key));
        } catch (DataException e) {
            log.warn("Ignoring offset key that is not JSON: '{}' ({})", text(key), e.getMessage());
            return Optional.empty();
        }
        if (decoded.value() instanceof List<?> list && list.size() == 2 && list.get(0) instanceof String connector) {
            Object partition = list.get(1);
            if (partition instanceof Map<?, ?> map) {
                return Optional.of(new ConnectorPartition(connector, (Map<String, Object>) map));
            }
            if (partition == null) {
                log.debug("Ignoring offset key of connector '{}' with a null source partition", connector);
                return Optional.empty();
            }
        }
        log.warn("Ignoring offset key that is not a JSON array [connector name, {source partition}]: '{}'", text(key));
        return Optional.empty();
    }

    private static String text(ByteBuffer bytes) {
        return new String(ByteBuffers.toArray(bytes), StandardCharsets.UTF_8);
    }
}
