package org.apache.kafka.connect.transforms;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * Renames a record's topic from a template: {@code ${topic}} stands for the current topic and
 * {@code ${timestamp}} for the record's timestamp rendered in UTC with a
 * {@link SimpleDateFormat} pattern. Records without a timestamp are rejected. Like every transform
 * instance it serves one task thread at a time; its date format is not shared between instances.
 *
 * @param <R> the record type
 */
public class TimestampRouter<R extends ConnectRecord<R>> implements Transformation<R>, AutoCloseable {

    public static final String OVERVIEW_DOC = "Update the record's topic field as a function of the original topic value and the record timestamp."
        + "<p/>This is mainly useful for sink connectors, since the topic field is often used to determine the equivalent entity name in the destination system"
        + "(e.g. database table or search index name).";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
        .define(ConfigName.TOPIC_FORMAT, ConfigDef.Type.STRING, "${topic}-${timestamp}", ConfigDef.Importance.HIGH,
            "Template for the new topic name; <code>${topic}</code> is replaced by the record's topic and "
                + "<code>${timestamp}</code> by its formatted timestamp.")
        .define(ConfigName.TIMESTAMP_FORMAT, ConfigDef.Type.STRING, "yyyyMMdd", ConfigDef.Importance.HIGH,
            "<code>java.text.SimpleDateFormat</code> pattern used to render the record timestamp, in UTC.");

    private static final String TOPIC_PLACEHOLDER = "${topic}";
    private static final String TIMESTAMP_PLACEHOLDER = "${timestamp}";
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    /** Configuration keys. */
    interface ConfigName {
        String TOPIC_FORMAT = "topic.format";
        String TIMESTAMP_FORMAT = "timestamp.format";
    }

    private String topicFormat;
    private String timestampPattern;
    // Built on first use, so that a bad pattern fails the record as it does in Apache; one task thread uses it.
    private SimpleDateFormat timestampFormat;
    private final Date scratchDate = new Date(0L);

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        topicFormat = config.getString(ConfigName.TOPIC_FORMAT);
        timestampPattern = config.getString(ConfigName.TIMESTAMP_FORMAT);
        timestampFormat = null;
    }

    @Override
    public R apply(R record) {
        Long timestamp = record.timestamp();
        if (timestamp == null) {
            throw new DataException("Timestamp missing on record: " + record);
        }
        // Format before substituting the topic, so a bad pattern wins over a null topic, as upstream.
        String formattedTimestamp = formatTimestamp(timestamp);
        String topic = topicFormat.replace(TOPIC_PLACEHOLDER, record.topic())
            .replace(TIMESTAMP_PLACEHOLDER, formattedTimestamp);
        return record.newRecord(topic, record.kafkaPartition(), record.keySchema(), record.key(),
            record.valueSchema(), record.value(), record.timestamp());
    }

    private String formatTimestamp(long timestamp) {
        if (timestampFormat == null) {
            SimpleDateFormat format = new SimpleDateFormat(timestampPattern);
            format.setTimeZone(UTC);
            timestampFormat = format;
        }
        scratchDate.setTime(timestamp);
        return timestampFormat.format(scratchDate);
    }

    @Override
    public void close() {
        timestampFormat = null;
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }
}
