package dev.sluice.runtime.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/** Small connectors for the metrics tests: a source that emits a fixed number of records and a sink that counts. */
final class MetricsTestPlugins {

    /** Task setting: how many records the source task emits in total. */
    static final String RECORDS = "test.records";
    /** Task setting: the topic the source task writes to. */
    static final String TOPIC = "test.topic";
    /** Task setting: when true, the source task's first poll throws. */
    static final String FAIL_POLL = "test.fail.poll";

    private MetricsTestPlugins() {
    }

    /** A source connector with one task that emits {@link #RECORDS} records to {@link #TOPIC}. */
    public static final class FixedSourceConnector extends SourceConnector {
        private Map<String, String> props;

        @Override
        public String version() {
            return "3.1.4";
        }

        @Override
        public void start(Map<String, String> props) {
            this.props = Map.copyOf(props);
        }

        @Override
        public Class<? extends Task> taskClass() {
            return FixedSourceTask.class;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            return List.of(props);
        }

        @Override
        public void stop() {
        }

        @Override
        public ConfigDef config() {
            return new ConfigDef();
        }
    }

    /** Emits its records in batches of at most three, then idles. */
    public static final class FixedSourceTask extends SourceTask {
        private final CountDownLatch stopped = new CountDownLatch(1);
        private int remaining;
        private String topic;
        private int next;
        private boolean failPoll;

        @Override
        public String version() {
            return "2.7.1";
        }

        @Override
        public void start(Map<String, String> props) {
            remaining = Integer.parseInt(props.get(RECORDS));
            topic = props.get(TOPIC);
            failPoll = Boolean.parseBoolean(props.get(FAIL_POLL));
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            if (failPoll) {
                throw new IllegalStateException("poll failed as the test asked");
            }
            if (remaining == 0) {
                // Idle without spinning until stopped.
                stopped.await(50, TimeUnit.MILLISECONDS);
                return null;
            }
            List<SourceRecord> batch = new ArrayList<>();
            while (remaining > 0 && batch.size() < 3) {
                batch.add(new SourceRecord(Map.of("p", "0"), Map.of("o", next), topic, Schema.STRING_SCHEMA,
                    "value-" + next));
                next++;
                remaining--;
            }
            return batch;
        }

        @Override
        public void stop() {
            stopped.countDown();
        }
    }

    /** A sink connector with one task. */
    public static final class CountingSinkConnector extends SinkConnector {
        private Map<String, String> props;

        @Override
        public String version() {
            return "5.0.0";
        }

        @Override
        public void start(Map<String, String> props) {
            this.props = Map.copyOf(props);
        }

        @Override
        public Class<? extends Task> taskClass() {
            return CountingSinkTask.class;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            return List.of(props);
        }

        @Override
        public void stop() {
        }

        @Override
        public ConfigDef config() {
            return new ConfigDef();
        }
    }

    /** Accepts every record it is given. */
    public static final class CountingSinkTask extends SinkTask {
        private final AtomicInteger put = new AtomicInteger();

        @Override
        public String version() {
            return "5.0.1";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public void put(Collection<SinkRecord> records) {
            put.addAndGet(records.size());
        }

        @Override
        public void stop() {
        }
    }
}
