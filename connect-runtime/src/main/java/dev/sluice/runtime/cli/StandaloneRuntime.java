package dev.sluice.runtime.cli;

import dev.sluice.runtime.config.ClientConfigOverrides;
import dev.sluice.runtime.config.SinkConnectorConfig;
import dev.sluice.runtime.config.StandaloneConfig;
import dev.sluice.runtime.config.WorkerConfig;
import dev.sluice.runtime.herder.ConnectorConfigResolver;
import dev.sluice.runtime.herder.ConnectorConfigValidator;
import dev.sluice.runtime.herder.Herder;
import dev.sluice.runtime.herder.standalone.StandaloneHerder;
import dev.sluice.runtime.metrics.ConnectMetrics;
import dev.sluice.runtime.plugins.LoaderSwap;
import dev.sluice.runtime.rest.RestServer;
import dev.sluice.runtime.plugins.PluginDiscoveryMode;
import dev.sluice.runtime.plugins.PluginPath;
import dev.sluice.runtime.plugins.Plugins;
import dev.sluice.runtime.storage.ConnectorOffsetReader;
import dev.sluice.runtime.storage.OffsetCodec;
import dev.sluice.runtime.storage.file.FileOffsetStore;
import dev.sluice.runtime.storage.memory.MemoryConfigStore;
import dev.sluice.runtime.storage.memory.MemoryStatusStore;
import dev.sluice.runtime.worker.Worker;
import dev.sluice.runtime.worker.errors.KafkaDeadLetterQueues;
import dev.sluice.runtime.worker.pipeline.RecordPipelineFactory;
import dev.sluice.runtime.worker.sink.SinkTaskRunnerFactory;
import dev.sluice.runtime.worker.source.SourceTaskRunnerFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest.ClientType;
import org.apache.kafka.connect.health.ConnectorType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone worker, assembled: plugins from {@code plugin.path}, the file offset store, the source and sink
 * data paths with their Kafka clients and dead letter queues, the worker, the standalone herder over
 * in-memory config and status stores, and the REST API. {@link #start} builds and starts it in that order; {@link #close} stops
 * it in reverse, so source offsets are flushed to the offsets file before it closes.
 */
public final class StandaloneRuntime implements AutoCloseable {

    /** How long start-up waits for the Kafka cluster to answer. */
    public static final Duration CLUSTER_LOOKUP_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(StandaloneRuntime.class);

    private final StandaloneConfig config;
    private final Herder herder;
    private final RestServer rest;
    private final Deque<AutoCloseable> resources;

    private StandaloneRuntime(StandaloneConfig config, Herder herder, RestServer rest, Deque<AutoCloseable> resources) {
        this.config = config;
        this.herder = herder;
        this.rest = rest;
        this.resources = resources;
    }

    /**
     * Builds and starts a standalone worker.
     *
     * @param rawWorkerProps the worker properties as written (config provider references unresolved)
     * @param workerProps    the worker properties with provider references resolved
     * @throws org.apache.kafka.common.config.ConfigException naming the key, for an invalid worker configuration
     * @throws org.apache.kafka.connect.errors.ConnectException if the Kafka cluster or the offsets file is unusable
     */
    public static StandaloneRuntime start(Map<String, String> rawWorkerProps, Map<String, String> workerProps) {
        return start(rawWorkerProps, providers -> workerProps);
    }

    /**
     * Builds and starts a standalone worker from its properties as written: {@code plugin.path} is read first,
     * then the worker's config providers are loaded (from the runtime or from {@code plugin.path}, by class name
     * or alias) and resolve the provider references of the properties, as Apache's worker does.
     *
     * @see #start(Map, Map)
     */
    public static StandaloneRuntime start(Map<String, String> rawWorkerProps) {
        return start(rawWorkerProps,
            providers -> WorkerPropertiesLoader.resolve("Worker config:", rawWorkerProps, providers));
    }

    private static StandaloneRuntime start(Map<String, String> rawWorkerProps,
                                           Function<ConfigProviders, Map<String, String>> resolution) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            Plugins plugins = Plugins.discover(PluginPath.parse(WorkerConfig.pluginPath(rawWorkerProps)),
                PluginDiscoveryMode.parse(WorkerConfig.pluginDiscovery(rawWorkerProps)));
            resources.push(plugins);
            ConfigProviders providers = ConfigProviders.fromWorkerConfig(rawWorkerProps, plugins.delegatingLoader());
            resources.push(providers);
            Map<String, String> workerProps = resolution.apply(providers);
            StandaloneConfig config;
            try (LoaderSwap swap = LoaderSwap.to(plugins.delegatingLoader())) {
                config = new StandaloneConfig(workerProps, plugins.delegatingLoader());
            }
            String clusterId = KafkaClusterIdLookup.lookup(config, CLUSTER_LOOKUP_TIMEOUT);
            log.info("Kafka cluster id: {}", clusterId);

            ConnectMetrics metrics = new ConnectMetrics(config, clusterId, Time.SYSTEM);
            resources.push(metrics);
            FileOffsetStore offsets = new FileOffsetStore(config);
            offsets.start();
            resources.push(offsets::stop);
            ClientConfigOverrides overrides = new ClientConfigOverrides(overridePolicy(config, plugins));
            RecordPipelineFactory pipelines = new RecordPipelineFactory(plugins, config);
            SourceTaskRunnerFactory sources = new SourceTaskRunnerFactory(config, plugins, pipelines, offsets, overrides,
                clusterId);
            SinkTaskRunnerFactory sinks = new SinkTaskRunnerFactory(config, pipelines,
                connector -> consumerOverrides(connector, plugins, overrides),
                new KafkaDeadLetterQueues(config, clusterId, plugins, overrides), KafkaConsumer::new, clusterId);
            OffsetCodec codec = new OffsetCodec();
            Worker worker = new Worker(config, plugins, metrics.registry(),
                (connector, connectorConfig) -> new ConnectorOffsetReader(offsets, connector, codec),
                sources.orElse(sinks));

            ConnectorConfigResolver resolver = (connector, connectorConfig) ->
                providers.resolve("Connector '" + connector + "'", connectorConfig);
            Duration stopTimeout = Duration.ofMillis(config.taskShutdownTimeout())
                .plus(Worker.CONNECTOR_GRACEFUL_SHUTDOWN_TIMEOUT).plusSeconds(5);
            RestServer rest = new RestServer(config);
            rest.bind();
            AutoCloseable restStop = rest::stop;
            resources.push(restStop);
            URI advertised = rest.advertisedUrl();
            String workerId = advertised.getHost() + ":" + advertised.getPort();
            metrics.registerAppInfo(workerId);
            StandaloneHerder herder = new StandaloneHerder(worker, workerId, clusterId,
                new MemoryConfigStore(), new MemoryStatusStore(),
                new ConnectorConfigValidator(plugins, overrides, config), resolver, stopTimeout,
                startTimeout(workerProps));
            herder.start();
            resources.push(herder::stop);
            rest.serve(herder);
            // The REST server stops first, so no request reaches a stopping herder.
            resources.remove(restStop);
            resources.push(restStop);
            return new StandaloneRuntime(config, herder, rest, resources);
        } catch (RuntimeException | Error e) {
            closeAll(resources);
            throw e;
        }
    }

    /** The worker configuration. */
    public StandaloneConfig config() {
        return config;
    }

    /** The herder, to create and manage connectors. */
    public Herder herder() {
        return herder;
    }

    /** The REST server, e.g. for its {@link RestServer#advertisedUrl()}. */
    public RestServer rest() {
        return rest;
    }

    /** Stops every connector and task, flushes and closes the offset store, and releases the plugins. */
    @Override
    public void close() {
        closeAll(resources);
    }

    private static Duration startTimeout(Map<String, String> workerProps) {
        String value = workerProps.get(StandaloneHerder.START_TIMEOUT_CONFIG);
        if (value == null || value.isBlank()) {
            return StandaloneHerder.DEFAULT_START_TIMEOUT;
        }
        try {
            long millis = Long.parseLong(value.trim());
            if (millis > 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below with the key
        }
        throw new ConfigException(StandaloneHerder.START_TIMEOUT_CONFIG, value, "Must be a positive number of milliseconds");
    }

    private static ConnectorClientConfigOverridePolicy overridePolicy(WorkerConfig config, Plugins plugins) {
        ConnectorClientConfigOverridePolicy policy = plugins.newPlugin(config.clientConfigOverridePolicy(),
            ConnectorClientConfigOverridePolicy.class, null);
        policy.configure(config.originals());
        return policy;
    }

    private static Map<String, Object> consumerOverrides(SinkConnectorConfig connector, Plugins plugins,
                                                         ClientConfigOverrides overrides) {
        Class<? extends Connector> connectorClass =
            plugins.resolve(connector.connectorClass(), Connector.class, null).pluginClass();
        return overrides.approved(connector.connectorName(), ConnectorType.SINK, connectorClass,
            connector.originalsStrings(), ClientType.CONSUMER);
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Failed to close {} while stopping the worker", Objects.toString(resource), e);
            }
        }
    }
}
