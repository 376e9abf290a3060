package org.apache.kafka.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class DropHeadersTest {

    private static DropHeaders<SourceRecord> dropping(Object headers) {
        DropHeaders<SourceRecord> transform = new DropHeaders<>();
        Map<String, Object> config = new HashMap<>();
        config.put("headers", headers);
        transform.configure(config);
        return transform;
    }

    private static SourceRecord record() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("a", "1");
        headers.addInt("b", 2);
        headers.addString("a", "3");
        return new SourceRecord(null, null, "t", 0, null, null, null, "v", 1L, headers);
    }

    private static List<String> keys(SourceRecord record) {
        List<String> keys = new ArrayList<>();
        for (Header header : record.headers()) {
            keys.add(header.key());
        }
        return keys;
    }

    @Test
    void removesEveryHeaderWithAListedKey() {
        assertEquals(List.of("b"), keys(dropping("a,c").apply(record())));
    }

    @Test
    void keepsTheOrderOfTheRemainingHeaders() {
        assertEquals(List.of("a", "a"), keys(dropping(List.of("b")).apply(record())));
    }

    @Test
    void leavesTheInputRecordsHeadersAlone() {
        SourceRecord original = record();
        dropping("a,b").apply(original);
        assertEquals(List.of("a", "b", "a"), keys(original));
    }

    @Test
    void recordWithoutHeadersStaysWithout() {
        SourceRecord bare = new SourceRecord(null, null, "t", 0, null, "v");
        assertEquals(Collections.emptyList(), keys(dropping("x").apply(bare)));
    }

    @Test
    void emptyOrMissingListIsRejected() {
        assertThrows(ConfigException.class, () -> dropping(""));
        assertThrows(ConfigException.class, () -> dropping(null));
        assertThrows(ConfigException.class, () -> new DropHeaders<SourceRecord>().configure(Map.of()));
    }
}
