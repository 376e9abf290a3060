package dev.sluice.runtime.worker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectorContext;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.MDC;

/** Connectors and tasks for the worker lifecycle tests; their behaviour is chosen by configuration keys. */
final class TestConnectors {

    /** Number of task configurations {@code taskConfigs} returns; default: maxTasks. */
    static final String TASK_COUNT = "test.task.count";
    /** If "true", {@code start} throws. */
    static final String FAIL_START = "test.fail.start";
    /** Keys that {@code taskConfigs} writes: what {@code start} observed. */
    static final String STARTED_THREAD = "test.started.thread";
    static final String STARTED_MDC = "test.started.mdc";
    static final String STARTED_LOADER = "test.started.loader";

    private TestConnectors() {
    }

    /** A source connector that records where and how often it ran. */
    public static class RecordingSourceConnector extends SourceConnector {

        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();
        volatile String startThread;
        volatile String startMdc;
        volatile ClassLoader startLoader;
        volatile String stopThread;
        volatile CountDownLatch stopBlocker;
        private volatile Map<String, String> props;

        @Override
        public void initialize(ConnectorContext ctx) {
            super.initialize(ctx);
        }

        ConnectorContext ctx() {
            return context;
        }

        @Override
        public void start(Map<String, String> props) {
            this.props = props;
            startThread = Thread.currentThread().getName();
            startMdc = MDC.get("connector.context");
            startLoader = Thread.currentThread().getContextClassLoader();
            starts.incrementAndGet();
            if ("true".equals(props.get(FAIL_START))) {
                throw new IllegalStateException("start refused by test configuration");
            }
        }

        @Override
        public Class<? extends Task> taskClass() {
            return IdleSourceTask.class;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            int count = props.containsKey(TASK_COUNT) ? Integer.parseInt(props.get(TASK_COUNT)) : maxTasks;
            List<Map<String, String>> configs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Map<String, String> config = new HashMap<>();
                config.put("index", String.valueOf(i));
                config.put(STARTED_THREAD, startThread);
                config.put(STARTED_MDC, startMdc);
                config.put(STARTED_LOADER, String.valueOf(startLoader));
                configs.add(config);
            }
            return configs;
        }

        @Override
        public void stop() {
            stopThread = Thread.currentThread().getName();
            stops.incrementAndGet();
            CountDownLatch blocker = stopBlocker;
            if (blocker != null) {
                awaitQuietly(blocker);
            }
        }

        @Override
        public ConfigDef config() {
            return new ConfigDef();
        }

        @Override
        public String version() {
            return "1.2.3";
        }
    }

    /** A sink connector that records its start and stop. */
    public static class RecordingSinkConnector extends SinkConnector {

        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();

        @Override
        public void start(Map<String, String> props) {
            starts.incrementAndGet();
        }

        @Override
        public Class<? extends Task> taskClass() {
            return IdleSinkTask.class;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            List<Map<String, String>> configs = new ArrayList<>();
            for (int i = 0; i < maxTasks; i++) {
                configs.add(Map.of("index", String.valueOf(i)));
            }
            return configs;
        }

        @Override
        public void stop() {
            stops.incrementAndGet();
        }

        @Override
        public ConfigDef config() {
            return new ConfigDef();
        }

        @Override
        public String version() {
            return "4.5.6";
        }
    }

    /** A source task that does nothing; its runner in the tests supplies the behaviour. */
    public static class IdleSourceTask extends SourceTask {
        @Override
        public String version() {
            return "7.8.9";
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
    }

    /** A sink task that does nothing. */
    public static class IdleSinkTask extends SinkTask {
        @Override
        public String version() {
            return "7.8.9";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public void put(java.util.Collection<SinkRecord> records) {
        }

        @Override
        public void stop() {
        }
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
