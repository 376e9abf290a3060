package dev.sluice.runtime.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest.ClientType;

/**
 * Collects the Kafka client settings that come from configuration: the worker's {@code producer.*},
 * {@code consumer.*} and {@code admin.*} settings for connector clients, and a connector's
 * {@code producer.override.*}, {@code consumer.override.*} and {@code admin.override.*} requests (which
 * the override policy must approve, see {@link ClientConfigOverrides}). Prefixes are removed.
 */
public final class ClientConfigs {

    /** Prefix of a connector's producer overrides. */
    public static final String PRODUCER_OVERRIDES_PREFIX = "producer.override.";
    /** Prefix of a connector's consumer overrides. */
    public static final String CONSUMER_OVERRIDES_PREFIX = "consumer.override.";
    /** Prefix of a connector's admin client overrides. */
    public static final String ADMIN_OVERRIDES_PREFIX = "admin.override.";

    private static final Set<String> WORKER_CLIENT_PREFIXES =
        Set.of(WorkerConfig.PRODUCER_PREFIX, WorkerConfig.CONSUMER_PREFIX, WorkerConfig.ADMIN_PREFIX);

    private ClientConfigs() {
    }

    /** The worker prefix of a client type: {@code producer.}, {@code consumer.} or {@code admin.}. */
    public static String workerPrefix(ClientType type) {
        return switch (type) {
            case PRODUCER -> WorkerConfig.PRODUCER_PREFIX;
            case CONSUMER -> WorkerConfig.CONSUMER_PREFIX;
            case ADMIN -> WorkerConfig.ADMIN_PREFIX;
        };
    }

    /** The connector override prefix of a client type, e.g. {@code producer.override.}. */
    public static String overridePrefix(ClientType type) {
        return switch (type) {
            case PRODUCER -> PRODUCER_OVERRIDES_PREFIX;
            case CONSUMER -> CONSUMER_OVERRIDES_PREFIX;
            case ADMIN -> ADMIN_OVERRIDES_PREFIX;
        };
    }

    /**
     * The worker's settings for connector clients of one type. Producers and consumers get the worker's
     * {@code producer.*} / {@code consumer.*} settings; admin clients get every un-prefixed worker setting
     * (not those under {@code producer.}, {@code consumer.} or {@code admin.}, nor {@code config.providers*})
     * overlaid with {@code admin.*}.
     */
    public static Map<String, Object> fromWorker(WorkerConfig worker, ClientType type) {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (type == ClientType.ADMIN) {
            worker.originals().forEach((key, value) -> {
                // As Apache: un-prefixed worker keys reach admin clients, but never the worker's config providers.
                if (WORKER_CLIENT_PREFIXES.stream().noneMatch(key::startsWith) && !key.startsWith("config.providers")) {
                    settings.put(key, value);
                }
            });
        }
        settings.putAll(worker.originalsWithPrefix(workerPrefix(type)));
        return settings;
    }

    /** A connector's override requests for one client type, prefix removed, in configuration order. */
    public static Map<String, Object> connectorOverrides(Map<String, String> connectorProps, ClientType type) {
        String prefix = overridePrefix(type);
        Map<String, Object> overrides = new LinkedHashMap<>();
        connectorProps.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                overrides.put(key.substring(prefix.length()), value);
            }
        });
        return overrides;
    }
}
