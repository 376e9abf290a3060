package dev.sluice.runtime.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The configuration of a sink connector: the common connector keys plus the topics it consumes
 * ({@code topics} or {@code topics.regex}, exactly one of them) and its dead letter queue. The rules
 * between keys (one topic source; the dead letter queue topic is not consumed) are checked by
 * {@link #validate(Map)}, which the constructor runs. Class-typed keys resolve through the loader given to
 * the constructor (see {@link ConnectorConfig}).
 */
public final class SinkConnectorConfig extends ConnectorConfig {

    /** Key: the topics to consume. */
    public static final String TOPICS = "topics";
    /** Key: a regex of the topics to consume. */
    public static final String TOPICS_REGEX = "topics.regex";
    /** Key: the dead letter queue topic; empty disables it. */
    public static final String DLQ_TOPIC_NAME = "errors.deadletterqueue.topic.name";
    /** Key: replication factor of the dead letter queue topic when it is created. */
    public static final String DLQ_TOPIC_REPLICATION_FACTOR = "errors.deadletterqueue.topic.replication.factor";
    /** Key: whether dead letter records carry error context headers. */
    public static final String DLQ_CONTEXT_HEADERS_ENABLE = "errors.deadletterqueue.context.headers.enable";

    /**
     * Parses a sink connector configuration.
     *
     * @param props the connector configuration
     * @param pluginClasses the loader for class-typed values and plugin classes, or null for the context loader
     * @throws ConfigException naming the key when a value is invalid or the topic rules are broken
     */
    public SinkConnectorConfig(Map<String, String> props, ClassLoader pluginClasses) {
        super(configDef(), props, pluginClasses);
        validate(props);
    }

    /** The keys of every sink connector, in Apache's order; a new definition on every call. */
    public static ConfigDef configDef() {
        return ConnectorConfig.configDef()
            .define(TOPICS, Type.LIST, "", ConfigDef.ValidList.anyNonDuplicateValues(true, false), Importance.HIGH,
                "Comma-separated topics to consume; set this or topics.regex, not both.",
                COMMON_GROUP, 4, Width.LONG, "Topics")
            .define(TOPICS_REGEX, Type.STRING, "", new RegexValidator(), Importance.HIGH,
                "Java regex of the topics to consume, including topics created later; set this or topics,"
                    + " not both.", COMMON_GROUP, 4, Width.LONG, "Topics regex")
            .define(DLQ_TOPIC_NAME, Type.STRING, "", Importance.MEDIUM,
                "Topic that receives the records this connector fails to process when errors.tolerance=all;"
                    + " empty sends them nowhere.", ERROR_GROUP, 6, Width.MEDIUM, "Dead Letter Queue Topic Name")
            .define(DLQ_TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) 3, Importance.MEDIUM,
                "Replication factor of the dead letter queue topic if the worker creates it.",
                ERROR_GROUP, 7, Width.MEDIUM, "Dead Letter Queue Topic Replication Factor")
            .define(DLQ_CONTEXT_HEADERS_ENABLE, Type.BOOLEAN, false, Importance.MEDIUM,
                "Whether records sent to the dead letter queue carry __connect.errors.* headers describing the"
                    + " failure.", ERROR_GROUP, 8, Width.MEDIUM, "Enable Error Context Headers");
    }

    /**
     * Checks the rules between the topic keys of a sink connector configuration.
     *
     * @throws ConfigException naming the offending key and saying how to fix it
     */
    public static void validate(Map<String, String> props) {
        Map<String, ConfigValue> results = new HashMap<>();
        validate(props, results);
        for (String key : List.of(TOPICS, TOPICS_REGEX)) {
            ConfigValue result = results.get(key);
            if (result != null && !result.errorMessages().isEmpty()) {
                throw new ConfigException(key, props.get(key), result.errorMessages().get(0));
            }
        }
    }

    /**
     * Checks the rules between the topic keys and records each problem on the {@code topics} and/or
     * {@code topics.regex} entry of {@code results} (creating entries as needed), for the REST validation
     * response.
     */
    public static void validate(Map<String, String> props, Map<String, ConfigValue> results) {
        boolean hasTopics = hasTopicsConfig(props);
        boolean hasRegex = hasTopicsRegexConfig(props);
        if (hasTopics && hasRegex) {
            String message = "Set either '" + TOPICS + "' or '" + TOPICS_REGEX + "', not both: a sink connector takes"
                + " its topics from exactly one of them";
            addError(results, props, TOPICS, message);
            addError(results, props, TOPICS_REGEX, message);
            return;
        }
        if (!hasTopics && !hasRegex) {
            String message = "A sink connector needs the topics to consume: set '" + TOPICS + "' (a list) or '"
                + TOPICS_REGEX + "' (a regex)";
            addError(results, props, TOPICS, message);
            addError(results, props, TOPICS_REGEX, message);
            return;
        }
        String dlqTopic = dlqTopic(props);
        if (dlqTopic.isEmpty()) {
            return;
        }
        if (hasTopics && parseTopicsList(props).contains(dlqTopic)) {
            addError(results, props, TOPICS, "The dead letter queue topic '" + dlqTopic + "' ('" + DLQ_TOPIC_NAME
                + "') is also listed in '" + TOPICS + "'; a connector may not consume its own dead letter queue");
        }
        if (hasRegex && matches(props.get(TOPICS_REGEX).trim(), dlqTopic)) {
            addError(results, props, TOPICS_REGEX, "The dead letter queue topic '" + dlqTopic + "' ('" + DLQ_TOPIC_NAME
                + "') matches '" + TOPICS_REGEX + "'; a connector may not consume its own dead letter queue");
        }
    }

    /** Whether {@code topics} is set to a non-empty list. */
    public static boolean hasTopicsConfig(Map<String, String> props) {
        String topics = props.get(TOPICS);
        return topics != null && !topics.isBlank();
    }

    /** Whether {@code topics.regex} is set to a non-blank value. */
    public static boolean hasTopicsRegexConfig(Map<String, String> props) {
        String regex = props.get(TOPICS_REGEX);
        return regex != null && !regex.isBlank();
    }

    /** Whether a dead letter queue topic is set. */
    public static boolean hasDlqTopicConfig(Map<String, String> props) {
        return !dlqTopic(props).isEmpty();
    }

    /** The entries of {@code topics}, trimmed, without empty entries. */
    @SuppressWarnings("unchecked")
    public static List<String> parseTopicsList(Map<String, String> props) {
        String topics = props.get(TOPICS);
        if (topics == null) {
            return List.of();
        }
        return ((List<String>) ConfigDef.parseType(TOPICS, topics, Type.LIST)).stream()
            .filter(topic -> !topic.isEmpty())
            .toList();
    }

    /** The dead letter queue topic, or empty. */
    public String dlqTopicName() {
        return getString(DLQ_TOPIC_NAME).trim();
    }

    /** Replication factor of the dead letter queue topic. */
    public short dlqTopicReplicationFactor() {
        return getShort(DLQ_TOPIC_REPLICATION_FACTOR);
    }

    /** Whether dead letter records carry error context headers. */
    public boolean isDlqContextHeadersEnabled() {
        return getBoolean(DLQ_CONTEXT_HEADERS_ENABLE);
    }

    private static String dlqTopic(Map<String, String> props) {
        String topic = props.get(DLQ_TOPIC_NAME);
        return topic == null ? "" : topic.trim();
    }

    private static boolean matches(String regex, String topic) {
        try {
            return Pattern.compile(regex).matcher(topic).matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static void addError(Map<String, ConfigValue> results, Map<String, String> props, String key, String message) {
        results.computeIfAbsent(key, k -> new ConfigValue(k, props.get(k), List.of(), new java.util.ArrayList<>()))
            .addErrorMessage(message);
    }
}
