package org.apache.kafka.connect.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Values;
import org.apache.kafka.connect.errors.DataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default header converter: writes header values as UTF-8 text in the form of
 * {@link Values#convertToString} (strings as they are, other values in Connect's literal syntax)
 * and reads them back with {@link Values#parseString}, which infers the schema from the text.
 */
public class SimpleHeaderConverter implements HeaderConverter {

    private static final Logger log = LoggerFactory.getLogger(SimpleHeaderConverter.class);

    /**
     * Creates the converter; it takes no configuration.
     */
    public SimpleHeaderConverter() {
    }

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }

    @Override
    public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
        if (value == null) {
            return new SchemaAndValue(null, null);
        }
        try {
            String text = new String(value, StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                // parseString has no literal for the empty string
                return new SchemaAndValue(Schema.STRING_SCHEMA, text);
            }
            return Values.parseString(text);
        } catch (NoSuchElementException e) {
            throw new DataException("Failed to deserialize value for header '" + headerKey + "' on topic '" + topic + "'", e);
        } catch (RuntimeException | StackOverflowError e) {
            // Header bytes come from any producer; text we cannot parse (or nests too deeply)
            // must not fail the record, so keep the raw bytes instead.
            log.warn("Failed to deserialize value for header '{}' on topic '{}', so using byte array", headerKey, topic, e);
            return new SchemaAndValue(Schema.BYTES_SCHEMA, value);
        }
    }

    @Override
    public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        return Values.convertToString(schema, value).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        // nothing to release
    }
}
