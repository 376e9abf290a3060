package dev.sluice.runtime.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code topic.creation.*} keys of source connectors: the {@code default} group (required replication
 * factor and partition count, include {@code .*}) and one set of keys per group listed in
 * {@code topic.creation.groups}, whose replication factor and partitions default to the default group's.
 * Any other key under a group's prefix is a topic-level config for the topics that group creates. As in
 * Apache, the include and exclude patterns of listed groups must be valid regexes, while those of the
 * default group are only checked to be present here (they are compiled when topic creation is set up).
 */
public final class TopicCreationKeys {

    private static final Logger log = LoggerFactory.getLogger(TopicCreationKeys.class);

    /** Prefix of all topic creation keys. */
    public static final String PREFIX = "topic.creation.";
    /** Key: the names of the topic creation groups besides {@code default}. */
    public static final String GROUPS = PREFIX + "groups";
    /** The group that matches every topic no other group matches. */
    public static final String DEFAULT_GROUP = "default";
    /** Suffix: regexes of the topics a group matches. */
    public static final String INCLUDE = "include";
    /** Suffix: regexes of the topics a group does not match. */
    public static final String EXCLUDE = "exclude";
    /** Suffix: replication factor of the topics a group creates. */
    public static final String REPLICATION_FACTOR = "replication.factor";
    /** Suffix: partition count of the topics a group creates. */
    public static final String PARTITIONS = "partitions";
    /** The suffixes that configure a group rather than its topics. */
    public static final Set<String> GROUP_KEYS = Set.of(INCLUDE, EXCLUDE, REPLICATION_FACTOR, PARTITIONS);

    private static final String GROUP_PREFIX = "Topic Creation";

    private TopicCreationKeys() {
    }

    /** Whether a connector configuration uses topic creation at all (any key under {@code topic.creation.}). */
    public static boolean usesTopicCreation(Map<String, String> props) {
        return props.keySet().stream().anyMatch(key -> key.startsWith(PREFIX));
    }

    /** {@code base} plus the {@code topic.creation.default.*} keys. */
    public static ConfigDef withDefaultGroup(ConfigDef base) {
        ConfigDef definition = new ConfigDef(base);
        definition.embed(PREFIX + DEFAULT_GROUP + ".", DEFAULT_GROUP, 0,
            groupKeys(DEFAULT_GROUP, ".*", ConfigDef.NO_DEFAULT_VALUE, ConfigDef.NO_DEFAULT_VALUE,
                new ConfigDef.NonNullValidator()));
        return definition;
    }

    /**
     * {@code base} plus the keys of each group in {@code topic.creation.groups}, with the default group's
     * replication factor and partitions as their defaults.
     *
     * @param defaultGroup a parsed configuration that holds the {@code topic.creation.default.*} keys
     */
    public static ConfigDef withGroups(ConfigDef base, Map<String, String> props, AbstractConfig defaultGroup) {
        ConfigDef definition = new ConfigDef(base);
        Short replicationFactor = defaultGroup.getShort(PREFIX + DEFAULT_GROUP + "." + REPLICATION_FACTOR);
        Integer partitions = defaultGroup.getInt(PREFIX + DEFAULT_GROUP + "." + PARTITIONS);
        for (String group : groups(props)) {
            String groupName = GROUP_PREFIX + ": " + group;
            definition.embed(PREFIX + group + ".", groupName, 0, groupKeys(groupName, "", replicationFactor, partitions,
                new RegexValidator()));
        }
        return definition;
    }

    /** The groups listed in {@code topic.creation.groups}, in order, without duplicates and without {@code default}. */
    public static List<String> groups(Map<String, String> props) {
        String listed = props.get(GROUPS);
        if (listed == null) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        Set<String> groups = new LinkedHashSet<>((List<String>) ConfigDef.parseType(GROUPS, listed, Type.LIST));
        groups.remove("");
        if (groups.remove(DEFAULT_GROUP)) {
            log.warn("'{}' lists the group '{}', which always exists; ignoring that entry", GROUPS, DEFAULT_GROUP);
        }
        return List.copyOf(groups);
    }

    private static ConfigDef groupKeys(String group, Object include, Object replicationFactor, Object partitions,
                                       ConfigDef.Validator patterns) {
        int order = 0;
        return new ConfigDef()
            .define(INCLUDE, Type.LIST, include, patterns, Importance.LOW,
                "Regexes of the topics this group creates; a topic matches the first group that includes it"
                    + " and does not exclude it.", group, ++order, Width.LONG, "Inclusion Topic Pattern for " + group)
            .define(EXCLUDE, Type.LIST, "", patterns, Importance.LOW,
                "Regexes of topics this group does not create, even if included; exclusion wins.",
                group, ++order, Width.LONG, "Exclusion Topic Pattern for " + group)
            .define(REPLICATION_FACTOR, Type.SHORT, replicationFactor, PositiveOrBrokerDefault.replicationFactor(),
                Importance.LOW, "Replication factor of the topics this group creates; -1 uses the broker's default.",
                group, ++order, Width.LONG, "Replication Factor for Topics in " + group)
            .define(PARTITIONS, Type.INT, partitions, PositiveOrBrokerDefault.partitions(), Importance.LOW,
                "Partition count of the topics this group creates; -1 uses the broker's default.",
                group, ++order, Width.LONG, "Partition Count for Topics in " + group);
    }
}
