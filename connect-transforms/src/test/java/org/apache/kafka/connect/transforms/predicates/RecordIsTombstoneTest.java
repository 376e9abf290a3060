package org.apache.kafka.connect.transforms.predicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class RecordIsTombstoneTest {

    private final RecordIsTombstone<SourceRecord> predicate = new RecordIsTombstone<>();

    @Test
    void nullValueIsATombstoneWhateverItsSchema() {
        predicate.configure(Map.of());
        assertTrue(predicate.test(new SourceRecord(null, null, "t", 0, null, null)));
        assertTrue(predicate.test(new SourceRecord(null, null, "t", 0, Schema.OPTIONAL_STRING_SCHEMA, null)));
    }

    @Test
    void recordWithValueIsNotATombstone() {
        assertFalse(predicate.test(new SourceRecord(null, null, "t", 0, Schema.STRING_SCHEMA, "")));
        assertFalse(predicate.test(new SourceRecord(null, null, "t", 0, Schema.STRING_SCHEMA, "k", null, 0)));
    }

    @Test
    void toStringNamesThePredicate() {
        assertEquals("RecordIsTombstone{}", predicate.toString());
    }
}
