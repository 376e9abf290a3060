package dev.sluice.runtime.rest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/** A source connector whose {@code start()} blocks until the test releases it (or ten minutes pass). */
public class BlockingSourceConnector extends SourceConnector {

    /** Released by the test when it ends, so the blocked connector thread can finish. */
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @Override
    public void start(Map<String, String> props) {
        try {
            RELEASE.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Class<? extends Task> taskClass() {
        return org.apache.kafka.connect.file.FileStreamSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of();
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public String version() {
        return "1.0";
    }
}
