package dev.sluice.runtime.worker.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.config.SourceConnectorConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

class TopicCreationTest {

    /** An admin that knows some topics, records the creations, and answers creations as told. */
    private static final class FakeAdmin implements TopicCreationAdmin {
        final Set<String> existing = new HashSet<>();
        final List<NewTopic> created = new ArrayList<>();
        int describes;
        Outcome outcome = Outcome.CREATED;
        RuntimeException failure;
        boolean closed;

        @Override
        public boolean exists(String topic) {
            describes++;
            if (failure != null) {
                RuntimeException thrown = failure;
                failure = null;
                throw thrown;
            }
            return existing.contains(topic);
        }

        @Override
        public Outcome create(NewTopic topic) {
            created.add(topic);
            return outcome;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final FakeAdmin admin = new FakeAdmin();

    private static SourceConnectorConfig config(boolean workerEnabled, String... keysAndValues) {
        Map<String, String> props = new HashMap<>(Map.of("name", "src", "connector.class", "SomeSource"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new SourceConnectorConfig(props, workerEnabled, TopicCreationTest.class.getClassLoader());
    }

    private static SourceConnectorConfig groups() {
        return config(true,
            "topic.creation.groups", "compacted, logs",
            "topic.creation.default.replication.factor", "3",
            "topic.creation.default.partitions", "5",
            "topic.creation.compacted.include", "users-.*, accounts",
            "topic.creation.compacted.exclude", "users-tmp.*",
            "topic.creation.compacted.partitions", "1",
            "topic.creation.compacted.cleanup.policy", "compact",
            "topic.creation.logs.include", "users-.*, logs-.*",
            "topic.creation.logs.replication.factor", "-1");
    }

    @Test
    void aTopicIsCreatedByTheFirstListedGroupThatMatchesItElseByTheDefaultGroup() {
        TopicCreation creation = TopicCreation.of(groups(), () -> admin);
        assertEquals("compacted", creation.groupFor("users-1").name(), "both groups include it; the first listed wins");
        assertEquals("compacted", creation.groupFor("accounts").name());
        assertEquals("logs", creation.groupFor("users-tmp-1").name(), "excluded by compacted, included by logs");
        assertEquals("logs", creation.groupFor("logs-app").name());
        assertEquals("default", creation.groupFor("orders").name(), "no listed group matches");
        assertEquals("default", creation.groupFor("accounts-2").name(), "include regexes match the whole name");
    }

    @Test
    void groupsDefineTheNewTopicsWithTheDefaultGroupsSettingsAsFallback() {
        TopicCreation creation = TopicCreation.of(groups(), () -> admin);
        NewTopic compacted = creation.groupFor("users-1").newTopic("users-1");
        assertEquals(1, compacted.numPartitions());
        assertEquals(3, compacted.replicationFactor(), "unset in the group: the default group's");
        assertEquals(Map.of("cleanup.policy", "compact"), compacted.configs(), "other group keys are topic configs");

        NewTopic logs = creation.groupFor("logs-app").newTopic("logs-app");
        assertEquals(5, logs.numPartitions());
        assertEquals(-1, logs.replicationFactor(), "-1: the broker's default");
    }

    @Test
    void aMissingTopicIsCreatedOnceAndAnExistingOneIsLeftAlone() {
        admin.existing.add("orders");
        TopicCreation creation = TopicCreation.of(groups(), () -> admin);
        creation.ensureExists("orders");
        creation.ensureExists("users-1");
        creation.ensureExists("users-1");
        creation.ensureExists("orders");

        assertEquals(2, admin.describes, "each topic is checked once");
        assertEquals(1, admin.created.size(), "only the missing topic is created");
        assertEquals("users-1", admin.created.get(0).name());
        assertEquals(1, admin.created.get(0).numPartitions(), "with its group's settings");
    }

    @Test
    void aTopicThatCouldNotBeCreatedFailsTheTaskAndATimeoutIsRetriedLater() {
        TopicCreation creation = TopicCreation.of(groups(), () -> admin);
        admin.failure = new TimeoutException("describe timed out");
        assertThrows(TimeoutException.class, () -> creation.ensureExists("orders"), "a timeout stays retriable");
        creation.ensureExists("orders");
        assertEquals(1, admin.created.size(), "after the timeout the topic is checked and created again");

        admin.outcome = TopicCreationAdmin.Outcome.NOT_CREATED;
        ConnectException e = assertThrows(ConnectException.class, () -> creation.ensureExists("logs-x"));
        assertTrue(e.getMessage().contains("Task failed to create new topic"), e.getMessage());

        admin.outcome = TopicCreationAdmin.Outcome.EXISTING;
        creation.ensureExists("logs-y");
        creation.ensureExists("logs-y");
        assertEquals(3, admin.created.size(), "a topic found existing on creation is not checked again");
    }

    @Test
    void withoutTopicCreationKeysOrWithTheWorkerSwitchOffNothingIsCreatedAndNoAdminIsMade() {
        TopicCreation unused = TopicCreation.of(config(true), () -> {
            throw new AssertionError("no admin client without topic.creation.* keys");
        });
        assertFalse(unused.isEnabled());
        unused.ensureExists("orders");

        TopicCreation switchedOff = TopicCreation.of(config(false, "topic.creation.default.replication.factor", "1",
            "topic.creation.default.partitions", "1"), () -> {
                throw new AssertionError("no admin client with topic.creation.enable=false");
            });
        assertFalse(switchedOff.isEnabled());
        switchedOff.ensureExists("orders");
        unused.close();
    }

    @Test
    void closingClosesTheAdmin() {
        TopicCreation creation = TopicCreation.of(groups(), () -> admin);
        creation.close();
        assertTrue(admin.closed);
    }
}
