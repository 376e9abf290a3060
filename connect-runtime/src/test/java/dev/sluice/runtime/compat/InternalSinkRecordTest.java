package dev.sluice.runtime.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.runtime.InternalSinkRecord;
import org.apache.kafka.connect.runtime.errors.ProcessingContext;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** Behaviour of the compatibility classes as Apache 4.3.1 shows it (checked against Apache's classes in a probe). */
class InternalSinkRecordTest {

    private final ConsumerRecord<byte[], byte[]> consumed = new ConsumerRecord<>("orig", 7, 70L, new byte[] {1},
        new byte[] {2});
    private final SinkRecord converted = new SinkRecord("converted", 1, Schema.STRING_SCHEMA, "k", Schema.STRING_SCHEMA,
        "v", 5L, 10L, TimestampType.CREATE_TIME, null, "elsewhere", 2, 3L);

    @Test
    void originalCoordinatesComeFromTheConsumedRecord() {
        InternalSinkRecord record = new InternalSinkRecord(new ProcessingContext<>(consumed), converted);
        assertSame(consumed, record.context().original(), "the consumed record itself");
        assertEquals("converted", record.topic(), "content from the converted record");
        assertEquals(5L, record.kafkaOffset(), "offset from the converted record");
        assertEquals("orig", record.originalTopic(), "original topic of the consumed record");
        assertEquals(7, record.originalKafkaPartition(), "original partition of the consumed record");
        assertEquals(70L, record.originalKafkaOffset(), "original offset of the consumed record");
    }

    @Test
    void bothNewRecordVariantsKeepTheContextOffsetAndTimestampType() {
        ProcessingContext<ConsumerRecord<byte[], byte[]>> context = new ProcessingContext<>(consumed);
        InternalSinkRecord record = new InternalSinkRecord(context, converted);
        for (SinkRecord derived : new SinkRecord[] {
            record.newRecord("t2", 4, null, "k2", null, "v2", 11L),
            record.newRecord("t2", 4, null, "k2", null, "v2", 11L, record.headers())}) {
            InternalSinkRecord internal = assertInstanceOf(InternalSinkRecord.class, derived, "type kept");
            assertSame(context, internal.context(), "context kept");
            assertEquals("t2", internal.topic(), "new topic");
            assertEquals(5L, internal.kafkaOffset(), "offset kept");
            assertEquals(TimestampType.CREATE_TIME, internal.timestampType(), "timestamp type kept");
            assertEquals("orig", internal.originalTopic(), "original topic kept");
        }
    }

    @Test
    void equalityIsTheRecordsContentNotTheContext() {
        InternalSinkRecord one = new InternalSinkRecord(new ProcessingContext<>(consumed), converted);
        InternalSinkRecord two = new InternalSinkRecord(new ProcessingContext<>(
            new ConsumerRecord<>("orig", 7, 70L, new byte[] {1}, new byte[] {2})), converted);
        assertEquals(one, two, "same content and original coordinates");
        assertEquals(one.hashCode(), two.hashCode(), "same hash");
        SinkRecord plain = new SinkRecord("converted", 1, Schema.STRING_SCHEMA, "k", Schema.STRING_SCHEMA, "v", 5L, 10L,
            TimestampType.CREATE_TIME, null, "orig", 7, 70L);
        assertEquals(plain.hashCode(), one.hashCode(), "hash of the SinkRecord content, as Apache");
        assertNotEquals(plain, one, "a plain SinkRecord is not equal (different class), as Apache");
    }
}
