package dev.sluice.runtime.worker.source;

import dev.sluice.runtime.config.ClientConfigs;
import dev.sluice.runtime.config.WorkerConfig;
import dev.sluice.runtime.worker.ConnectorTaskId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest.ClientType;

/**
 * The Kafka client settings of a (non exactly-once) source task, layered as Apache 4.3.1's worker layers them.
 * Producer: framework defaults and {@code client.id}, the worker's {@code producer.*} settings, the metrics context,
 * then the connector's {@code producer.override.*} settings that the override policy approved. Admin client (used
 * for topic creation): bootstrap servers and {@code client.id}, the worker's un-prefixed settings, its
 * {@code admin.*} settings, the approved {@code admin.override.*} settings, then the metrics context.
 *
 * <p>Producer defaults: byte-array serializers, {@code acks=all}, {@code max.in.flight.requests.per.connection=1},
 * {@code enable.idempotence=false}, {@code delivery.timeout.ms=Integer.MAX_VALUE}, {@code max.block.ms=Long.MAX_VALUE}
 * (so that retriable failures are retried by the producer, not lost), {@code client.id=connector-producer-<c>-<t>}.
 */
public final class SourceProducerConfigs {

    /** Metrics context label of the Kafka cluster id. */
    public static final String CLUSTER_ID_CONTEXT = CommonClientConfigs.METRICS_CONTEXT_PREFIX + "connect.kafka.cluster.id";
    /** Metrics context label of the Connect group id (distributed workers). */
    public static final String GROUP_ID_CONTEXT = CommonClientConfigs.METRICS_CONTEXT_PREFIX + "connect.group.id";

    private SourceProducerConfigs() {
    }

    /** {@code connector-producer-<connector>-<task>}. */
    public static String producerClientId(ConnectorTaskId id) {
        return "connector-producer-" + id;
    }

    /** {@code connector-adminclient-<connector>-<task>}. */
    public static String adminClientId(ConnectorTaskId id) {
        return "connector-adminclient-" + id;
    }

    /**
     * The settings of a source task's producer.
     *
     * @param id the task
     * @param worker the worker configuration
     * @param kafkaClusterId the Kafka cluster's id for the metrics context, or null if unknown
     * @param approvedOverrides the connector's {@code producer.override.*} settings the policy approved, prefix removed
     */
    public static Map<String, Object> producer(ConnectorTaskId id, WorkerConfig worker, String kafkaClusterId,
                                               Map<String, Object> approvedOverrides) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, worker.bootstrapServers());
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(Long.MAX_VALUE));
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(Integer.MAX_VALUE));
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, producerClientId(id));
        settings.putAll(ClientConfigs.fromWorker(worker, ClientType.PRODUCER));
        addMetricsContext(settings, worker, kafkaClusterId);
        settings.putAll(approvedOverrides);
        return settings;
    }

    /**
     * The settings of the admin client a source task uses to create topics.
     *
     * @param id the task
     * @param worker the worker configuration
     * @param kafkaClusterId the Kafka cluster's id for the metrics context, or null if unknown
     * @param approvedOverrides the connector's {@code admin.override.*} settings the policy approved, prefix removed
     */
    public static Map<String, Object> admin(ConnectorTaskId id, WorkerConfig worker, String kafkaClusterId,
                                            Map<String, Object> approvedOverrides) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, worker.bootstrapServers());
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, adminClientId(id));
        settings.putAll(ClientConfigs.fromWorker(worker, ClientType.ADMIN));
        settings.putAll(approvedOverrides);
        addMetricsContext(settings, worker, kafkaClusterId);
        return settings;
    }

    private static void addMetricsContext(Map<String, Object> settings, WorkerConfig worker, String kafkaClusterId) {
        settings.putAll(worker.originalsWithPrefix(CommonClientConfigs.METRICS_CONTEXT_PREFIX, false));
        if (kafkaClusterId != null) {
            settings.put(CLUSTER_ID_CONTEXT, kafkaClusterId);
        }
        Object groupId = worker.originals().get(CommonClientConfigs.GROUP_ID_CONFIG);
        if (groupId != null) {
            settings.put(GROUP_ID_CONTEXT, groupId);
        }
    }
}
