package dev.sluice.runtime.herder.standalone;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.ConnectorContext;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * Connectors for the herder tests. The worker instantiates them reflectively, so each finds the
 * {@link Control} of its test through the configuration key {@link #CONTROL}; the registry holding the
 * controls is the only channel between a test and the instances the worker creates, and every test removes
 * its controls when it ends.
 */
final class ControlledConnectors {

    /** The id of the test's {@link Control}. */
    static final String CONTROL = "test.control";
    /** Connector keys with this prefix are copied into every task configuration. */
    static final String COPY_PREFIX = "test.copy.";
    /** If set, the connector's {@code validate} reports this error on the key itself. */
    static final String VALIDATE_ERROR = "test.validate.error";
    /** The key each task configuration carries its index in. */
    static final String TASK_INDEX = "test.task.index";

    private static final ConcurrentMap<String, Control> CONTROLS = new ConcurrentHashMap<>();

    private ControlledConnectors() {
    }

    /** A new control, registered until {@link #release(Collection)}. */
    static Control newControl() {
        Control control = new Control(UUID.randomUUID().toString());
        CONTROLS.put(control.id, control);
        return control;
    }

    /** Opens every gate of the controls and unregisters them. */
    static void release(Collection<Control> controls) {
        for (Control control : controls) {
            control.startGate.countDown();
            control.validateGate.countDown();
            CONTROLS.remove(control.id);
        }
    }

    private static Control controlOf(Map<String, String> props) {
        String id = props.get(CONTROL);
        Control control = id == null ? null : CONTROLS.get(id);
        if (control == null) {
            throw new IllegalStateException("Test connector configuration has no registered '" + CONTROL + "': " + props);
        }
        return control;
    }

    /** What a test decides about its connectors, and what it can observe of them. */
    static final class Control {
        final String id;
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();
        final AtomicInteger validations = new AtomicInteger();
        /** How many task configurations {@code taskConfigs} returns. */
        volatile int taskCount = 1;
        volatile boolean failStart;
        volatile boolean blockStart;
        volatile boolean blockValidate;
        volatile Map<String, String> lastStartProps;
        volatile ConnectorContext context;
        final CountDownLatch startGate = new CountDownLatch(1);
        final CountDownLatch validateGate = new CountDownLatch(1);
        final CountDownLatch startEntered = new CountDownLatch(1);
        final CountDownLatch validateEntered = new CountDownLatch(1);

        private Control(String id) {
            this.id = id;
        }
    }

    /** The behaviour both test connectors share, driven by their {@link Control}. */
    private static final class Behaviour {
        private volatile Control control;
        private volatile Map<String, String> props;

        void start(ConnectorContext context, Map<String, String> startProps) {
            Control current = controlOf(startProps);
            control = current;
            props = Map.copyOf(startProps);
            current.context = context;
            current.lastStartProps = props;
            current.starts.incrementAndGet();
            if (current.blockStart) {
                current.startEntered.countDown();
                await(current.startGate);
            }
            if (current.failStart) {
                throw new IllegalStateException("start refused by the test");
            }
        }

        List<Map<String, String>> taskConfigs() {
            List<Map<String, String>> configs = new ArrayList<>();
            for (int i = 0; i < control.taskCount; i++) {
                Map<String, String> config = new HashMap<>();
                config.put(TASK_INDEX, String.valueOf(i));
                props.forEach((key, value) -> {
                    if (key.startsWith(COPY_PREFIX)) {
                        config.put(key, value);
                    }
                });
                configs.add(config);
            }
            return configs;
        }

        void stop() {
            Control current = control;
            if (current != null) {
                current.stops.incrementAndGet();
            }
        }

        static ConfigDef config() {
            return new ConfigDef().define(VALIDATE_ERROR, Type.STRING, "", Importance.LOW,
                "an error the connector's validate() reports", "Controlled", 1, ConfigDef.Width.SHORT, "Error");
        }

        static Config validate(Config config, Map<String, String> props) {
            Control current = controlOf(props);
            current.validations.incrementAndGet();
            if (current.blockValidate) {
                current.validateEntered.countDown();
                await(current.validateGate);
            }
            String error = props.get(VALIDATE_ERROR);
            for (ConfigValue value : config.configValues()) {
                if (value.name().equals(VALIDATE_ERROR) && error != null && !error.isEmpty()) {
                    value.addErrorMessage(error);
                }
            }
            return config;
        }

        private static void await(CountDownLatch gate) {
            try {
                if (!gate.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("test gate was never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while held by the test", e);
            }
        }
    }

    /** A source connector whose start, validation and task configurations the test controls. */
    public static class ControlledSourceConnector extends SourceConnector {
        private final Behaviour behaviour = new Behaviour();

        @Override
        public void start(Map<String, String> props) {
            behaviour.start(context, props);
        }

        @Override
        public Class<? extends Task> taskClass() {
            return IdleSourceTask.class;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            return behaviour.taskConfigs();
        }

        @Override
        public void stop() {
            behaviour.stop();
        }

        @Override
        public ConfigDef config() {
            return Behaviour.config();
        }

        @Override
        public Config validate(Map<String, String> connectorConfigs) {
            return Behaviour.validate(super.validate(connectorConfigs), connectorConfigs);
        }

        @Override
        public String version() {
            return "3.1.4";
        }
    }

    /** A sink connector whose start, validation and task configurations the test controls. */
    public static class ControlledSinkConnector extends SinkConnector {
        private final Behaviour behaviour = new Behaviour();

        @Override
        public void start(Map<String, String> props) {
            behaviour.start(context, props);
        }

        @Override
        public Class<? extends Task> taskClass() {
            return IdleSinkTask.class;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            return behaviour.taskConfigs();
        }

        @Override
        public void stop() {
            behaviour.stop();
        }

        @Override
        public ConfigDef config() {
            return Behaviour.config();
        }

        @Override
        public Config validate(Map<String, String> connectorConfigs) {
            return Behaviour.validate(super.validate(connectorConfigs), connectorConfigs);
        }

        @Override
        public String version() {
            return "2.7.1";
        }
    }

    /** A source task without data; the test's task runner drives it. */
    public static class IdleSourceTask extends SourceTask {
        @Override
        public String version() {
            return "3.1.4-task";
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

    /** A sink task without data. */
    public static class IdleSinkTask extends SinkTask {
        @Override
        public String version() {
            return "2.7.1-task";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public void put(Collection<SinkRecord> records) {
        }

        @Override
        public void stop() {
        }
    }
}
