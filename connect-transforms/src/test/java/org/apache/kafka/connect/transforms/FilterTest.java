package org.apache.kafka.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class FilterTest {

    @Test
    void dropsEveryRecord() {
        Filter<SourceRecord> filter = new Filter<>();
        filter.configure(Map.of("unrelated", "ignored"));
        assertNull(filter.apply(new SourceRecord(null, null, "t", 0, null, "v")));
        assertNull(filter.apply(new SourceRecord(null, null, "t", 0, null, null)));
    }

    @Test
    void hasNoOptions() {
        assertTrue(new Filter<SourceRecord>().config().names().isEmpty());
    }
}
