package org.apache.kafka.connect.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.junit.jupiter.api.Test;

class SinkRecordTest {

    private static ConnectHeaders oneHeader() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("h", "v");
        return headers;
    }

    private static SinkRecord full() {
        return new SinkRecord("t", 1, Schema.STRING_SCHEMA, "k", Schema.INT32_SCHEMA, 5, 42L, 1000L,
            TimestampType.CREATE_TIME, oneHeader());
    }

    @Test
    void shortConstructorHasNoTimestampAndNoHeaders() {
        SinkRecord record = new SinkRecord("t", 1, null, "k", null, "v", 42L);

        assertEquals(TimestampType.NO_TIMESTAMP_TYPE, record.timestampType());
        assertNull(record.timestamp());
        assertTrue(record.headers().isEmpty());
        assertEquals("t", record.originalTopic());
        assertEquals(1, record.originalKafkaPartition());
        assertEquals(42L, record.originalKafkaOffset());
    }

    @Test
    void timestampConstructorKeepsTheGivenType() {
        SinkRecord record = new SinkRecord("t", 1, null, null, null, null, 42L, 7L, TimestampType.LOG_APPEND_TIME);
        assertEquals(7L, record.timestamp());
        assertEquals(TimestampType.LOG_APPEND_TIME, record.timestampType());

        assertNull(new SinkRecord("t", 1, null, null, null, null, 42L, null, null).timestampType());
    }

    @Test
    void headerConstructorUsesTheCurrentCoordinatesAsOriginal() {
        SinkRecord record = full();

        assertEquals("t", record.topic());
        assertEquals(1, record.kafkaPartition());
        assertEquals(Schema.STRING_SCHEMA, record.keySchema());
        assertEquals("k", record.key());
        assertEquals(Schema.INT32_SCHEMA, record.valueSchema());
        assertEquals(5, record.value());
        assertEquals(42L, record.kafkaOffset());
        assertEquals(1000L, record.timestamp());
        assertEquals("t", record.originalTopic());
        assertEquals(1, record.originalKafkaPartition());
        assertEquals(42L, record.originalKafkaOffset());
    }

    @Test
    void fullConstructorKeepsExplicitOriginalCoordinates() {
        SinkRecord record = new SinkRecord("t", 1, null, null, null, null, 42L, 5L, TimestampType.CREATE_TIME, null,
            "ot", 7, 99L);

        assertEquals("ot", record.originalTopic());
        assertEquals(7, record.originalKafkaPartition());
        assertEquals(99L, record.originalKafkaOffset());
        assertEquals(42L, record.kafkaOffset());
    }

    @Test
    void connectHeadersArePassedThroughAndOtherIterablesCopied() {
        ConnectHeaders headers = oneHeader();
        SinkRecord shared = new SinkRecord("t", 1, null, null, null, null, 0L, null, null, headers);
        assertSame(headers, shared.headers());

        List<Header> list = new ArrayList<>();
        headers.forEach(list::add);
        SinkRecord copied = new SinkRecord("t", 1, null, null, null, null, 0L, null, null, list);
        assertEquals(headers, copied.headers());
        assertTrue(copied.headers() instanceof ConnectHeaders);
    }

    @Test
    void newRecordKeepsOffsetsTimestampTypeAndOriginalsAndCopiesHeaders() {
        SinkRecord original = full();
        SinkRecord changed = original.newRecord("t2", 3, null, "k2", null, "v2", 7L);

        assertEquals("t2", changed.topic());
        assertEquals(3, changed.kafkaPartition());
        assertEquals("k2", changed.key());
        assertEquals("v2", changed.value());
        assertEquals(7L, changed.timestamp());
        assertEquals(42L, changed.kafkaOffset());
        assertEquals(TimestampType.CREATE_TIME, changed.timestampType());
        assertEquals("t", changed.originalTopic());
        assertEquals(1, changed.originalKafkaPartition());
        assertEquals(42L, changed.originalKafkaOffset());
        assertEquals(original.headers(), changed.headers());
        assertNotSame(original.headers(), changed.headers());

        changed.headers().addInt("only-on-copy", 1);
        assertEquals(1, original.headers().size());
    }

    @Test
    void newRecordWithHeadersUsesThoseHeadersAndKeepsOriginalsThroughChains() {
        SinkRecord original = new SinkRecord("t", 1, null, null, null, null, 42L, 5L, TimestampType.CREATE_TIME, null,
            "ot", 7, 99L);
        ConnectHeaders other = new ConnectHeaders();
        other.addInt("x", 1);

        SinkRecord second = original.newRecord("t2", 2, null, null, null, null, 6L).newRecord("t3", 4, null, null,
            null, null, 8L, other);

        assertSame(other, second.headers());
        assertEquals("t3", second.topic());
        assertEquals("ot", second.originalTopic());
        assertEquals(7, second.originalKafkaPartition());
        assertEquals(99L, second.originalKafkaOffset());
    }

    @Test
    void newRecordNeedsAPartition() {
        assertThrows(NullPointerException.class, () -> full().newRecord("t", null, null, null, null, null, 1L));
    }

    @Test
    void equalityCoversEveryField() {
        assertEquals(full(), full());
        assertEquals(full().hashCode(), full().hashCode());
        SinkRecord base = new SinkRecord("t", 1, null, null, null, null, 42L, 5L, TimestampType.CREATE_TIME, null,
            "a", 1, 2L);

        assertNotEquals(base, new SinkRecord("t", 1, null, null, null, null, 43L, 5L, TimestampType.CREATE_TIME, null,
            "a", 1, 2L));
        assertNotEquals(base, new SinkRecord("t", 1, null, null, null, null, 42L, 5L, TimestampType.LOG_APPEND_TIME,
            null, "a", 1, 2L));
        assertNotEquals(base, new SinkRecord("t", 1, null, null, null, null, 42L, 5L, TimestampType.CREATE_TIME, null,
            "b", 1, 2L));
        assertNotEquals(base, new SinkRecord("t", 1, null, null, null, null, 42L, 5L, TimestampType.CREATE_TIME, null,
            "a", 2, 2L));
        assertNotEquals(base, new SinkRecord("t", 1, null, null, null, null, 42L, 5L, TimestampType.CREATE_TIME, null,
            "a", 1, 3L));
        assertNotEquals(base, new SinkRecord("t", 1, null, null, null, null, 42L, 5L, TimestampType.CREATE_TIME,
            oneHeader(), "a", 1, 2L));
        assertNotEquals(base, new SinkRecord("u", 1, null, null, null, null, 42L, 5L, TimestampType.CREATE_TIME, null,
            "a", 1, 2L));
        assertNotEquals(base.hashCode(), new SinkRecord("t", 1, null, null, null, null, 42L, 5L,
            TimestampType.CREATE_TIME, null, "b", 1, 2L).hashCode());
    }

    @Test
    void hashCodeToleratesAMissingTimestampType() {
        SinkRecord record = new SinkRecord("t", 1, null, null, null, null, 42L, null, null);
        assertEquals(record.hashCode(), new SinkRecord("t", 1, null, null, null, null, 42L, null, null).hashCode());
    }

    @Test
    void toStringMatchesApache() {
        assertEquals("SinkRecord{kafkaOffset=42, timestampType=CreateTime, originalTopic=t, originalKafkaPartition=1, "
            + "originalKafkaOffset=42} ConnectRecord{topic='t', kafkaPartition=1, key=k, keySchema=Schema{STRING}, "
            + "value=5, valueSchema=Schema{INT32}, timestamp=1000, headers=ConnectHeaders(headers=[ConnectHeader(key=h, "
            + "value=v, schema=Schema{STRING})])}", full().toString());
        assertEquals("SinkRecord{kafkaOffset=42, timestampType=NoTimestampType, originalTopic=t, "
            + "originalKafkaPartition=1, originalKafkaOffset=42} ConnectRecord{topic='t', kafkaPartition=1, key=null, "
            + "keySchema=null, value=null, valueSchema=null, timestamp=null, headers=ConnectHeaders(headers=)}",
            new SinkRecord("t", 1, null, null, null, null, 42L).toString());
    }
}
