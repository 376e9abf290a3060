package com.example.manifestless;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/** Sends the numbered records of {@link UnlistedSourceConnector}. */
public class UnlistedSourceTask extends SourceTask {

    private String topic;
    private int count;
    private long next;

    @Override
    public String version() {
        return "1.0-manifestless";
    }

    @Override
    public void start(Map<String, String> props) {
        var config = new AbstractConfig(UnlistedSourceConnector.CONFIG, props);
        topic = config.getString("topic");
        count = config.getInt("count");
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (next >= count) {
            Thread.sleep(100); // all sent: idle without spinning
            return null;
        }
        var records = new ArrayList<SourceRecord>();
        for (; next < count; next++) {
            records.add(new SourceRecord(Map.of("unlisted", topic), Map.of("position", next), topic,
                Schema.STRING_SCHEMA, "unlisted-" + next));
        }
        return records;
    }

    @Override
    public void stop() {
    }
}
