package com.example.modern;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends the numbered records of {@link CountingSourceConnector}, resuming after the last committed one. */
public class CountingSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(CountingSourceTask.class);
    private static final int BATCH = 100;

    private String topic;
    private int count;
    private String prefix;
    private Map<String, String> partition;
    private long next;

    @Override
    public String version() {
        return "1.0-modern";
    }

    @Override
    public void start(Map<String, String> props) {
        var config = new AbstractConfig(CountingSourceConnector.CONFIG, props);
        topic = config.getString("topic");
        count = config.getInt("count");
        prefix = config.getString("prefix");
        partition = Map.of("topic", topic);
        Map<String, Object> stored = context.offsetStorageReader().offset(partition);
        next = stored == null ? 0 : ((Number) stored.get("position")).longValue() + 1;
        log.info("Modern counting task sends {} records to {} starting at {}", count, topic, next);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (next >= count) {
            Thread.sleep(100); // all sent: idle without spinning
            return null;
        }
        var records = new ArrayList<SourceRecord>();
        while (next < count && records.size() < BATCH) {
            var headers = new ConnectHeaders().addString("emitted-by", getClass().getName());
            records.add(new SourceRecord(partition, Map.of("position", next), topic, null,
                Schema.STRING_SCHEMA, Long.toString(next), Schema.STRING_SCHEMA, prefix + "-" + next, null, headers));
            next++;
        }
        return records;
    }

    @Override
    public void stop() {
    }
}
