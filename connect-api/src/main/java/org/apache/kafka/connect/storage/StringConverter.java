package org.apache.kafka.connect.storage;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;

/**
 * Converts any value to text with {@code toString()} and back to an optional string, in the
 * character set of {@link StringConverterConfig#ENCODING_CONFIG} (UTF-8 by default). Usable for
 * keys, values and headers.
 *
 * <p>Encoding is delegated to Kafka's {@link StringSerializer}/{@link StringDeserializer}, so the
 * serializer's own keys keep working as in Apache: {@code key.serializer.encoding} /
 * {@code value.serializer.encoding} (and the deserializer equivalents), when present in the
 * converter's properties, take precedence over {@code converter.encoding}.
 */
public class StringConverter implements Converter, HeaderConverter {

    private final StringSerializer serializer = new StringSerializer();
    private final StringDeserializer deserializer = new StringDeserializer();

    /**
     * Creates a converter; unconfigured it uses UTF-8.
     */
    public StringConverter() {
    }

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public ConfigDef config() {
        return StringConverterConfig.configDef();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        StringConverterConfig config = new StringConverterConfig(configs);
        String encoding = config.encoding();
        boolean isKey = config.type() == ConverterType.KEY;

        Map<String, Object> serializerConfigs = new HashMap<>(configs);
        serializerConfigs.put("serializer.encoding", encoding);
        serializer.configure(serializerConfigs, isKey);

        Map<String, Object> deserializerConfigs = new HashMap<>(configs);
        deserializerConfigs.put("deserializer.encoding", encoding);
        deserializer.configure(deserializerConfigs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> withType = new HashMap<>(configs);
        withType.put(ConverterConfig.TYPE_CONFIG, (isKey ? ConverterType.KEY : ConverterType.VALUE).getName());
        configure(withType);
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        try {
            return serializer.serialize(topic, value == null ? null : value.toString());
        } catch (SerializationException e) {
            throw new DataException("Failed to serialize to a string: ", e);
        }
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        try {
            return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, deserializer.deserialize(topic, value));
        } catch (SerializationException e) {
            throw new DataException("Failed to deserialize string: ", e);
        }
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
    public void close() {
        Utils.closeQuietly(serializer, "string converter serializer");
        Utils.closeQuietly(deserializer, "string converter deserializer");
    }
}
