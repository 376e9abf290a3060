package dev.sluice.runtime.worker.source;

import dev.sluice.runtime.config.SourceConnectorConfig;
import dev.sluice.runtime.config.TopicCreationKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * One topic creation group of a source connector ({@code topic.creation.<group>.*}): which topics it matches and
 * how it creates them. A topic matches when it matches one of the include regexes and none of the exclude regexes
 * (each list is joined with {@code |} and must match the whole name, as in Apache).
 *
 * @param name the group's name ({@code default} for the default group)
 * @param include the joined include regexes
 * @param exclude the joined exclude regexes
 * @param partitions partitions of new topics; -1 for the broker's default
 * @param replicationFactor replication factor of new topics; -1 for the broker's default
 * @param topicConfigs topic-level configs of new topics
 */
public record TopicCreationGroup(String name, Pattern include, Pattern exclude, int partitions, short replicationFactor,
                                 Map<String, String> topicConfigs) {

    /** Checks the components and copies the configs. */
    public TopicCreationGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(include, "include");
        Objects.requireNonNull(exclude, "exclude");
        topicConfigs = Map.copyOf(topicConfigs);
    }

    /**
     * The groups of a connector that uses topic creation, in matching order: the listed groups in
     * {@code topic.creation.groups} order, then {@code default}.
     */
    public static List<TopicCreationGroup> of(SourceConnectorConfig config) {
        List<TopicCreationGroup> groups = new ArrayList<>();
        for (String group : config.topicCreationGroups()) {
            groups.add(group(config, group));
        }
        groups.add(group(config, TopicCreationKeys.DEFAULT_GROUP));
        return List.copyOf(groups);
    }

    /** Whether this group creates {@code topic}. */
    public boolean matches(String topic) {
        return !exclude.matcher(topic).matches() && include.matcher(topic).matches();
    }

    /** The definition of a new topic named {@code topic}, created by this group. */
    public NewTopic newTopic(String topic) {
        NewTopic newTopic = new NewTopic(topic, partitions < 0 ? Optional.empty() : Optional.of(partitions),
            replicationFactor < 0 ? Optional.empty() : Optional.of(replicationFactor));
        return topicConfigs.isEmpty() ? newTopic : newTopic.configs(topicConfigs);
    }

    private static TopicCreationGroup group(SourceConnectorConfig config, String group) {
        Map<String, String> topicConfigs = new LinkedHashMap<>();
        config.topicCreationOtherConfigs(group).forEach((key, value) -> topicConfigs.put(key, String.valueOf(value)));
        return new TopicCreationGroup(group, joined(config.topicCreationInclude(group)),
            joined(config.topicCreationExclude(group)), config.topicCreationPartitions(group),
            config.topicCreationReplicationFactor(group), topicConfigs);
    }

    private static Pattern joined(List<String> regexes) {
        return Pattern.compile(String.join("|", regexes));
    }
}
