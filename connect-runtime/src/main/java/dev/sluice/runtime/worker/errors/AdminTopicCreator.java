package dev.sluice.runtime.worker.errors;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.connect.errors.ConnectException;

/** A {@link TopicCreator} backed by an admin client: lists the topics, creates the one that is missing. */
public final class AdminTopicCreator implements TopicCreator {

    private final Admin admin;

    /** A creator using {@code admin}, which the caller owns and closes. */
    public AdminTopicCreator(Admin admin) {
        this.admin = Objects.requireNonNull(admin, "admin");
    }

    @Override
    public void createIfMissing(String topic, int partitions, short replicationFactor) {
        try {
            if (admin.listTopics().names().get().contains(topic)) {
                return;
            }
            admin.createTopics(Set.of(new NewTopic(topic, partitions, replicationFactor))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new ConnectException("Could not create the dead letter queue topic '" + topic + "' (partitions "
                    + partitions + ", replication factor " + replicationFactor + "); create it, or check the"
                    + " errors.deadletterqueue.topic.* settings and the worker's ACLs", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while creating the dead letter queue topic '" + topic + "'", e);
        }
    }
}
