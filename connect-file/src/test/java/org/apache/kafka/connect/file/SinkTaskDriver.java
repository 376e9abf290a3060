package org.apache.kafka.connect.file;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/**
 * Drives a {@link FileStreamSinkTask}, linking against whichever implementation its class loader sees.
 *
 * <p>Input (JDK types only): {@code file} (String) and {@code values} (a List of record values, each a
 * JDK type or null). The task appends them in one put, flushes and stops. Output: the number written.
 */
public class SinkTaskDriver implements Function<Map<String, Object>, Integer> {

    @Override
    public Integer apply(Map<String, Object> input) {
        SinkTask task = new FileStreamSinkTask();
        task.start(Map.of(FileStreamSinkConnector.FILE_CONFIG, (String) input.get("file")));
        List<SinkRecord> records = new ArrayList<>();
        long offset = 0;
        for (Object value : (List<?>) input.get("values")) {
            records.add(new SinkRecord("diff", 0, null, null, null, value, offset++));
        }
        try {
            task.put(records);
            task.flush(Map.of());
        } finally {
            task.stop();
        }
        return records.size();
    }
}
