package org.apache.kafka.connect.transforms;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.util.RegexValidator;
import org.apache.kafka.connect.transforms.util.SimpleConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renames a record's topic: when the whole topic name matches {@code regex}, the topic becomes the
 * name rewritten with {@code replacement} (which may refer to capture groups as {@code $1});
 * records whose topic does not match pass through unchanged.
 *
 * @param <R> the record type
 */
public class RegexRouter<R extends ConnectRecord<R>> implements Transformation<R> {

    private static final Logger log = LoggerFactory.getLogger(RegexRouter.class);

    public static final String OVERVIEW_DOC = "Update the record topic using the configured regular expression and replacement string."
        + "<p/>Under the hood, the regex is compiled to a <code>java.util.regex.Pattern</code>. "
        + "If the pattern matches the input topic, <code>java.util.regex.Matcher#replaceFirst()</code> is used with the replacement string to obtain the new topic.";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
        .define(ConfigName.REGEX, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new RegexValidator(),
            ConfigDef.Importance.HIGH, "Java regular expression that the entire topic name has to match.")
        .define(ConfigName.REPLACEMENT, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
            ConfigDef.Importance.HIGH, "New topic name for matching records; may refer to capture groups of the regex as $1, $2, ...");

    /** Configuration keys. */
    interface ConfigName {
        String REGEX = "regex";
        String REPLACEMENT = "replacement";
    }

    private Pattern regex;
    private String replacement;
    private Route lastRoute;

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
        regex = Pattern.compile(config.getString(ConfigName.REGEX));
        replacement = config.getString(ConfigName.REPLACEMENT);
        lastRoute = null;
    }

    @Override
    public R apply(R record) {
        String topic = record.topic();
        Route route = lastRoute;
        if (route == null || !route.from.equals(topic)) {
            route = route(topic);
            lastRoute = route;
        }
        if (route.to == null) {
            return record;
        }
        return record.newRecord(route.to, record.kafkaPartition(), record.keySchema(), record.key(),
            record.valueSchema(), record.value(), record.timestamp());
    }

    private Route route(String topic) {
        Matcher matcher = regex.matcher(topic);
        if (!matcher.matches()) {
            log.trace("Topic '{}' does not match '{}', leaving the record's topic as it is", topic, regex);
            return new Route(topic, null);
        }
        String renamed = matcher.replaceFirst(replacement);
        log.trace("Routing records of topic '{}' to '{}'", topic, renamed);
        return new Route(topic, renamed);
    }

    /**
     * The outcome for one topic name ({@code to} is null when the name does not match). Records of a
     * task mostly come from a few topics, so remembering the last outcome skips the regex for most
     * records; the holder is immutable, so sharing it between threads is safe.
     */
    private static final class Route {
        final String from;
        final String to;

        Route(String from, String to) {
            this.from = from;
            this.to = to;
        }
    }

    @Override
    public void close() {
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }
}
