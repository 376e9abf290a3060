package org.apache.kafka.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class InsertHeaderTest {

    private static InsertHeader<SourceRecord> inserting(String header, String literal) {
        InsertHeader<SourceRecord> transform = new InsertHeader<>();
        Map<String, Object> config = new HashMap<>();
        config.put("header", header);
        config.put("value.literal", literal);
        transform.configure(config);
        return transform;
    }

    private static SourceRecord record() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("existing", "x");
        return new SourceRecord(null, null, "t", 0, Schema.STRING_SCHEMA, "k", Schema.INT32_SCHEMA, 42, 1L, headers);
    }

    private static Header inserted(SourceRecord record) {
        return record.headers().lastWithName("h");
    }

    @Test
    void appendsTheHeaderAfterExistingOnes() {
        SourceRecord result = inserting("h", "abc").apply(record());
        assertEquals(2, result.headers().size());
        assertEquals("existing", result.headers().iterator().next().key());
        assertEquals("abc", inserted(result).value());
        assertEquals(Schema.STRING_SCHEMA, inserted(result).schema());
        assertEquals(42, result.value());
    }

    @Test
    void literalTypeIsInferred() {
        assertEquals((byte) 42, inserted(inserting("h", "42").apply(record())).value());
        assertEquals(Schema.Type.INT8, inserted(inserting("h", "42").apply(record())).schema().type());
        assertEquals(Boolean.TRUE, inserted(inserting("h", "true").apply(record())).value());
        assertEquals(9_999_999_999_999L, inserted(inserting("h", "9999999999999").apply(record())).value());
        assertEquals(List.of((byte) 1, (byte) 2), inserted(inserting("h", "[1,2]").apply(record())).value());
    }

    @Test
    void nullLiteralGivesHeaderWithoutSchemaOrValue() {
        Header header = inserted(inserting("h", "null").apply(record()));
        assertNull(header.value());
        assertNull(header.schema());
    }

    @Test
    void inputRecordKeepsItsHeaders() {
        SourceRecord original = record();
        inserting("h", "1").apply(original);
        assertEquals(1, original.headers().size());
    }

    @Test
    void worksOnSinkRecords() {
        InsertHeader<SinkRecord> transform = new InsertHeader<>();
        transform.configure(Map.of("header", "h", "value.literal", "v"));
        SinkRecord result = transform.apply(new SinkRecord("t", 0, null, null, null, null, 3L, 1L, TimestampType.CREATE_TIME));
        assertEquals("v", result.headers().lastWithName("h").value());
        assertEquals(3L, result.kafkaOffset());
    }

    @Test
    void bothOptionsAreRequiredAndNonNull() {
        assertThrows(ConfigException.class, () -> new InsertHeader<SourceRecord>().configure(Map.of("header", "h")));
        assertThrows(ConfigException.class, () -> inserting(null, "x"));
        assertThrows(ConfigException.class, () -> inserting("h", null));
    }
}
