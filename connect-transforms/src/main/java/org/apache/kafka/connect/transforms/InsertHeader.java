package org.apache.kafka.connect.transforms;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Values;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * Adds one header to every record. The configured literal is parsed once with
 * {@link Values#parseString(String)}, so {@code 42} becomes a number, {@code true} a boolean and
 * {@code [1,2]} an array, each with the inferred schema.
 *
 * @param <R> the record type
 */
public class InsertHeader<R extends ConnectRecord<R>> implements Transformation<R> {

    public static final String OVERVIEW_DOC = "Add a header to each record.";

    public static final String HEADER_FIELD = "header";

    public static final String VALUE_LITERAL_FIELD = "value.literal";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
        .define(HEADER_FIELD, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
            new ConfigDef.NonNullValidator(), ConfigDef.Importance.HIGH,
            "Key of the header to add.")
        .define(VALUE_LITERAL_FIELD, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
            new ConfigDef.NonNullValidator(), ConfigDef.Importance.HIGH,
            "Literal header value, added to every record; its type is inferred from the text.");

    private String header;
    private SchemaAndValue literalValue;

    @Override
    public R apply(R record) {
        Headers headers = record.headers().duplicate();
        headers.add(header, literalValue);
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
            record.valueSchema(), record.value(), record.timestamp(), headers);
    }

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        header = config.getString(HEADER_FIELD);
        literalValue = Values.parseString(config.getString(VALUE_LITERAL_FIELD));
    }
}
