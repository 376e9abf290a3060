package org.apache.kafka.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class RegexRouterTest {

    private static RegexRouter<SourceRecord> router(String regex, String replacement) {
        RegexRouter<SourceRecord> router = new RegexRouter<>();
        router.configure(Map.of("regex", regex, "replacement", replacement));
        return router;
    }

    private static SourceRecord record(String topic) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("h", "v");
        return new SourceRecord(Map.of(), Map.of(), topic, 2, Schema.STRING_SCHEMA, "k", Schema.INT32_SCHEMA, 7, 99L, headers);
    }

    @Test
    void matchingTopicIsRewrittenWithCaptureGroups() {
        SourceRecord routed = router("(.*)-(\\d+)", "$2_$1").apply(record("orders-12"));
        assertEquals("12_orders", routed.topic());
        assertEquals(2, routed.kafkaPartition());
        assertEquals("k", routed.key());
        assertEquals(7, routed.value());
        assertEquals(99L, routed.timestamp());
        assertEquals("v", routed.headers().lastWithName("h").value(), "headers are carried over");
    }

    @Test
    void greedyGroupsFollowJavaRegexSemantics() {
        assertEquals("2_x-1", router("(.*)-(\\d+)", "$2_$1").apply(record("x-1-2")).topic());
    }

    @Test
    void nonMatchingTopicReturnsTheSameRecord() {
        SourceRecord original = record("orders");
        assertSame(original, router("(.*)-(\\d+)", "$2_$1").apply(original));
    }

    @Test
    void partialMatchIsNotEnough() {
        RegexRouter<SourceRecord> router = router("foo", "bar");
        SourceRecord prefixed = record("xfoo");
        SourceRecord repeated = record("foofoo");
        assertSame(prefixed, router.apply(prefixed));
        assertSame(repeated, router.apply(repeated));
        assertEquals("bar", router.apply(record("foo")).topic());
    }

    @Test
    void emptyReplacementGivesEmptyTopic() {
        assertEquals("", router("x", "").apply(record("x")).topic());
    }

    @Test
    void alternatingTopicsAreEachRoutedCorrectly() {
        RegexRouter<SourceRecord> router = router("a-(.*)", "b-$1");
        for (int i = 0; i < 3; i++) {
            assertEquals("b-1", router.apply(record("a-1")).topic());
            SourceRecord other = record("c-1");
            assertSame(other, router.apply(other));
            assertEquals("b-2", router.apply(record("a-2")).topic());
        }
    }

    @Test
    void sinkRecordKeepsItsKafkaCoordinates() {
        RegexRouter<SinkRecord> router = new RegexRouter<>();
        router.configure(Map.of("regex", "abc-(\\d)", "replacement", "$1_abc"));
        SinkRecord original = new SinkRecord("abc-3", 3, null, null, null, null, 77L, 1L, TimestampType.CREATE_TIME);
        SinkRecord routed = router.apply(original);
        assertEquals("3_abc", routed.topic());
        assertEquals(77L, routed.kafkaOffset());
        assertEquals("abc-3", routed.originalTopic());
    }

    @Test
    void unknownGroupInReplacementFailsTheRecord() {
        assertThrows(IndexOutOfBoundsException.class, () -> router("foo", "$3").apply(record("foo")));
    }

    @Test
    void invalidRegexIsRejectedAtConfiguration() {
        ConfigException e = assertThrows(ConfigException.class, () -> router("(", "x"));
        assertTrue(e.getMessage().contains("regex"), e.getMessage());
    }

    @Test
    void replacementIsRequired() {
        RegexRouter<SourceRecord> router = new RegexRouter<>();
        ConfigException e = assertThrows(ConfigException.class, () -> router.configure(Map.of("regex", "x")));
        assertTrue(e.getMessage().contains("replacement"), e.getMessage());
    }
}
