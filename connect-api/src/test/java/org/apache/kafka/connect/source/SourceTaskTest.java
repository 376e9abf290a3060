package org.apache.kafka.connect.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceTask.TransactionBoundary;
import org.junit.jupiter.api.Test;

class SourceTaskTest {

    @Test
    void transactionBoundaryParsesIgnoringCaseAndSurroundingSpace() {
        assertEquals(TransactionBoundary.POLL, TransactionBoundary.fromProperty("poll"));
        assertEquals(TransactionBoundary.INTERVAL, TransactionBoundary.fromProperty(" InTeRvAl "));
        assertEquals(TransactionBoundary.CONNECTOR, TransactionBoundary.fromProperty("CONNECTOR\t"));
    }

    @Test
    void transactionBoundaryRejectsUnknownAndNullValues() {
        assertThrows(IllegalArgumentException.class, () -> TransactionBoundary.fromProperty("nope"));
        assertThrows(IllegalArgumentException.class, () -> TransactionBoundary.fromProperty(""));
        NullPointerException e = assertThrows(NullPointerException.class, () -> TransactionBoundary.fromProperty(null));
        assertEquals("Value for transaction boundary property may not be null", e.getMessage());
    }

    @Test
    void transactionBoundaryDefaultsToPollAndPrintsLowerCase() {
        assertEquals(TransactionBoundary.POLL, TransactionBoundary.DEFAULT);
        assertEquals("poll", TransactionBoundary.POLL.toString());
        assertEquals("interval", TransactionBoundary.INTERVAL.toString());
        assertEquals("connector", TransactionBoundary.CONNECTOR.toString());
        assertEquals("transaction.boundary", SourceTask.TRANSACTION_BOUNDARY_CONFIG);
    }

    @Test
    void initializeStoresTheContext() {
        SourceTask task = new SourceTask() {
            @Override
            public String version() {
                return "1";
            }

            @Override
            public void start(Map<String, String> props) {
            }

            @Override
            public List<SourceRecord> poll() {
                return null;
            }

            @Override
            public void stop() {
            }
        };
        assertNull(task.context);
        SourceTaskContext context = new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return Map.of();
            }

            @Override
            public org.apache.kafka.connect.storage.OffsetStorageReader offsetStorageReader() {
                return null;
            }

            @Override
            public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
                return null;
            }
        };
        task.initialize(context);
        assertEquals(context, task.context);
        assertNull(context.transactionContext(), "workers without transactions give no transaction context");
    }
}
