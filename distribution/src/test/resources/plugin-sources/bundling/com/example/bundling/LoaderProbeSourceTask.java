package com.example.bundling;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code probe-0} .. {@code probe-<count-1>}, each with headers that say where the Kafka classes this task
 * linked against came from: {@code connect-api-loader} is {@code plugin} if {@link SourceRecord} was defined by
 * this plugin's own loader (from the bundled connect-api jar) and {@code runtime} otherwise;
 * {@code connect-api-jar} is where {@code SourceRecord} was loaded from; {@code kafka-clients-version} is what
 * the linked kafka-clients reports.
 */
public class LoaderProbeSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(LoaderProbeSourceTask.class);

    private String topic;
    private int count;
    private long next;

    @Override
    public String version() {
        return "1.0-bundling";
    }

    @Override
    public void start(Map<String, String> props) {
        AbstractConfig config = new AbstractConfig(LoaderProbeSourceConnector.CONFIG, props);
        topic = config.getString("topic");
        count = config.getInt("count");
        log.info("Loader probe: SourceRecord from {} ({}), kafka-clients {}", apiJar(), apiLoader(), AppInfoParser.getVersion());
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (next >= count) {
            Thread.sleep(100); // all sent: idle without spinning
            return null;
        }
        List<SourceRecord> records = new ArrayList<SourceRecord>();
        for (; next < count; next++) {
            ConnectHeaders headers = new ConnectHeaders();
            headers.addString("connect-api-loader", apiLoader());
            headers.addString("connect-api-jar", apiJar());
            headers.addString("kafka-clients-version", AppInfoParser.getVersion());
            records.add(new SourceRecord(Collections.singletonMap("probe", topic), Collections.singletonMap("position", next),
                topic, null, null, null, Schema.STRING_SCHEMA, "probe-" + next, null, headers));
        }
        return records;
    }

    @Override
    public void stop() {
    }

    private static String apiLoader() {
        return SourceRecord.class.getClassLoader() == LoaderProbeSourceTask.class.getClassLoader() ? "plugin" : "runtime";
    }

    private static String apiJar() {
        CodeSource source = SourceRecord.class.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "unknown" : source.getLocation().toString();
    }
}
