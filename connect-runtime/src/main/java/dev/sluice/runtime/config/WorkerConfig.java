package dev.sluice.runtime.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.ClientDnsLookup;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker configuration keys common to standalone and distributed mode, with Apache Connect's names,
 * types, defaults, validators and importance.
 *
 * <p><b>Class-typed keys.</b> {@code key.converter}, {@code value.converter} and {@code header.converter}
 * keep Kafka's {@code CLASS} type, as Apache defines them, so that parsed values, the validation
 * output of the REST API and {@code getClass(...)} behave the same. Kafka resolves such class names
 * through the thread's context class loader at parse time; to keep plugin isolation, every constructor
 * here takes the class loader to resolve them with (the {@code plugins} package passes its loader, which
 * knows aliases and the classes of isolated plugins), and parsing runs through a
 * {@link ClassLoadingConfigDef} that installs that loader only for the duration of the parse. Passing
 * {@code null} keeps Kafka's behaviour (the current context loader).
 */
public class WorkerConfig extends AbstractConfig {

    private static final Logger log = LoggerFactory.getLogger(WorkerConfig.class);

    /** Key: the Kafka cluster the worker connects to. */
    public static final String BOOTSTRAP_SERVERS = CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;
    /** Key: how the clients resolve the bootstrap addresses. */
    public static final String CLIENT_DNS_LOOKUP = CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG;
    /** Key: the worker's key converter. */
    public static final String KEY_CONVERTER = "key.converter";
    /** Key: version (range) of the worker's key converter. */
    public static final String KEY_CONVERTER_VERSION = "key.converter.plugin.version";
    /** Key: the worker's value converter. */
    public static final String VALUE_CONVERTER = "value.converter";
    /** Key: version (range) of the worker's value converter. */
    public static final String VALUE_CONVERTER_VERSION = "value.converter.plugin.version";
    /** Key: the worker's header converter. */
    public static final String HEADER_CONVERTER = "header.converter";
    /** Key: version (range) of the worker's header converter. */
    public static final String HEADER_CONVERTER_VERSION = "header.converter.plugin.version";
    /** Default of {@link #HEADER_CONVERTER}. */
    public static final Class<?> HEADER_CONVERTER_DEFAULT = SimpleHeaderConverter.class;
    /** Key: how long tasks get to stop before the worker gives up on them. */
    public static final String TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS = "task.shutdown.graceful.timeout.ms";
    /** Key: how often source offsets are committed. */
    public static final String OFFSET_FLUSH_INTERVAL_MS = "offset.flush.interval.ms";
    /** Key: how long an offset commit may take. */
    public static final String OFFSET_FLUSH_TIMEOUT_MS = "offset.flush.timeout.ms";
    /** Key: where plugins are installed. */
    public static final String PLUGIN_PATH = "plugin.path";
    /** Key: how plugins are discovered. */
    public static final String PLUGIN_DISCOVERY = "plugin.discovery";
    /** The values of {@link #PLUGIN_DISCOVERY}, upper case; the key accepts any case. */
    public static final List<String> PLUGIN_DISCOVERY_MODES = List.of("ONLY_SCAN", "SERVICE_LOAD", "HYBRID_WARN", "HYBRID_FAIL");
    /** Key: metrics sample window. */
    public static final String METRICS_SAMPLE_WINDOW_MS = CommonClientConfigs.METRICS_SAMPLE_WINDOW_MS_CONFIG;
    /** Key: number of metric samples. */
    public static final String METRICS_NUM_SAMPLES = CommonClientConfigs.METRICS_NUM_SAMPLES_CONFIG;
    /** Key: metrics recording level. */
    public static final String METRICS_RECORDING_LEVEL = CommonClientConfigs.METRICS_RECORDING_LEVEL_CONFIG;
    /** Key: metric reporter classes. */
    public static final String METRIC_REPORTERS = CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG;
    /** Key: names of the config providers to set up. */
    public static final String CONFIG_PROVIDERS = "config.providers";
    /** Key: the policy for connector client overrides. */
    public static final String CLIENT_CONFIG_OVERRIDE_POLICY = "connector.client.config.override.policy";
    /** Key: whether source connectors may create topics. */
    public static final String TOPIC_CREATION_ENABLE = "topic.creation.enable";
    /** Key: whether the topics each connector uses are tracked. */
    public static final String TOPIC_TRACKING_ENABLE = "topic.tracking.enable";
    /** Key: whether tracked topics may be reset through the REST API. */
    public static final String TOPIC_TRACKING_ALLOW_RESET = "topic.tracking.allow.reset";

    /** Prefix of the worker's settings for all task producers. */
    public static final String PRODUCER_PREFIX = "producer.";
    /** Prefix of the worker's settings for all sink task consumers. */
    public static final String CONSUMER_PREFIX = "consumer.";
    /** Prefix of the worker's settings for connector admin clients. */
    public static final String ADMIN_PREFIX = "admin.";
    /** Prefix of labels added to every client's metrics context. */
    public static final String METRICS_CONTEXT_PREFIX = CommonClientConfigs.METRICS_CONTEXT_PREFIX;

    private static final List<String> REMOVED_INTERNAL_CONVERTER_KEYS =
        List.of("internal.key.converter", "internal.value.converter");

    /**
     * Parses worker properties.
     *
     * @param definition the keys of the mode (from {@link #baseConfigDef()} plus the mode's own)
     * @param props the worker properties
     * @param pluginClasses the loader for class-typed values, or null for the thread's context loader
     */
    protected WorkerConfig(ConfigDef definition, Map<String, String> props, ClassLoader pluginClasses) {
        super(ClassLoadingConfigDef.using(definition, pluginClasses), props);
        warnAboutRemovedKeys(props);
    }

    /** The keys common to both modes, in Apache's order; a new definition on every call. */
    public static ConfigDef baseConfigDef() {
        ConfigDef definition = new ConfigDef()
            .define(BOOTSTRAP_SERVERS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE,
                ConfigDef.ValidList.anyNonDuplicateValues(false, false), Importance.HIGH,
                "host:port pairs used to make the first connection to the Kafka cluster, comma-separated."
                    + " Any subset of the brokers will do; the clients discover the rest.")
            .define(CLIENT_DNS_LOOKUP, Type.STRING, ClientDnsLookup.USE_ALL_DNS_IPS.toString(),
                ConfigDef.ValidString.in(ClientDnsLookup.USE_ALL_DNS_IPS.toString(),
                    ClientDnsLookup.RESOLVE_CANONICAL_BOOTSTRAP_SERVERS_ONLY.toString()),
                Importance.MEDIUM, "How the worker's Kafka clients turn host names into addresses.")
            .define(KEY_CONVERTER, Type.CLASS, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                "Converter between Connect data and the bytes of record keys in Kafka, used by connectors"
                    + " that do not set their own.")
            .define(KEY_CONVERTER_VERSION, Type.STRING, null, Importance.LOW,
                "Version or version range of the worker's key converter; the newest installed when unset.")
            .define(VALUE_CONVERTER, Type.CLASS, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                "Converter between Connect data and the bytes of record values in Kafka, used by connectors"
                    + " that do not set their own.")
            .define(VALUE_CONVERTER_VERSION, Type.STRING, null, Importance.LOW,
                "Version or version range of the worker's value converter; the newest installed when unset.")
            .define(TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS, Type.LONG, 5000L, Importance.LOW,
                "Milliseconds the worker waits for all of its tasks to stop before giving up on them.")
            .define(OFFSET_FLUSH_INTERVAL_MS, Type.LONG, 60000L, Importance.LOW,
                "Milliseconds between attempts to commit the offsets of tasks.")
            .define(OFFSET_FLUSH_TIMEOUT_MS, Type.LONG, 5000L, Importance.LOW,
                "Milliseconds an offset commit may take before it is cancelled and retried in the next"
                    + " commit interval.")
            .define(PLUGIN_PATH, Type.LIST, null, ConfigDef.ValidList.anyNonDuplicateValues(false, true),
                Importance.LOW,
                "Comma-separated directories and archives holding plugins; each plugin gets its own"
                    + " isolated class loader.")
            .define(PLUGIN_DISCOVERY, Type.STRING, "hybrid_warn",
                ConfigDef.CaseInsensitiveValidString.in(PLUGIN_DISCOVERY_MODES.toArray(String[]::new)),
                Importance.LOW,
                "How plugins are found: only_scan inspects class files, service_load reads service manifests,"
                    + " hybrid_warn and hybrid_fail do both and warn or fail when a plugin lacks a manifest.")
            .define(METRICS_SAMPLE_WINDOW_MS, Type.LONG, 30000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                "Milliseconds covered by one metrics sample.")
            .define(METRICS_NUM_SAMPLES, Type.INT, 2, ConfigDef.Range.atLeast(1), Importance.LOW,
                "Number of samples kept to compute metrics.")
            .define(METRICS_RECORDING_LEVEL, Type.STRING, Sensor.RecordingLevel.INFO.toString(),
                ConfigDef.ValidString.in(Sensor.RecordingLevel.INFO.toString(), Sensor.RecordingLevel.DEBUG.toString()),
                Importance.LOW, "Highest recording level of the metrics that are recorded.")
            .define(METRIC_REPORTERS, Type.LIST, JmxReporter.class.getName(),
                ConfigDef.ValidList.anyNonDuplicateValues(true, false), Importance.LOW,
                "MetricsReporter classes that receive the worker's metrics.")
            .define(HEADER_CONVERTER, Type.CLASS, HEADER_CONVERTER_DEFAULT, Importance.LOW,
                "Converter between Connect header values and the bytes of Kafka record headers, used by"
                    + " connectors that do not set their own.")
            .define(HEADER_CONVERTER_VERSION, Type.STRING, null, Importance.LOW,
                "Version or version range of the worker's header converter; the newest installed when unset.")
            .define(CONFIG_PROVIDERS, Type.LIST, "", ConfigDef.ValidList.anyNonDuplicateValues(true, false),
                Importance.LOW,
                "Names of ConfigProviders, each set up by config.providers.<name>.class, that resolve"
                    + " ${name:path:key} references in worker and connector configurations.")
            .define(CLIENT_CONFIG_OVERRIDE_POLICY, Type.STRING, "All", Importance.MEDIUM,
                "ConnectorClientConfigOverridePolicy class or alias (All, None, Principal, Allowlist) deciding"
                    + " which client properties connectors may override.")
            .define(TOPIC_CREATION_ENABLE, Type.BOOLEAN, true, Importance.LOW,
                "Whether source connectors may have the worker create their topics from their"
                    + " topic.creation.* settings.")
            .withClientSslSupport();
        addTopicTrackingKeys(definition);
        return RestServerKeys.addTo(definition);
    }

    /** Adds {@code topic.tracking.enable} and {@code topic.tracking.allow.reset}. */
    static void addTopicTrackingKeys(ConfigDef definition) {
        definition
            .define(TOPIC_TRACKING_ENABLE, Type.BOOLEAN, true, Importance.LOW,
                "Whether the worker records the topics each connector uses.")
            .define(TOPIC_TRACKING_ALLOW_RESET, Type.BOOLEAN, true, Importance.LOW,
                "Whether the recorded topics of a connector may be reset through the REST API.");
    }

    /** The bootstrap servers as one comma-separated string. */
    public String bootstrapServers() {
        return String.join(",", getList(BOOTSTRAP_SERVERS));
    }

    /** The worker's key converter class. */
    public Class<?> keyConverter() {
        return getClass(KEY_CONVERTER);
    }

    /** The worker's value converter class. */
    public Class<?> valueConverter() {
        return getClass(VALUE_CONVERTER);
    }

    /** The worker's header converter class. */
    public Class<?> headerConverter() {
        return getClass(HEADER_CONVERTER);
    }

    /** Milliseconds between offset commits. */
    public long offsetCommitInterval() {
        return getLong(OFFSET_FLUSH_INTERVAL_MS);
    }

    /** Milliseconds an offset commit may take. */
    public long offsetCommitTimeout() {
        return getLong(OFFSET_FLUSH_TIMEOUT_MS);
    }

    /** Milliseconds the worker waits for tasks to stop. */
    public long taskShutdownTimeout() {
        return getLong(TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS);
    }

    /** Whether source connectors may create topics. */
    public boolean topicCreationEnable() {
        return getBoolean(TOPIC_CREATION_ENABLE);
    }

    /** Whether connector topics are tracked. */
    public boolean topicTrackingEnable() {
        return getBoolean(TOPIC_TRACKING_ENABLE);
    }

    /** Whether tracked topics may be reset. */
    public boolean topicTrackingAllowReset() {
        return getBoolean(TOPIC_TRACKING_ALLOW_RESET);
    }

    /** The configured override policy: an alias or a class name. */
    public String clientConfigOverridePolicy() {
        return getString(CLIENT_CONFIG_OVERRIDE_POLICY);
    }

    /** Whether exactly-once support for source connectors is enabled; only distributed mode can enable it. */
    public boolean exactlyOnceSourceEnabled() {
        return false;
    }

    /**
     * The raw {@code plugin.path} of worker properties, read before the worker config can be parsed (class
     * names in it need the plugin loader, which needs this path).
     *
     * @return the trimmed value, or null when unset
     */
    public static String pluginPath(Map<String, String> props) {
        String path = props.get(PLUGIN_PATH);
        return path == null ? null : path.trim();
    }

    /**
     * The discovery mode of raw worker properties, upper case, read before the worker config can be parsed.
     *
     * @throws org.apache.kafka.common.config.ConfigException if the value is not one of {@link #PLUGIN_DISCOVERY_MODES}
     */
    public static String pluginDiscovery(Map<String, String> props) {
        String mode = props.getOrDefault(PLUGIN_DISCOVERY, "hybrid_warn").trim();
        ConfigDef.CaseInsensitiveValidString.in(PLUGIN_DISCOVERY_MODES.toArray(String[]::new))
            .ensureValid(PLUGIN_DISCOVERY, mode);
        return mode.toUpperCase(Locale.ROOT);
    }

    private static void warnAboutRemovedKeys(Map<String, String> props) {
        for (String prefix : REMOVED_INTERNAL_CONVERTER_KEYS) {
            boolean present = props.keySet().stream().anyMatch(k -> k.equals(prefix) || k.startsWith(prefix + "."));
            if (present) {
                log.warn("Worker property '{}' (and its sub-keys) is ignored: internal topics always use"
                    + " JsonConverter without schemas. Remove it from the worker configuration.", prefix);
            }
        }
    }
}
