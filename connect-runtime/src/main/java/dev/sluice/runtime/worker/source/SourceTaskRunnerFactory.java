package dev.sluice.runtime.worker.source;

import dev.sluice.runtime.config.ClientConfigOverrides;
import dev.sluice.runtime.config.SourceConnectorConfig;
import dev.sluice.runtime.config.WorkerConfig;
import dev.sluice.runtime.plugins.LoaderSwap;
import dev.sluice.runtime.plugins.Plugins;
import dev.sluice.runtime.storage.ConnectorOffsetReader;
import dev.sluice.runtime.storage.OffsetCodec;
import dev.sluice.runtime.storage.OffsetStore;
import dev.sluice.runtime.storage.SourceOffsetWriter;
import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.TaskRunner;
import dev.sluice.runtime.worker.TaskRunnerFactory;
import dev.sluice.runtime.worker.TaskMetricsRegistration;
import dev.sluice.runtime.worker.TaskSetup;
import dev.sluice.runtime.worker.errors.ErrorCounters;
import dev.sluice.runtime.worker.errors.ErrorHandler;
import dev.sluice.runtime.worker.errors.ErrorHandlingSettings;
import dev.sluice.runtime.worker.errors.ErrorLogReporter;
import dev.sluice.runtime.worker.pipeline.RecordPipelineFactory;
import dev.sluice.runtime.worker.pipeline.SourceRecordPipeline;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest.ClientType;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.health.ConnectorType;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link SourceTaskRunner} of a source task for the {@link dev.sluice.runtime.worker.Worker}: parses the
 * connector configuration as a source connector's, builds the error handler, the record pipeline, the producer (and,
 * with topic creation, an admin client), and the offset reader and writer over the worker's {@link OffsetStore}. All
 * of it is built with the connector's loader as context loader; if a part cannot be built, those already built are
 * closed and the task is reported FAILED by the worker.
 */
public final class SourceTaskRunnerFactory implements TaskRunnerFactory {

    private static final Logger log = LoggerFactory.getLogger(SourceTaskRunnerFactory.class);

    private final WorkerConfig worker;
    private final Plugins plugins;
    private final RecordPipelineFactory pipelines;
    private final OffsetStore offsetStore;
    private final ClientConfigOverrides overrides;
    private final String kafkaClusterId;
    private final Function<Map<String, Object>, Producer<byte[], byte[]>> producers;
    private final Function<Map<String, Object>, TopicCreationAdmin> admins;
    private final OffsetCodec codec = new OffsetCodec();

    /**
     * A factory that creates real Kafka producers and admin clients.
     *
     * @param worker the worker configuration
     * @param plugins resolves connector classes (for the override policy)
     * @param pipelines builds record pipelines
     * @param offsetStore the worker's offset store
     * @param overrides the worker's client override policy
     * @param kafkaClusterId the Kafka cluster's id for client metrics contexts, or null
     */
    public SourceTaskRunnerFactory(WorkerConfig worker, Plugins plugins, RecordPipelineFactory pipelines,
                                   OffsetStore offsetStore, ClientConfigOverrides overrides, String kafkaClusterId) {
        this(worker, plugins, pipelines, offsetStore, overrides, kafkaClusterId, KafkaProducer::new,
            settings -> new KafkaTopicCreationAdmin(Admin.create(settings)));
    }

    /**
     * A factory with the given client factories (tests use a {@code MockProducer}).
     *
     * @param producers creates a producer from its settings
     * @param admins creates the topic creation admin from its settings
     */
    public SourceTaskRunnerFactory(WorkerConfig worker, Plugins plugins, RecordPipelineFactory pipelines,
                                   OffsetStore offsetStore, ClientConfigOverrides overrides, String kafkaClusterId,
                                   Function<Map<String, Object>, Producer<byte[], byte[]>> producers,
                                   Function<Map<String, Object>, TopicCreationAdmin> admins) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.pipelines = Objects.requireNonNull(pipelines, "pipelines");
        this.offsetStore = Objects.requireNonNull(offsetStore, "offsetStore");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.kafkaClusterId = kafkaClusterId;
        this.producers = Objects.requireNonNull(producers, "producers");
        this.admins = Objects.requireNonNull(admins, "admins");
    }

    /** Whether this factory runs {@code setup}'s task: it is a {@link SourceTask}. */
    public static boolean handles(TaskSetup setup) {
        return setup.task() instanceof SourceTask;
    }

    /**
     * A factory for all of a worker's tasks: source tasks run with this factory, every other task with
     * {@code others} (the sink runner's factory).
     */
    public TaskRunnerFactory orElse(TaskRunnerFactory others) {
        Objects.requireNonNull(others, "others");
        return setup -> handles(setup) ? create(setup) : others.create(setup);
    }

    @Override
    public TaskRunner create(TaskSetup setup) {
        if (!(setup.task() instanceof SourceTask task)) {
            throw new ConnectException("Task " + setup.id() + " of class " + setup.task().getClass().getName()
                + " is not a SourceTask and cannot run as a source task");
        }
        ConnectorTaskId id = setup.id();
        Deque<AutoCloseable> built = new ArrayDeque<>();
        try (LoaderSwap swap = LoaderSwap.to(setup.loader())) {
            SourceConnectorConfig config = new SourceConnectorConfig(setup.connectorConfig().originalsStrings(),
                worker.topicCreationEnable(), setup.loader());
            Class<? extends Connector> connectorClass =
                plugins.resolve(config.connectorClass(), Connector.class, setup.loader()).pluginClass();
            Map<ClientType, Map<String, Object>> approved = overrides.approvedForAll(id.connector(),
                ConnectorType.SOURCE, connectorClass, config.originalsStrings());

            ErrorHandlingSettings settings = ErrorHandlingSettings.of(config);
            ErrorCounters counters = new ErrorCounters();
            ErrorHandler errors = new ErrorHandler(settings,
                List.of(ErrorLogReporter.forSource(id.connector(), id.task(), settings, counters)), counters);
            built.push(errors);
            SourceRecordPipeline pipeline = pipelines.source(config, setup.loader(), errors);
            built.push(pipeline);
            Producer<byte[], byte[]> producer = producers.apply(
                SourceProducerConfigs.producer(id, worker, kafkaClusterId, approved.get(ClientType.PRODUCER)));
            built.push(() -> producer.close(Duration.ZERO));
            TopicCreation topicCreation = TopicCreation.of(config, () -> admins.apply(
                SourceProducerConfigs.admin(id, worker, kafkaClusterId, approved.get(ClientType.ADMIN))));
            built.push(topicCreation::close);
            ConnectorOffsetReader offsetReader = new ConnectorOffsetReader(offsetStore, id.connector(), codec);
            SourceOffsetWriter offsetWriter = new SourceOffsetWriter(offsetStore, id.connector(), codec);
            SourceTaskParts parts = new SourceTaskParts(pipeline, errors, producer, topicCreation, offsetReader,
                offsetWriter, worker.offsetCommitInterval(), worker.offsetCommitTimeout(), System::currentTimeMillis);
            TaskMetricsRegistration.register(setup.metrics(), counters, pipeline.converters(),
                pipeline.transformations());
            return new SourceTaskRunner(id, task, setup.taskConfig(), setup.loader(), setup.initialState(),
                setup.statusListener(), setup.pluginMetrics(), parts, setup.metrics());
        } catch (RuntimeException | LinkageError e) {
            closeAll(id, built);
            throw e;
        }
    }

    private static void closeAll(ConnectorTaskId id, Deque<AutoCloseable> built) {
        while (!built.isEmpty()) {
            AutoCloseable part = built.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("Task {}: could not close a part built before its creation failed", id, e);
            }
        }
    }
}
