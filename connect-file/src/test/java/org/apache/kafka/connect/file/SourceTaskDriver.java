package org.apache.kafka.connect.file;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Drives a {@link FileStreamSourceTask} over a file, linking against whichever implementation its
 * class loader sees (ours on the test class path, Apache's inside an {@code ApacheClassLoader}).
 *
 * <p>Input (JDK types only): {@code file} (String), optional {@code storedPosition} (Long, the committed
 * offset), {@code records} (Integer, how many records to wait for) and {@code extraPoll} (Boolean, poll
 * once more after that). Output: one {@code [value, filename, position, topic, valueSchemaType]} per record.
 */
public class SourceTaskDriver implements Function<Map<String, Object>, List<List<Object>>> {

    private static final int MAX_POLLS = 20;

    @Override
    public List<List<Object>> apply(Map<String, Object> input) {
        String file = (String) input.get("file");
        Map<String, Object> stored = new HashMap<>();
        if (input.get("storedPosition") != null) {
            stored.put(FileStreamSourceTask.POSITION_FIELD, input.get("storedPosition"));
        }
        SourceTask task = new FileStreamSourceTask();
        task.initialize(new Context(Map.of(FileStreamSourceTask.FILENAME_FIELD, file), stored));
        task.start(Map.of(FileStreamSourceConnector.FILE_CONFIG, file, FileStreamSourceConnector.TOPIC_CONFIG, "diff"));
        List<List<Object>> out = new ArrayList<>();
        try {
            int wanted = (Integer) input.get("records");
            for (int polls = 0; out.size() < wanted && polls < MAX_POLLS; polls++) {
                addAll(out, task.poll());
            }
            if (Boolean.TRUE.equals(input.get("extraPoll"))) {
                addAll(out, task.poll());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling", e);
        } finally {
            task.stop();
        }
        return out;
    }

    private static void addAll(List<List<Object>> out, List<SourceRecord> records) {
        if (records == null) {
            return;
        }
        for (SourceRecord record : records) {
            List<Object> row = new ArrayList<>();
            row.add(record.value());
            row.add(record.sourcePartition().get(FileStreamSourceTask.FILENAME_FIELD));
            row.add(record.sourceOffset().get(FileStreamSourceTask.POSITION_FIELD));
            row.add(record.topic());
            row.add(record.valueSchema().type().name());
            out.add(row);
        }
    }

    private static final class Context implements SourceTaskContext, OffsetStorageReader {
        private final Map<String, Object> partition;
        private final Map<String, Object> stored;

        Context(Map<String, Object> partition, Map<String, Object> stored) {
            this.partition = partition;
            this.stored = stored;
        }

        @Override
        public Map<String, String> configs() {
            return Map.of();
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return this;
        }

        @Override
        public PluginMetrics pluginMetrics() {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> Map<String, Object> offset(Map<String, T> requested) {
            return partition.equals(requested) && !stored.isEmpty() ? stored : null;
        }

        @Override
        public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
            throw new UnsupportedOperationException();
        }
    }
}
