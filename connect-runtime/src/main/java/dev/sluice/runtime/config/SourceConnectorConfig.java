package dev.sluice.runtime.config;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.SourceTask;

/**
 * The configuration of a source connector: the common connector keys plus topic creation groups
 * ({@link TopicCreationKeys}), exactly-once settings and a connector-specific offsets topic. Topic
 * creation keys are parsed only when the worker allows topic creation and the connector uses it.
 * Class-typed keys resolve through the loader given to the constructor (see {@link ConnectorConfig}).
 */
public final class SourceConnectorConfig extends ConnectorConfig {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SourceConnectorConfig.class);

    /** Group of the exactly-once keys. */
    public static final String EXACTLY_ONCE_GROUP = "Exactly Once Support";
    /** Group of the offsets topic key. */
    public static final String OFFSETS_TOPIC_GROUP = "offsets.topic";
    /** Key: whether the connector must support exactly-once delivery. */
    public static final String EXACTLY_ONCE_SUPPORT = "exactly.once.support";
    /** Key: how tasks delimit transactions. */
    public static final String TRANSACTION_BOUNDARY = "transaction.boundary";
    /** Key: transaction length with {@code transaction.boundary=interval}. */
    public static final String TRANSACTION_BOUNDARY_INTERVAL_MS = "transaction.boundary.interval.ms";
    /** Key: the connector's own offsets topic. */
    public static final String OFFSETS_TOPIC = "offsets.storage.topic";

    private final boolean topicCreation;

    /**
     * Parses a source connector configuration.
     *
     * @param props the connector configuration
     * @param topicCreationEnabled the worker's {@code topic.creation.enable}
     * @param pluginClasses the loader for class-typed values and plugin classes, or null for the context loader
     */
    public SourceConnectorConfig(Map<String, String> props, boolean topicCreationEnabled, ClassLoader pluginClasses) {
        super(configDef(props, topicCreationEnabled), props, pluginClasses);
        this.topicCreation = topicCreationEnabled && TopicCreationKeys.usesTopicCreation(props);
        checkTransactionBoundaryInterval();
    }

    /** The keys of every source connector, in Apache's order; a new definition on every call. */
    public static ConfigDef configDef() {
        int order = 0;
        return ConnectorConfig.configDef()
            .define(TopicCreationKeys.GROUPS, Type.LIST, "", ConfigDef.CompositeValidator.of(
                    new ConfigDef.NonNullValidator(), UniqueAliases.of("topic creation groups")), Importance.LOW,
                "Names of topic creation groups besides 'default', each set up by topic.creation.<group>.* keys.",
                "Topic Creation", 1, Width.LONG, "Topic Creation Groups")
            .define(EXACTLY_ONCE_SUPPORT, Type.STRING, "requested",
                ConfigDef.CaseInsensitiveValidString.in("REQUIRED", "REQUESTED"), Importance.MEDIUM,
                "required: the connector must declare exactly-once support or it is rejected; requested: it is"
                    + " run either way.", EXACTLY_ONCE_GROUP, ++order + 1, Width.SHORT, "Exactly once support")
            .define(TRANSACTION_BOUNDARY, Type.STRING, "poll",
                ConfigDef.CaseInsensitiveValidString.in("INTERVAL", "POLL", "CONNECTOR"), Importance.MEDIUM,
                "With exactly-once support: one transaction per poll() batch (poll), per interval (interval), or"
                    + " as the connector defines them (connector).", EXACTLY_ONCE_GROUP, ++order + 1, Width.SHORT,
                "Transaction Boundary")
            .define(TRANSACTION_BOUNDARY_INTERVAL_MS, Type.LONG, null, ConfigDef.LambdaValidator.with(
                    SourceConnectorConfig::checkInterval, () -> "[0,...]"), Importance.LOW,
                "Length of a transaction in milliseconds with transaction.boundary=interval; unset uses the"
                    + " worker's offset.flush.interval.ms.", EXACTLY_ONCE_GROUP, ++order + 1, Width.SHORT,
                "Transaction boundary interval")
            .define(OFFSETS_TOPIC, Type.STRING, null, new ConfigDef.NonEmptyString(), Importance.LOW,
                "Topic for this connector's offsets instead of the worker's offsets topic.",
                OFFSETS_TOPIC_GROUP, 1, Width.LONG, "Offsets topic");
    }

    /**
     * The keys of a source connector with configuration {@code props}: {@link #configDef()} plus, when the worker's
     * {@code topic.creation.enable} is on and {@code props} use topic creation, the keys of its topic creation groups.
     */
    public static ConfigDef configDef(Map<String, String> props, boolean topicCreationEnabled) {
        ConfigDef definition = configDef();
        if (!topicCreationEnabled || !TopicCreationKeys.usesTopicCreation(props)) {
            return definition;
        }
        definition = TopicCreationKeys.withDefaultGroup(definition);
        AbstractConfig defaultGroup = new AbstractConfig(TopicCreationKeys.withDefaultGroup(new ConfigDef()),
            withPrefix(props, TopicCreationKeys.PREFIX + TopicCreationKeys.DEFAULT_GROUP + "."), false);
        return TopicCreationKeys.withGroups(definition, props, defaultGroup);
    }

    private static Map<String, String> withPrefix(Map<String, String> props, String prefix) {
        Map<String, String> selected = new HashMap<>();
        props.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                selected.put(key, value);
            }
        });
        return selected;
    }

    private static void checkInterval(String name, Object value) {
        if (value != null && (!(value instanceof Long interval) || interval < 0)) {
            throw new ConfigException(name, value, "Must be at least 0 milliseconds, or unset");
        }
    }

    private void checkTransactionBoundaryInterval() {
        if (getLong(TRANSACTION_BOUNDARY_INTERVAL_MS) != null && transactionBoundary() != SourceTask.TransactionBoundary.INTERVAL) {
            log.warn("Connector '{}': '{}' has no effect unless '{}' is 'interval'", connectorName(),
                TRANSACTION_BOUNDARY_INTERVAL_MS, TRANSACTION_BOUNDARY);
        }
    }

    /** Whether this connector's topics are created from its {@code topic.creation.*} settings. */
    public boolean usesTopicCreation() {
        return topicCreation;
    }

    /** The topic creation groups besides {@code default}, in order. */
    public List<String> topicCreationGroups() {
        return topicCreation ? TopicCreationKeys.groups(originalsStrings()) : List.of();
    }

    /** Regexes of the topics a group includes. */
    public List<String> topicCreationInclude(String group) {
        return getList(groupKey(group, TopicCreationKeys.INCLUDE));
    }

    /** Regexes of the topics a group excludes. */
    public List<String> topicCreationExclude(String group) {
        return getList(groupKey(group, TopicCreationKeys.EXCLUDE));
    }

    /** Replication factor of a group's topics; -1 for the broker's default. */
    public Short topicCreationReplicationFactor(String group) {
        return getShort(groupKey(group, TopicCreationKeys.REPLICATION_FACTOR));
    }

    /** Partition count of a group's topics; -1 for the broker's default. */
    public Integer topicCreationPartitions(String group) {
        return getInt(groupKey(group, TopicCreationKeys.PARTITIONS));
    }

    /** The topic-level configs of a group's topics (its keys other than include, exclude, replication, partitions). */
    public Map<String, Object> topicCreationOtherConfigs(String group) {
        Map<String, Object> configs = new HashMap<>(originalsWithPrefix(TopicCreationKeys.PREFIX + group + "."));
        TopicCreationKeys.GROUP_KEYS.forEach(configs::remove);
        return configs;
    }

    /** The requested exactly-once support, lower case. */
    public String exactlyOnceSupport() {
        return getString(EXACTLY_ONCE_SUPPORT).toLowerCase(Locale.ROOT);
    }

    /** How tasks delimit transactions. */
    public SourceTask.TransactionBoundary transactionBoundary() {
        return SourceTask.TransactionBoundary.valueOf(getString(TRANSACTION_BOUNDARY).trim().toUpperCase(Locale.ROOT));
    }

    /** The transaction interval, or null for the worker's offset flush interval. */
    public Long transactionBoundaryInterval() {
        return getLong(TRANSACTION_BOUNDARY_INTERVAL_MS);
    }

    /** The connector's own offsets topic, or null. */
    public String offsetsTopic() {
        return getString(OFFSETS_TOPIC);
    }

    private static String groupKey(String group, String suffix) {
        return TopicCreationKeys.PREFIX + group + "." + suffix;
    }
}
