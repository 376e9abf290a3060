package dev.sluice.runtime.config;

import java.security.GeneralSecurityException;
import java.security.InvalidParameterException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.KeyGenerator;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.MetadataRecoveryStrategy;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration of a distributed worker: the common worker keys plus group membership, the internal
 * topics, the rebalance protocol, request signing between workers, exactly-once support for source
 * connectors and the group member's own client settings. Definition and typed accessors only; class-typed
 * keys resolve through the loader given to the constructor (see {@link WorkerConfig}).
 */
public final class DistributedConfig extends WorkerConfig {

    private static final Logger log = LoggerFactory.getLogger(DistributedConfig.class);

    /** Key: the Connect cluster (consumer group) this worker joins. */
    public static final String GROUP_ID = CommonClientConfigs.GROUP_ID_CONFIG;
    /** Key: group session timeout. */
    public static final String SESSION_TIMEOUT_MS = CommonClientConfigs.SESSION_TIMEOUT_MS_CONFIG;
    /** Key: how long members get to rejoin during a rebalance. */
    public static final String REBALANCE_TIMEOUT_MS = CommonClientConfigs.REBALANCE_TIMEOUT_MS_CONFIG;
    /** Key: heartbeat interval to the group coordinator. */
    public static final String HEARTBEAT_INTERVAL_MS = CommonClientConfigs.HEARTBEAT_INTERVAL_MS_CONFIG;
    /** Key: exactly-once support for source connectors. */
    public static final String EXACTLY_ONCE_SOURCE_SUPPORT = "exactly.once.source.support";
    /** Key: how long to try catching up with the config topic. */
    public static final String WORKER_SYNC_TIMEOUT_MS = "worker.sync.timeout.ms";
    /** Key: backoff after failing to catch up with the config topic. */
    public static final String WORKER_UNSYNC_BACKOFF_MS = "worker.unsync.backoff.ms";
    /** Key: the offsets topic. */
    public static final String OFFSET_STORAGE_TOPIC = "offset.storage.topic";
    /** Key: partitions of the offsets topic. */
    public static final String OFFSET_STORAGE_PARTITIONS = "offset.storage.partitions";
    /** Key: replication factor of the offsets topic. */
    public static final String OFFSET_STORAGE_REPLICATION_FACTOR = "offset.storage.replication.factor";
    /** Key: the config topic. */
    public static final String CONFIG_TOPIC = "config.storage.topic";
    /** Key: replication factor of the config topic. */
    public static final String CONFIG_STORAGE_REPLICATION_FACTOR = "config.storage.replication.factor";
    /** Key: the status topic. */
    public static final String STATUS_STORAGE_TOPIC = "status.storage.topic";
    /** Key: partitions of the status topic. */
    public static final String STATUS_STORAGE_PARTITIONS = "status.storage.partitions";
    /** Key: replication factor of the status topic. */
    public static final String STATUS_STORAGE_REPLICATION_FACTOR = "status.storage.replication.factor";
    /** Key: the rebalance protocol. */
    public static final String CONNECT_PROTOCOL = "connect.protocol";
    /** Key: how long lost connectors and tasks wait before being reassigned. */
    public static final String SCHEDULED_REBALANCE_MAX_DELAY_MS = "scheduled.rebalance.max.delay.ms";
    /** Key: lifetime of a session key. */
    public static final String INTER_WORKER_KEY_TTL_MS = "inter.worker.key.ttl.ms";
    /** Key: session key generation algorithm. */
    public static final String INTER_WORKER_KEY_GENERATION_ALGORITHM = "inter.worker.key.generation.algorithm";
    /** Key: session key size in bits. */
    public static final String INTER_WORKER_KEY_SIZE = "inter.worker.key.size";
    /** Key: request signing algorithm. */
    public static final String INTER_WORKER_SIGNATURE_ALGORITHM = "inter.worker.signature.algorithm";
    /** Key: algorithms accepted when verifying requests. */
    public static final String INTER_WORKER_VERIFICATION_ALGORITHMS = "inter.worker.verification.algorithms";
    /** The default algorithm of the inter-worker keys. */
    public static final String INTER_WORKER_ALGORITHM_DEFAULT = "HmacSHA256";
    /** The values of {@link #CONNECT_PROTOCOL}, lower case; the key accepts any case. */
    public static final List<String> CONNECT_PROTOCOLS = List.of("eager", "compatible", "sessioned");

    private static final Set<String> TOPIC_KEYS_NOT_PASSED_ON = Set.of("topic", "partitions", "replication.factor");

    /** The values of {@code exactly.once.source.support}. */
    public enum ExactlyOnceSourceSupport {
        /** No exactly-once support. */
        DISABLED,
        /** The leader uses a transactional producer for the config topic; tasks are not exactly-once yet. */
        PREPARING,
        /** Full exactly-once support for source tasks. */
        ENABLED
    }

    /** Parses distributed worker properties, resolving class names through the thread's context loader. */
    public DistributedConfig(Map<String, String> props) {
        this(props, null);
    }

    /**
     * Parses distributed worker properties.
     *
     * @param props the worker properties
     * @param pluginClasses the loader for class-typed values, or null for the thread's context loader
     * @throws ConfigException if a value is invalid, including inconsistent inter-worker key settings
     */
    public DistributedConfig(Map<String, String> props, ClassLoader pluginClasses) {
        super(configDef(), props, pluginClasses);
        checkInterWorkerKeys();
    }

    /** The keys of a distributed worker, in Apache's order; a new definition on every call. */
    public static ConfigDef configDef() {
        ConfigDef definition = baseConfigDef()
            .define(GROUP_ID, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                "Name of the Connect cluster: all workers with the same group.id share connectors and tasks.")
            .define(SESSION_TIMEOUT_MS, Type.INT, 10000, Importance.HIGH,
                "Milliseconds without heartbeats after which the group coordinator drops this worker from"
                    + " the group and rebalances.")
            .define(REBALANCE_TIMEOUT_MS, Type.INT, 60000, Importance.HIGH,
                "Milliseconds each worker gets to rejoin the group once a rebalance starts.")
            .define(HEARTBEAT_INTERVAL_MS, Type.INT, 3000, Importance.HIGH,
                "Milliseconds between heartbeats to the group coordinator; well below session.timeout.ms.")
            .define(EXACTLY_ONCE_SOURCE_SUPPORT, Type.STRING, "disabled",
                ConfigDef.CaseInsensitiveValidString.in("DISABLED", "ENABLED", "PREPARING"), Importance.HIGH,
                "Exactly-once support for source connectors: disabled, preparing (a step of a rolling"
                    + " upgrade) or enabled.")
            .define(CommonClientConfigs.METADATA_MAX_AGE_CONFIG, Type.LONG, 300000L, ConfigDef.Range.atLeast(0),
                Importance.LOW, "Milliseconds after which cluster metadata is refreshed even without changes.")
            .define(CommonClientConfigs.CLIENT_ID_CONFIG, Type.STRING, "", Importance.LOW,
                "Client id of this worker's group member; also part of the client ids of its internal-topic"
                    + " clients.")
            .define(CommonClientConfigs.SEND_BUFFER_CONFIG, Type.INT, 128 * 1024, ConfigDef.Range.atLeast(-1),
                Importance.MEDIUM, "TCP send buffer size in bytes; -1 uses the OS default.")
            .define(CommonClientConfigs.RECEIVE_BUFFER_CONFIG, Type.INT, 32 * 1024, ConfigDef.Range.atLeast(-1),
                Importance.MEDIUM, "TCP receive buffer size in bytes; -1 uses the OS default.")
            .define(CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG, Type.LONG, 50L, ConfigDef.Range.atLeast(0L),
                Importance.LOW, "Milliseconds before reconnecting to a broker.")
            .define(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, Type.LONG, 1000L,
                ConfigDef.Range.atLeast(0L), Importance.LOW,
                "Upper bound in milliseconds of the growing reconnect backoff.")
            .define(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, Type.LONG,
                CommonClientConfigs.DEFAULT_SOCKET_CONNECTION_SETUP_TIMEOUT_MS, ConfigDef.Range.atLeast(0L),
                Importance.LOW, "Milliseconds a connection attempt may take.")
            .define(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, Type.LONG,
                CommonClientConfigs.DEFAULT_SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS, ConfigDef.Range.atLeast(0L),
                Importance.LOW, "Upper bound in milliseconds of the growing connection setup timeout.")
            .define(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG, Type.LONG,
                CommonClientConfigs.DEFAULT_RETRY_BACKOFF_MS, ConfigDef.Range.atLeast(0L), Importance.LOW,
                "Milliseconds before retrying a failed request.")
            .define(CommonClientConfigs.RETRY_BACKOFF_MAX_MS_CONFIG, Type.LONG,
                CommonClientConfigs.DEFAULT_RETRY_BACKOFF_MAX_MS, ConfigDef.Range.atLeast(0L), Importance.LOW,
                "Upper bound in milliseconds of the growing retry backoff.")
            .define(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, Type.INT, 40 * 1000, ConfigDef.Range.atLeast(0),
                Importance.MEDIUM, "Milliseconds to wait for the response to a request before retrying it.")
            .define(CommonClientConfigs.CONNECTIONS_MAX_IDLE_MS_CONFIG, Type.LONG, 9 * 60 * 1000L,
                Importance.MEDIUM, "Milliseconds after which idle connections are closed.")
            .define(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, Type.STRING,
                CommonClientConfigs.DEFAULT_SECURITY_PROTOCOL,
                ConfigDef.CaseInsensitiveValidString.in(Utils.enumOptions(SecurityProtocol.class)),
                Importance.MEDIUM, "Protocol used to talk to the brokers.")
            .withClientSaslSupport()
            .define(WORKER_SYNC_TIMEOUT_MS, Type.INT, 3000, Importance.MEDIUM,
                "Milliseconds a worker that is behind on the config topic keeps reading before it gives up,"
                    + " leaves the group and backs off.")
            .define(WORKER_UNSYNC_BACKOFF_MS, Type.INT, 5 * 60 * 1000, Importance.MEDIUM,
                "Milliseconds a worker waits before rejoining after it could not catch up with the config topic.")
            .define(OFFSET_STORAGE_TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                "Compacted topic holding source connector offsets.")
            .define(OFFSET_STORAGE_PARTITIONS, Type.INT, 25, PositiveOrBrokerDefault.partitions(), Importance.LOW,
                "Partitions of the offsets topic when the worker creates it.")
            .define(OFFSET_STORAGE_REPLICATION_FACTOR, Type.SHORT, (short) 3,
                PositiveOrBrokerDefault.replicationFactor(), Importance.LOW,
                "Replication factor of the offsets topic when the worker creates it.")
            .define(CONFIG_TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                "Compacted single-partition topic holding connector and task configurations.")
            .define(CONFIG_STORAGE_REPLICATION_FACTOR, Type.SHORT, (short) 3,
                PositiveOrBrokerDefault.replicationFactor(), Importance.LOW,
                "Replication factor of the config topic when the worker creates it.")
            .define(STATUS_STORAGE_TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                "Compacted topic holding connector and task statuses.")
            .define(STATUS_STORAGE_PARTITIONS, Type.INT, 5, PositiveOrBrokerDefault.partitions(), Importance.LOW,
                "Partitions of the status topic when the worker creates it.")
            .define(STATUS_STORAGE_REPLICATION_FACTOR, Type.SHORT, (short) 3,
                PositiveOrBrokerDefault.replicationFactor(), Importance.LOW,
                "Replication factor of the status topic when the worker creates it.")
            .define(CONNECT_PROTOCOL, Type.STRING, "sessioned", ConfigDef.LambdaValidator.with(
                    (name, value) -> checkProtocol(name, value), CONNECT_PROTOCOLS::toString), Importance.LOW,
                "Rebalance protocol: eager, compatible (incremental cooperative) or sessioned (incremental"
                    + " cooperative with signed requests between workers).")
            .define(SCHEDULED_REBALANCE_MAX_DELAY_MS, Type.INT, 5 * 60 * 1000,
                ConfigDef.Range.between(0, Integer.MAX_VALUE), Importance.LOW,
                "Milliseconds the group waits for a departed worker to return before reassigning its connectors"
                    + " and tasks; 0 reassigns at once.")
            .define(INTER_WORKER_KEY_TTL_MS, Type.INT, 60 * 60 * 1000, ConfigDef.Range.between(0, Integer.MAX_VALUE),
                Importance.LOW, "Milliseconds after which the leader rotates the key that signs worker requests.")
            .define(INTER_WORKER_KEY_GENERATION_ALGORITHM, Type.STRING, INTER_WORKER_ALGORITHM_DEFAULT,
                JvmAlgorithmValidator.keyGenerator(), Importance.LOW,
                "KeyGenerator algorithm for the keys that sign worker requests.")
            .define(INTER_WORKER_KEY_SIZE, Type.INT, null, Importance.LOW,
                "Size in bits of the keys that sign worker requests; unset uses the algorithm's default.")
            .define(INTER_WORKER_SIGNATURE_ALGORITHM, Type.STRING, INTER_WORKER_ALGORITHM_DEFAULT,
                JvmAlgorithmValidator.mac(), Importance.LOW, "MAC algorithm with which this worker signs requests.")
            .define(INTER_WORKER_VERIFICATION_ALGORITHMS, Type.LIST, INTER_WORKER_ALGORITHM_DEFAULT,
                JvmAlgorithmValidator.macList(), Importance.LOW,
                "MAC algorithms accepted on signed requests from other workers; must include"
                    + " inter.worker.signature.algorithm.")
            .define(CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, Type.STRING,
                CommonClientConfigs.DEFAULT_METADATA_RECOVERY_STRATEGY,
                ConfigDef.CaseInsensitiveValidString.in(Utils.enumOptions(MetadataRecoveryStrategy.class)),
                Importance.LOW, "What the group member does when it has lost all known brokers: rebootstrap or none.")
            .define(CommonClientConfigs.METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_CONFIG, Type.LONG,
                CommonClientConfigs.DEFAULT_METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS, ConfigDef.Range.atLeast(0),
                Importance.LOW, "Milliseconds without usable metadata after which the member rebootstraps.");
        return definition;
    }

    private static void checkProtocol(String name, Object value) {
        if (!(value instanceof String text) || !CONNECT_PROTOCOLS.contains(text.toLowerCase(Locale.ROOT))) {
            throw new ConfigException(name, value, "Expected one of " + CONNECT_PROTOCOLS);
        }
    }

    private void checkInterWorkerKeys() {
        String signature = getString(INTER_WORKER_SIGNATURE_ALGORITHM);
        List<String> verification = getList(INTER_WORKER_VERIFICATION_ALGORITHMS);
        if (!verification.contains(signature)) {
            throw new ConfigException(INTER_WORKER_VERIFICATION_ALGORITHMS, verification,
                "Must include the signature algorithm '" + signature + "' set by " + INTER_WORKER_SIGNATURE_ALGORITHM);
        }
        Integer keySize = getInt(INTER_WORKER_KEY_SIZE);
        if (keySize != null) {
            try {
                KeyGenerator.getInstance(getString(INTER_WORKER_KEY_GENERATION_ALGORITHM)).init(keySize);
            } catch (GeneralSecurityException | InvalidParameterException e) {
                throw new ConfigException(INTER_WORKER_KEY_SIZE, keySize, "Not a valid key size for "
                    + getString(INTER_WORKER_KEY_GENERATION_ALGORITHM) + ": " + e.getMessage());
            }
        }
    }

    /** The Connect cluster's group id. */
    public String groupId() {
        return getString(GROUP_ID);
    }

    /** The rebalance timeout. */
    public int rebalanceTimeout() {
        return getInt(REBALANCE_TIMEOUT_MS);
    }

    /** The configured exactly-once support. */
    public ExactlyOnceSourceSupport exactlyOnceSourceSupport() {
        return ExactlyOnceSourceSupport.valueOf(getString(EXACTLY_ONCE_SOURCE_SUPPORT).toUpperCase(Locale.ROOT));
    }

    @Override
    public boolean exactlyOnceSourceEnabled() {
        return exactlyOnceSourceSupport() == ExactlyOnceSourceSupport.ENABLED;
    }

    /** Whether the leader writes the config topic transactionally (exactly-once preparing or enabled). */
    public boolean transactionalLeaderEnabled() {
        return exactlyOnceSourceSupport() != ExactlyOnceSourceSupport.DISABLED;
    }

    /** The transactional id of the leader's config topic producer. */
    public String transactionalProducerId() {
        return "connect-cluster-" + groupId();
    }

    /** The offsets topic. */
    public String offsetsTopic() {
        return getString(OFFSET_STORAGE_TOPIC);
    }

    /** The config topic. */
    public String configTopic() {
        return getString(CONFIG_TOPIC);
    }

    /** The status topic. */
    public String statusTopic() {
        return getString(STATUS_STORAGE_TOPIC);
    }

    /** The rebalance protocol, lower case. */
    public String connectProtocol() {
        return getString(CONNECT_PROTOCOL).toLowerCase(Locale.ROOT);
    }

    /** Milliseconds that lost connectors and tasks wait before reassignment. */
    public int scheduledRebalanceMaxDelayMs() {
        return getInt(SCHEDULED_REBALANCE_MAX_DELAY_MS);
    }

    /** Extra topic configs for creating the config topic ({@code config.storage.*} minus the worker's own keys). */
    public Map<String, Object> configStorageTopicSettings() {
        return topicSettings("config.storage.");
    }

    /** Extra topic configs for creating the offsets topic. */
    public Map<String, Object> offsetStorageTopicSettings() {
        return topicSettings("offset.storage.");
    }

    /** Extra topic configs for creating the status topic. */
    public Map<String, Object> statusStorageTopicSettings() {
        return topicSettings("status.storage.");
    }

    private Map<String, Object> topicSettings(String prefix) {
        Map<String, Object> settings = new HashMap<>(originalsWithPrefix(prefix));
        TOPIC_KEYS_NOT_PASSED_ON.forEach(settings::remove);
        Object policy = settings.remove(TopicConfig.CLEANUP_POLICY_CONFIG);
        if (policy != null && !TopicConfig.CLEANUP_POLICY_COMPACT.equals(policy)) {
            log.warn("Ignoring '{}{}={}': Connect's internal topics are always compacted",
                prefix, TopicConfig.CLEANUP_POLICY_CONFIG, policy);
        }
        return settings;
    }
}
