package org.apache.kafka.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class TimestampRouterTest {

    private static TimestampRouter<SourceRecord> router(Map<String, String> config) {
        TimestampRouter<SourceRecord> router = new TimestampRouter<>();
        router.configure(config);
        return router;
    }

    private static SourceRecord record(String topic, Long timestamp) {
        return new SourceRecord(null, null, topic, 0, null, null, null, "v", timestamp);
    }

    @Test
    void defaultFormatAppendsTheUtcDay() {
        assertEquals("foo-20200913", router(Map.of()).apply(record("foo", 1_600_000_000_000L)).topic());
    }

    @Test
    void timestampsBefore1970AreFormattedInUtc() {
        assertEquals("foo-19691231", router(Map.of()).apply(record("foo", -1L)).topic());
        assertEquals("foo-19700101", router(Map.of()).apply(record("foo", 0L)).topic());
    }

    @Test
    void customTemplateReplacesEveryPlaceholderAndLeavesOthers() {
        TimestampRouter<SourceRecord> router = router(Map.of(
            "topic.format", "${timestamp}/${topic}/${topic}${x}",
            "timestamp.format", "yyyy-MM-dd HH:mm:ss.SSS z"));
        assertEquals("2020-09-13 12:26:40.123 UTC/foo/foo${x}", router.apply(record("foo", 1_600_000_000_123L)).topic());
    }

    @Test
    void topicIsSubstitutedBeforeTimestamp() {
        // A ${timestamp} that arrives through the topic name is substituted too, as in Apache Kafka.
        TimestampRouter<SourceRecord> router = router(Map.of("timestamp.format", "'${topic}'"));
        assertEquals("x${topic}-${topic}", router.apply(record("x${timestamp}", 0L)).topic());
    }

    @Test
    void topicWithRegexSpecialCharactersIsTakenLiterally() {
        assertEquals("a$1\\b-19700101", router(Map.of()).apply(record("a$1\\b", 0L)).topic());
    }

    @Test
    void missingTimestampFailsTheRecord() {
        DataException e = assertThrows(DataException.class, () -> router(Map.of()).apply(record("foo", null)));
        assertTrue(e.getMessage().startsWith("Timestamp missing on record"), e.getMessage());
    }

    @Test
    void invalidPatternFailsWhenFirstUsed() {
        TimestampRouter<SourceRecord> router = router(Map.of("timestamp.format", "qqq"));
        assertThrows(IllegalArgumentException.class, () -> router.apply(record("foo", 1L)));
    }

    @Test
    void sinkRecordKeepsOffsetAndOriginalTopic() {
        TimestampRouter<SinkRecord> router = new TimestampRouter<>();
        router.configure(new HashMap<>());
        SinkRecord routed = router.apply(new SinkRecord("bar", 1, null, null, null, null, 5L, 0L, TimestampType.CREATE_TIME));
        assertEquals("bar-19700101", routed.topic());
        assertEquals(5L, routed.kafkaOffset());
        assertEquals("bar", routed.originalTopic());
    }

    @Test
    void closeThenReconfigureStillWorks() {
        TimestampRouter<SourceRecord> router = router(Map.of());
        router.close();
        router.configure(Map.of("timestamp.format", "yyyy"));
        assertEquals("foo-1970", router.apply(record("foo", 0L)).topic());
    }

    @Test
    void invalidPatternFailsBeforeANullTopicIsSubstituted() {
        // Apache formats the timestamp first, so the pattern error wins over the null topic.
        assertThrows(IllegalArgumentException.class,
            () -> router(Map.of("timestamp.format", "yyyyT")).apply(record(null, 1L)));
        assertThrows(IllegalArgumentException.class,
            () -> router(Map.of("timestamp.format", "yyyyT", "topic.format", "fixed")).apply(record(null, 1L)),
            "the timestamp is formatted even when the template does not use it");
        assertThrows(IllegalArgumentException.class,
            () -> router(Map.of("timestamp.format", "yyyyT")).apply(record("foo", 1L)));
    }

    @Test
    void nullTopicWithAValidPatternIsANullPointer() {
        assertThrows(NullPointerException.class, () -> router(Map.of()).apply(record(null, 1L)));
        assertThrows(NullPointerException.class,
            () -> router(Map.of("topic.format", "fixed")).apply(record(null, 1L)),
            "even a template without ${topic} substitutes the topic");
    }
}
