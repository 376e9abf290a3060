package dev.sluice.runtime.worker.source;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TopicCreationAdmin} over a Kafka {@link Admin} client, which it owns. Errors map as in Apache's
 * {@code TopicAdmin}: an unknown topic does not exist; a missing authorization or an old broker means "not created";
 * a timeout stays a retriable {@link TimeoutException}; anything else is a {@link ConnectException}.
 */
public final class KafkaTopicCreationAdmin implements TopicCreationAdmin {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopicCreationAdmin.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;

    /** Uses (and on {@link #close()} closes) {@code admin}. */
    public KafkaTopicCreationAdmin(Admin admin) {
        this.admin = Objects.requireNonNull(admin, "admin");
    }

    @Override
    public boolean exists(String topic) {
        try {
            admin.describeTopics(List.of(topic)).allTopicNames().get();
            return true;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            if (cause instanceof TimeoutException timeout) {
                throw new TimeoutException("Timed out while describing topic '" + topic + "'", timeout);
            }
            if (cause instanceof TopicAuthorizationException || cause instanceof ClusterAuthorizationException) {
                throw new ConnectException("Not authorized to describe topic '" + topic + "'; grant DESCRIBE on it to"
                    + " the connector's admin client or disable topic creation", cause);
            }
            throw new ConnectException("Error while describing topic '" + topic + "'", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while describing topic '" + topic + "'", e);
        }
    }

    @Override
    public Outcome create(NewTopic topic) {
        try {
            admin.createTopics(List.of(topic)).all().get();
            return Outcome.CREATED;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TopicExistsException) {
                return Outcome.EXISTING;
            }
            if (cause instanceof UnsupportedVersionException || cause instanceof TopicAuthorizationException
                || cause instanceof ClusterAuthorizationException) {
                log.debug("Topic '{}' was not created: {}", topic.name(), cause.toString());
                return Outcome.NOT_CREATED;
            }
            if (cause instanceof TimeoutException timeout) {
                throw new TimeoutException("Timed out while checking for or creating topic '" + topic.name() + "'",
                    timeout);
            }
            throw new ConnectException("Error while attempting to create topic " + topic, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while creating topic '" + topic.name() + "'", e);
        }
    }

    @Override
    public void close() {
        admin.close(CLOSE_TIMEOUT);
    }
}
