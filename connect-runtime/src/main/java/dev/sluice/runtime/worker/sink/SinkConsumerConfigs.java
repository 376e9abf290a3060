package dev.sluice.runtime.worker.sink;

import dev.sluice.runtime.config.ClientConfigs;
import dev.sluice.runtime.config.WorkerConfig;
import dev.sluice.runtime.worker.ConnectorTaskId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest.ClientType;

/**
 * The settings of a sink task's consumer, layered as Apache 4.3.1's worker layers them: framework defaults
 * ({@code group.id=connect-<connector>}, the worker's {@code bootstrap.servers}, {@code enable.auto.commit=false},
 * {@code auto.offset.reset=earliest}, byte-array deserializers, {@code client.id=connector-consumer-<connector>-<task>}),
 * then the worker's {@code consumer.*} settings, then {@code metrics.context.connect.kafka.cluster.id}, then the
 * connector's approved {@code consumer.override.*} settings.
 */
public final class SinkConsumerConfigs {

    /** The metrics context key naming the Kafka cluster, as Apache adds it. */
    public static final String CLUSTER_ID_CONTEXT = CommonClientConfigs.METRICS_CONTEXT_PREFIX + "connect.kafka.cluster.id";

    private SinkConsumerConfigs() {
    }

    /** The consumer group of a sink connector's tasks: {@code connect-<connector>}. */
    public static String groupId(String connector) {
        return "connect-" + connector;
    }

    /** The consumer's client id: {@code connector-consumer-<connector>-<task>}. */
    public static String clientId(ConnectorTaskId id) {
        return "connector-consumer-" + id;
    }

    /**
     * The consumer settings of one sink task.
     *
     * @param id the task
     * @param worker the worker configuration (bootstrap servers, {@code consumer.*})
     * @param kafkaClusterId the Kafka cluster's id for the metrics context, or null to add none
     * @param approvedOverrides the connector's {@code consumer.override.*} settings approved by the override policy,
     *     prefix removed
     */
    public static Map<String, Object> of(ConnectorTaskId id, WorkerConfig worker, String kafkaClusterId,
                                         Map<String, Object> approvedOverrides) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId(id.connector()));
        List<String> servers = worker.getList(WorkerConfig.BOOTSTRAP_SERVERS);
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", servers));
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId(id));
        settings.putAll(ClientConfigs.fromWorker(worker, ClientType.CONSUMER));
        if (kafkaClusterId != null) {
            settings.put(CLUSTER_ID_CONTEXT, kafkaClusterId);
        }
        settings.putAll(approvedOverrides);
        return settings;
    }
}
