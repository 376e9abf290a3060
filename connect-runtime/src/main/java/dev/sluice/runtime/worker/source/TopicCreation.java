package dev.sluice.runtime.worker.source;

import dev.sluice.runtime.config.SourceConnectorConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics a source task writes to, before its first record to each ({@code topic.creation.*}, KIP-158).
 * Active only when the worker allows topic creation and the connector configures it. Each topic is checked once per
 * task: if it exists it is left alone, otherwise it is created by the first group that matches it (the listed groups
 * in order, {@code default} last). Used on the task thread only.
 */
public final class TopicCreation {

    private static final Logger log = LoggerFactory.getLogger(TopicCreation.class);

    private final List<TopicCreationGroup> groups;
    private final TopicCreationAdmin admin;
    private final Set<String> checked = new HashSet<>();

    /**
     * Topic creation over {@code groups} (matching order, default last) with {@code admin}.
     *
     * @param groups the groups; empty disables topic creation
     * @param admin the admin client; may be null only when {@code groups} is empty
     */
    public TopicCreation(List<TopicCreationGroup> groups, TopicCreationAdmin admin) {
        this.groups = List.copyOf(groups);
        if (!this.groups.isEmpty()) {
            Objects.requireNonNull(admin, "admin");
        }
        this.admin = admin;
    }

    /** Topic creation that never creates anything. */
    public static TopicCreation disabled() {
        return new TopicCreation(List.of(), null);
    }

    /**
     * The topic creation of a connector's task.
     *
     * @param config the connector's configuration (parsed with the worker's {@code topic.creation.enable})
     * @param admin supplies the admin client; called only if the connector uses topic creation
     */
    public static TopicCreation of(SourceConnectorConfig config, Supplier<TopicCreationAdmin> admin) {
        if (!config.usesTopicCreation()) {
            return disabled();
        }
        return new TopicCreation(TopicCreationGroup.of(config), admin.get());
    }

    /** Whether topics are created at all. */
    public boolean isEnabled() {
        return !groups.isEmpty();
    }

    /** The group that would create {@code topic}: the first that matches it, else the last (default) group. */
    public TopicCreationGroup groupFor(String topic) {
        for (TopicCreationGroup group : groups) {
            if (group.matches(topic)) {
                return group;
            }
        }
        return groups.get(groups.size() - 1);
    }

    /**
     * Makes sure {@code topic} exists before the task's first record to it; does nothing for a topic already checked.
     *
     * @throws ConnectException if the topic neither exists nor could be created: the task fails
     * @throws org.apache.kafka.common.errors.RetriableException if the admin client timed out: the caller retries
     */
    public void ensureExists(String topic) {
        if (groups.isEmpty() || checked.contains(topic)) {
            return;
        }
        log.info("The task will send records to topic '{}' for the first time; checking whether it exists", topic);
        if (admin.exists(topic)) {
            log.info("Topic '{}' already exists", topic);
            checked.add(topic);
            return;
        }
        TopicCreationGroup group = groupFor(topic);
        NewTopic newTopic = group.newTopic(topic);
        log.info("Creating topic {} with topic creation group '{}'", newTopic, group.name());
        switch (admin.create(newTopic)) {
            case CREATED -> {
                checked.add(topic);
                log.info("Created topic {} with topic creation group '{}'", newTopic, group.name());
            }
            case EXISTING -> {
                checked.add(topic);
                log.info("Found existing topic '{}'", topic);
            }
            case NOT_CREATED -> throw new ConnectException("Task failed to create new topic " + newTopic + ". Ensure"
                + " that the task is authorized to create topics or that the topic exists and restart the task");
        }
    }

    /** Closes the admin client, if any. */
    public void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
