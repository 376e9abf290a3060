package org.apache.kafka.connect.transforms.predicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class TopicNameMatchesTest {

    private static TopicNameMatches<SourceRecord> predicate(String pattern) {
        TopicNameMatches<SourceRecord> predicate = new TopicNameMatches<>();
        predicate.configure(Map.of("pattern", pattern));
        return predicate;
    }

    private static SourceRecord onTopic(String topic) {
        return new SourceRecord(null, null, topic, 0, null, "v");
    }

    @Test
    void wholeTopicNameMustMatch() {
        TopicNameMatches<SourceRecord> predicate = predicate("fo+");
        assertTrue(predicate.test(onTopic("foo")));
        assertFalse(predicate.test(onTopic("foox")));
        assertFalse(predicate.test(onTopic("xfoo")));
    }

    @Test
    void recordWithoutTopicDoesNotMatch() {
        assertFalse(predicate(".*").test(onTopic(null)));
    }

    @Test
    void patternMustBeANonEmptyValidRegex() {
        ConfigException invalid = assertThrows(ConfigException.class, () -> predicate("("));
        assertTrue(invalid.getMessage().contains("Invalid regex"), invalid.getMessage());
        assertThrows(ConfigException.class, () -> predicate(""));
        assertThrows(ConfigException.class, () -> new TopicNameMatches<SourceRecord>().configure(Map.of()));
    }

    @Test
    void toStringShowsThePattern() {
        assertEquals("TopicNameMatches{pattern=null}", new TopicNameMatches<SourceRecord>().toString());
        assertEquals("TopicNameMatches{pattern=fo+}", predicate("fo+").toString());
    }
}
