package dev.sluice.runtime.worker.sink;

import dev.sluice.runtime.config.SinkConnectorConfig;
import dev.sluice.runtime.config.WorkerConfig;
import dev.sluice.runtime.plugins.LoaderSwap;
import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.TaskRunner;
import dev.sluice.runtime.worker.TaskMetricsRegistration;
import dev.sluice.runtime.worker.TaskRunnerFactory;
import dev.sluice.runtime.worker.TaskSetup;
import dev.sluice.runtime.worker.errors.ErrorCounters;
import dev.sluice.runtime.worker.errors.ErrorHandler;
import dev.sluice.runtime.worker.errors.ErrorHandlingSettings;
import dev.sluice.runtime.worker.errors.ErrorLogReporter;
import dev.sluice.runtime.worker.errors.ErrorReporter;
import dev.sluice.runtime.worker.errors.SinkErrantRecordReporter;
import dev.sluice.runtime.worker.pipeline.RecordPipelineFactory;
import dev.sluice.runtime.worker.pipeline.SinkRecordPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link SinkTaskRunner} of a {@link SinkTask}: the task's error handler (error log, and the dead letter
 * queue when {@code errors.deadletterqueue.topic.name} is set), its record pipeline, its errant record reporter and
 * its consumer. As in Apache 4.3.1 the task's context offers an errant record reporter only when the connector sets
 * a dead letter queue topic or {@code errors.log.enable=true}. Rejects tasks that are not sink tasks.
 */
public final class SinkTaskRunnerFactory implements TaskRunnerFactory {

    /** The connector's {@code consumer.override.*} settings that the worker's override policy approves. */
    @FunctionalInterface
    public interface ConsumerOverrides {
        /**
         * The approved overrides, prefix removed.
         *
         * @throws org.apache.kafka.common.config.ConfigException when the policy rejects one
         */
        Map<String, Object> approved(SinkConnectorConfig connector);
    }

    /** Opens the dead letter queue reporter of a sink task whose connector names a dead letter queue topic. */
    @FunctionalInterface
    public interface DeadLetterQueues {
        /** The reporter writing to {@code connector}'s dead letter queue topic, which it creates if missing. */
        ErrorReporter open(SinkConnectorConfig connector, ConnectorTaskId id, ErrorCounters counters);
    }

    private static final Logger log = LoggerFactory.getLogger(SinkTaskRunnerFactory.class);

    private final WorkerConfig worker;
    private final RecordPipelineFactory pipelines;
    private final ConsumerOverrides overrides;
    private final DeadLetterQueues deadLetterQueues;
    private final Function<Map<String, Object>, Consumer<byte[], byte[]>> consumers;
    private final String kafkaClusterId;

    /**
     * A factory for the sink tasks of one worker.
     *
     * @param worker the worker configuration
     * @param pipelines builds the record pipelines
     * @param overrides approves connectors' consumer overrides
     * @param deadLetterQueues opens dead letter queues
     * @param consumers creates a consumer from its settings ({@code KafkaConsumer::new} outside tests)
     * @param kafkaClusterId the Kafka cluster's id, for the clients' metrics context; null to add none
     */
    public SinkTaskRunnerFactory(WorkerConfig worker, RecordPipelineFactory pipelines, ConsumerOverrides overrides,
                                 DeadLetterQueues deadLetterQueues,
                                 Function<Map<String, Object>, Consumer<byte[], byte[]>> consumers, String kafkaClusterId) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.pipelines = Objects.requireNonNull(pipelines, "pipelines");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.deadLetterQueues = Objects.requireNonNull(deadLetterQueues, "deadLetterQueues");
        this.consumers = Objects.requireNonNull(consumers, "consumers");
        this.kafkaClusterId = kafkaClusterId;
    }

    /** Whether a sink task's context offers an errant record reporter, by Apache's rule. */
    public static boolean offersErrantRecordReporter(SinkConnectorConfig config) {
        return !config.dlqTopicName().isEmpty() || config.enableErrorLog();
    }

    @Override
    public TaskRunner create(TaskSetup setup) {
        if (!(setup.task() instanceof SinkTask)) {
            throw new ConnectException("Task " + setup.id() + " of class " + setup.task().getClass().getName()
                + " is not a SinkTask");
        }
        ConnectorTaskId id = setup.id();
        SinkConnectorConfig config;
        try (LoaderSwap swap = LoaderSwap.to(setup.loader())) {
            config = new SinkConnectorConfig(setup.connectorConfig().originalsStrings(), setup.loader());
        }
        ErrorHandlingSettings settings = ErrorHandlingSettings.of(config);
        ErrorCounters counters = new ErrorCounters();
        List<ErrorReporter> reporters = new ArrayList<>();
        reporters.add(ErrorLogReporter.forSink(id.connector(), id.task(), settings, counters));
        ErrorHandler errors = null;
        SinkRecordPipeline pipeline = null;
        try {
            if (!config.dlqTopicName().isEmpty()) {
                reporters.add(deadLetterQueues.open(config, id, counters));
            }
            errors = new ErrorHandler(settings, reporters, counters);
            pipeline = pipelines.sink(config, setup.loader(), errors);
            SinkErrantRecordReporter errant = offersErrantRecordReporter(config)
                ? new SinkErrantRecordReporter(errors, pipeline::reconvert) : null;
            Map<String, Object> consumerSettings =
                SinkConsumerConfigs.of(id, worker, kafkaClusterId, overrides.approved(config));
            Consumer<byte[], byte[]> consumer;
            // Client plugins named in the settings (interceptors, SASL callbacks) load from the connector's plugin.
            try (LoaderSwap swap = LoaderSwap.to(setup.loader())) {
                consumer = newConsumer(id, consumerSettings);
            }
            TaskMetricsRegistration.register(setup.metrics(), counters, pipeline.converters(),
                pipeline.transformations());
            return new SinkTaskRunner(setup, new SinkTaskParts(consumer, pipeline, errors, errant,
                worker.offsetCommitInterval(), worker.offsetCommitTimeout(), System::currentTimeMillis));
        } catch (RuntimeException e) {
            if (pipeline != null) {
                pipeline.close();
            }
            if (errors != null) {
                errors.close();
            } else {
                reporters.forEach(SinkTaskRunnerFactory::closeReporter);
            }
            throw e;
        }
    }

    private Consumer<byte[], byte[]> newConsumer(ConnectorTaskId id, Map<String, Object> settings) {
        try {
            return consumers.apply(settings);
        } catch (RuntimeException e) {
            throw new ConnectException("Failed to create consumer of sink task " + id + ": " + e.getMessage(), e);
        }
    }

    private static void closeReporter(ErrorReporter reporter) {
        try {
            reporter.close();
        } catch (Exception e) {
            log.warn("Could not close error reporter {}", reporter.getClass().getName(), e);
        }
    }
}
