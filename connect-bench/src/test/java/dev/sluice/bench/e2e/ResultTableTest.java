package dev.sluice.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static Throughput perSecond(long records) {
        return Throughput.unsampled(records, 1_000_000_000L);
    }

    @Test
    void medianOfAnOddAndAnEvenNumberOfRounds() {
        assertEquals(200.0, ResultTable.median(List.of(perSecond(300), perSecond(100), perSecond(200)),
            Throughput::recordsPerSecond), 1e-9, "median of three is the middle one");
        assertEquals(150.0, ResultTable.median(List.of(perSecond(100), perSecond(200)),
            Throughput::recordsPerSecond), 1e-9, "median of two is their mean");
    }

    @Test
    void ratiosAreOursOverApacheOfTheMedians() {
        ResultTable table = new ResultTable();
        table.add(ResultTable.RAW_PRODUCER, perSecond(400));
        table.add(ResultTable.RAW_CONSUMER, perSecond(800));
        table.add(ResultTable.OURS_SOURCE, perSecond(300));
        table.add(ResultTable.APACHE_SOURCE, perSecond(200));
        table.add(ResultTable.OURS_SINK, perSecond(100));
        table.add(ResultTable.APACHE_SINK, perSecond(400));
        String markdown = table.markdown();
        assertTrue(markdown.contains("| source: ours / Apache | 1.50× |"), "source ratio missing in\n" + markdown);
        assertTrue(markdown.contains("| sink: ours / Apache | 0.25× |"), "sink ratio missing in\n" + markdown);
        assertTrue(markdown.contains("| source: ours / raw producer | 0.75× |"), "ceiling ratio missing in\n" + markdown);
    }
}
