package org.apache.kafka.connect.transforms.predicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class HasHeaderKeyTest {

    private static HasHeaderKey<SourceRecord> predicate(String name) {
        HasHeaderKey<SourceRecord> predicate = new HasHeaderKey<>();
        predicate.configure(Map.of("name", name));
        return predicate;
    }

    private static SourceRecord withHeaders(String... keys) {
        ConnectHeaders headers = new ConnectHeaders();
        for (String key : keys) {
            headers.addString(key, "v");
        }
        return new SourceRecord(null, null, "t", 0, null, null, null, "v", 1L, headers);
    }

    @Test
    void trueWhenAHeaderHasTheKey() {
        assertTrue(predicate("a").test(withHeaders("b", "a")));
        assertTrue(predicate("a").test(withHeaders("a", "a")));
    }

    @Test
    void falseWhenNoHeaderHasTheKey() {
        assertFalse(predicate("zz").test(withHeaders("a", "b")));
        assertFalse(predicate("a").test(withHeaders()));
        assertFalse(predicate("A").test(withHeaders("a")), "keys are case-sensitive");
    }

    @Test
    void nameMustBeNonEmpty() {
        assertThrows(ConfigException.class, () -> predicate(""));
        assertThrows(ConfigException.class, () -> new HasHeaderKey<SourceRecord>().configure(Map.of()));
    }

    @Test
    void toStringShowsTheName() {
        assertEquals("HasHeaderKey{name='null'}", new HasHeaderKey<SourceRecord>().toString());
        assertEquals("HasHeaderKey{name='a'}", predicate("a").toString());
    }
}
