package dev.sluice.runtime.worker.errors;

import dev.sluice.runtime.config.ClientConfigOverrides;
import dev.sluice.runtime.config.ClientConfigs;
import dev.sluice.runtime.config.SinkConnectorConfig;
import dev.sluice.runtime.config.WorkerConfig;
import dev.sluice.runtime.plugins.LoaderSwap;
import dev.sluice.runtime.plugins.Plugins;
import dev.sluice.runtime.plugins.ResolvedPlugin;
import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.sink.SinkTaskRunnerFactory;
import dev.sluice.runtime.worker.source.SourceProducerConfigs;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest.ClientType;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.health.ConnectorType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the dead letter queue of a sink task against the Kafka cluster, as Apache 4.3.1's worker does: a short-lived
 * admin client creates the topic if it is missing (one partition, {@code errors.deadletterqueue.topic.replication.factor})
 * and is closed again, and a producer owned by the task's {@link DeadLetterQueueReporter} writes the failed records.
 *
 * <p>Producer settings: the task producer's framework defaults (byte-array serializers, {@code acks=all}, ...) with
 * {@code client.id=connector-dlq-producer-<connector>-<task>}, then the worker's {@code producer.*} settings, the
 * metrics context, and the connector's {@code producer.override.*} settings approved by the override policy. Admin
 * settings: {@code client.id=connector-dlq-adminclient-} (Apache's literal value, without connector or task), the
 * worker's un-prefixed and {@code admin.*} settings, the approved {@code admin.override.*} settings and the metrics
 * context. As in Apache, the producer overrides are put to the policy as those of a source connector and the admin
 * overrides as those of a sink connector.
 */
public final class KafkaDeadLetterQueues implements SinkTaskRunnerFactory.DeadLetterQueues {

    /** Prefix of the dead letter queue producer's {@code client.id}, followed by {@code <connector>-<task>}. */
    public static final String PRODUCER_CLIENT_ID_PREFIX = "connector-dlq-producer-";
    /** The dead letter queue admin client's {@code client.id}: Apache uses this prefix alone. */
    public static final String ADMIN_CLIENT_ID = "connector-dlq-adminclient-";

    /** How long closing the admin client may take once the topic exists. */
    static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(KafkaDeadLetterQueues.class);

    /** A topic creator over an admin client that the dead letter queue closes as soon as its topic exists. */
    public interface TopicAdmin extends TopicCreator, AutoCloseable {
        /** Releases the admin client. */
        @Override
        void close();
    }

    private final WorkerConfig worker;
    private final String kafkaClusterId;
    private final Plugins plugins;
    private final ClientConfigOverrides overrides;
    private final Function<Map<String, Object>, Producer<byte[], byte[]>> producers;
    private final Function<Map<String, Object>, TopicAdmin> admins;

    /**
     * Dead letter queues with real Kafka clients.
     *
     * @param worker the worker configuration (bootstrap servers, {@code producer.*}, {@code admin.*})
     * @param kafkaClusterId the Kafka cluster's id for the clients' metrics context, or null to add none
     * @param plugins resolves connector classes for the override policy
     * @param overrides the worker's {@code connector.client.config.override.policy}
     */
    public KafkaDeadLetterQueues(WorkerConfig worker, String kafkaClusterId, Plugins plugins,
                                 ClientConfigOverrides overrides) {
        this(worker, kafkaClusterId, plugins, overrides, KafkaProducer::new, KafkaDeadLetterQueues::adminOf);
    }

    /**
     * Dead letter queues with the given client factories (tests pass a {@code MockProducer}).
     *
     * @param producers creates the dead letter queue producer from its settings
     * @param admins creates the topic admin from its settings; it is closed once the topic exists
     */
    public KafkaDeadLetterQueues(WorkerConfig worker, String kafkaClusterId, Plugins plugins,
                                 ClientConfigOverrides overrides,
                                 Function<Map<String, Object>, Producer<byte[], byte[]>> producers,
                                 Function<Map<String, Object>, TopicAdmin> admins) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.kafkaClusterId = kafkaClusterId;
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.producers = Objects.requireNonNull(producers, "producers");
        this.admins = Objects.requireNonNull(admins, "admins");
    }

    /** {@code connector-dlq-producer-<connector>-<task>}. */
    public static String producerClientId(ConnectorTaskId id) {
        return PRODUCER_CLIENT_ID_PREFIX + id;
    }

    /**
     * The settings of a task's dead letter queue producer.
     *
     * @param approvedOverrides the connector's approved {@code producer.override.*} settings, prefix removed
     */
    public Map<String, Object> producerSettings(ConnectorTaskId id, Map<String, Object> approvedOverrides) {
        Map<String, Object> settings = SourceProducerConfigs.producer(id, worker, kafkaClusterId, approvedOverrides);
        if (!setsClientId(ClientConfigs.fromWorker(worker, ClientType.PRODUCER), approvedOverrides)) {
            settings.put(CommonClientConfigs.CLIENT_ID_CONFIG, producerClientId(id));
        }
        return settings;
    }

    /**
     * The settings of the admin client that creates a task's dead letter queue topic.
     *
     * @param approvedOverrides the connector's approved {@code admin.override.*} settings, prefix removed
     */
    public Map<String, Object> adminSettings(ConnectorTaskId id, Map<String, Object> approvedOverrides) {
        Map<String, Object> settings = SourceProducerConfigs.admin(id, worker, kafkaClusterId, approvedOverrides);
        if (!setsClientId(ClientConfigs.fromWorker(worker, ClientType.ADMIN), approvedOverrides)) {
            settings.put(CommonClientConfigs.CLIENT_ID_CONFIG, ADMIN_CLIENT_ID);
        }
        return settings;
    }

    /**
     * Creates the connector's dead letter queue topic if it is missing, then opens the reporter that writes to it.
     *
     * @throws org.apache.kafka.common.config.ConfigException if the override policy rejects a client override
     * @throws ConnectException if the topic can be neither found nor created, or a client cannot be created
     */
    @Override
    public ErrorReporter open(SinkConnectorConfig connector, ConnectorTaskId id, ErrorCounters counters) {
        ResolvedPlugin<Connector> resolved = plugins.resolve(connector.connectorClass(), Connector.class, null);
        // As in Apache, the clients are created with the connector's loader as context loader.
        try (LoaderSwap swap = LoaderSwap.to(resolved.loader())) {
            return open(connector, resolved.pluginClass(), id, counters);
        }
    }

    private ErrorReporter open(SinkConnectorConfig connector, Class<? extends Connector> connectorClass,
                               ConnectorTaskId id, ErrorCounters counters) {
        Map<String, String> props = connector.originalsStrings();
        // Apache checks the DLQ producer's overrides as a source connector's and its admin's as a sink connector's.
        Map<String, Object> producerOverrides =
            overrides.approved(id.connector(), ConnectorType.SOURCE, connectorClass, props, ClientType.PRODUCER);
        Map<String, Object> adminOverrides =
            overrides.approved(id.connector(), ConnectorType.SINK, connectorClass, props, ClientType.ADMIN);
        String topic = connector.dlqTopicName();
        Map<String, Object> adminSettings = adminSettings(id, adminOverrides);
        try (TopicAdmin admin = newClient("admin client", id, topic, () -> admins.apply(adminSettings))) {
            log.debug("Opening dead letter queue topic '{}' of task {}", topic, id);
            Producer<byte[], byte[]> producer =
                newClient("producer", id, topic, () -> producers.apply(producerSettings(id, producerOverrides)));
            try {
                return DeadLetterQueueReporter.create(connector, id.task(), producer, admin, counters);
            } catch (RuntimeException e) {
                closeQuietly(producer, id);
                throw e;
            }
        }
    }

    private static boolean setsClientId(Map<String, Object> workerSettings, Map<String, Object> approvedOverrides) {
        return workerSettings.containsKey(CommonClientConfigs.CLIENT_ID_CONFIG)
            || approvedOverrides.containsKey(CommonClientConfigs.CLIENT_ID_CONFIG);
    }

    private static <C> C newClient(String what, ConnectorTaskId id, String topic, Supplier<C> create) {
        try {
            return create.get();
        } catch (RuntimeException e) {
            throw new ConnectException("Could not create the " + what + " of the dead letter queue '" + topic
                + "' of task " + id + ": " + e.getMessage() + ". Check the worker's bootstrap.servers and client"
                + " settings and the connector's client overrides.", e);
        }
    }

    private static void closeQuietly(Producer<byte[], byte[]> producer, ConnectorTaskId id) {
        try {
            producer.close(Duration.ZERO);
        } catch (RuntimeException e) {
            log.warn("Could not close the dead letter queue producer of task {}", id, e);
        }
    }

    private static TopicAdmin adminOf(Map<String, Object> settings) {
        Admin admin = Admin.create(settings);
        AdminTopicCreator creator = new AdminTopicCreator(admin);
        return new TopicAdmin() {
            @Override
            public void createIfMissing(String topic, int partitions, short replicationFactor) {
                creator.createIfMissing(topic, partitions, replicationFactor);
            }

            @Override
            public void close() {
                admin.close(ADMIN_CLOSE_TIMEOUT);
            }
        };
    }
}
