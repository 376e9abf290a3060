package dev.sluice.runtime.config;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Renders one of the configuration definitions into JDK types, so Apache's (when this class is defined in
 * Apache's loader) and ours (on the host class path) can be compared key by key: for each key its type,
 * default, importance, group, order, width, display name and the outcome of parsing and validating each
 * sample value. The input is the name of a definition; the output maps key to row.
 */
public class ConfigDefDriver implements Function<String, Map<String, List<String>>> {

    /** Sample values tried on every key (null is tried too). */
    static final List<String> SAMPLES = List.of("", " ", "a", "a,a", "a,,b", "-2", "-1", "0", "1", "2",
        "2147483648", "true", "FALSE", "x y", "http://:8083", "http://a:1,https://b:2", "http://a:1,",
        "set X-Frame-Options: DENY", "add Cache-Control: no-cache, no-store", "\"set A: b\",\"add C: d\"",
        "SET X: y", "set X", "unset X", "setDate Date: x", "HmacSHA256", "HmacSHA1,HmacSHA256", "NoSuchMac",
        "EAGER", "sessioned", "Poll", "INTERVAL", "required", "all", "none", "restart", "DEBUG", "hybrid_FAIL",
        "1.0", "[1.0,2.0)", "[1.0", "(,1.0],[1.2,)", "[2.0,1.0]", "latest", "[1.0]", "(1.0)", "1.10,1.9",
        "1.0-alpha,1.0", "a(b", ".*", "\u0001x", "use_all_dns_ips", "PLAINTEXT", "sasl_ssl", "rebootstrap");

    /** Class names tried on class-typed keys. */
    static final List<String> CLASS_SAMPLES = List.of("org.apache.kafka.connect.storage.StringConverter",
        "org.apache.kafka.connect.storage.SimpleHeaderConverter", "org.apache.kafka.connect.converters.LongConverter",
        "org.apache.kafka.connect.storage.Converter", "java.lang.String", "no.such.Clazz");

    private static final boolean APACHE = isApacheSide();

    @Override
    public Map<String, List<String>> apply(String definitionName) {
        ConfigDef definition = definition(definitionName);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (ConfigDef.ConfigKey key : definition.configKeys().values()) {
            rows.put(key.name, row(key));
        }
        return rows;
    }

    private List<String> row(ConfigDef.ConfigKey key) {
        List<String> row = new ArrayList<>(List.of(String.valueOf(key.type),
            key.hasDefault() ? render(key.defaultValue) : "<required>", String.valueOf(key.importance),
            String.valueOf(key.group), String.valueOf(key.orderInGroup), String.valueOf(key.width),
            String.valueOf(key.displayName)));
        List<String> samples = new ArrayList<>(key.type == ConfigDef.Type.CLASS ? CLASS_SAMPLES : SAMPLES);
        samples.add(null);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(getClass().getClassLoader());
        try {
            for (String sample : samples) {
                row.add(sample + " -> " + outcome(key, sample));
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
        return row;
    }

    private static String outcome(ConfigDef.ConfigKey key, String sample) {
        try {
            Object value = sample == null ? null : ConfigDef.parseType(key.name, sample, key.type);
            if (key.validator != null) {
                key.validator.ensureValid(key.name, value);
            }
            return "ok " + render(value);
        } catch (ConfigException e) {
            return "invalid";
        } catch (Throwable e) {
            return e.getClass().getSimpleName();
        }
    }

    private static String render(Object value) {
        if (value instanceof Class<?> type) {
            return type.getName();
        }
        if (value instanceof Password) {
            return "[password]";
        }
        return String.valueOf(value);
    }

    private ConfigDef definition(String name) {
        try {
            return switch (name) {
                case "standalone" -> APACHE ? apacheStandalone() : call("dev.sluice.runtime.config.StandaloneConfig", "configDef");
                case "distributed" -> APACHE ? apacheDistributed() : call("dev.sluice.runtime.config.DistributedConfig", "configDef");
                case "connector" -> call(runtime("ConnectorConfig"), "configDef");
                case "source" -> call(runtime("SourceConnectorConfig"), "configDef");
                case "sink" -> call(runtime("SinkConnectorConfig"), "configDef");
                case "topic-creation" -> topicCreation();
                default -> throw new IllegalArgumentException("No definition named " + name);
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot get definition " + name + (APACHE ? " from Apache" : " from ours"), e);
        }
    }

    /** The default group plus groups g1 and g2, with the default group's values 3 and 5. */
    private ConfigDef topicCreation() throws ReflectiveOperationException {
        Map<String, String> props = Map.of("topic.creation.groups", "g1, g2, default",
            "topic.creation.default.replication.factor", "3", "topic.creation.default.partitions", "5");
        if (APACHE) {
            Class<?> source = load("org.apache.kafka.connect.runtime.SourceConnectorConfig");
            Method embed = source.getMethod("embedDefaultGroup", ConfigDef.class);
            ConfigDef withDefault = (ConfigDef) embed.invoke(null, new ConfigDef());
            AbstractConfig defaultGroup = new AbstractConfig((ConfigDef) embed.invoke(null, new ConfigDef()), props, false);
            ConfigDef groups = (ConfigDef) source.getMethod("enrich", ConfigDef.class, Map.class, AbstractConfig.class)
                .invoke(null, new ConfigDef(), props, defaultGroup);
            groups.configKeys().values().forEach(withDefault::define);
            return withDefault;
        }
        Class<?> keys = load("dev.sluice.runtime.config.TopicCreationKeys");
        ConfigDef withDefault = (ConfigDef) keys.getMethod("withDefaultGroup", ConfigDef.class).invoke(null, new ConfigDef());
        AbstractConfig defaultGroup = new AbstractConfig(
            (ConfigDef) keys.getMethod("withDefaultGroup", ConfigDef.class).invoke(null, new ConfigDef()), props, false);
        return (ConfigDef) keys.getMethod("withGroups", ConfigDef.class, Map.class, AbstractConfig.class)
            .invoke(null, withDefault, props, defaultGroup);
    }

    private ConfigDef apacheStandalone() throws ReflectiveOperationException {
        java.lang.reflect.Field config = load("org.apache.kafka.connect.runtime.standalone.StandaloneConfig")
            .getDeclaredField("CONFIG");
        config.setAccessible(true);
        return (ConfigDef) config.get(null);
    }

    private ConfigDef apacheDistributed() throws ReflectiveOperationException {
        Class<?> crypto = load("org.apache.kafka.connect.runtime.distributed.Crypto");
        Method config = load("org.apache.kafka.connect.runtime.distributed.DistributedConfig").getDeclaredMethod("config", crypto);
        config.setAccessible(true);
        return (ConfigDef) config.invoke(null, crypto.getField("SYSTEM").get(null));
    }

    private static String runtime(String simpleName) {
        return (APACHE ? "org.apache.kafka.connect.runtime." : "dev.sluice.runtime.config.") + simpleName;
    }

    private ConfigDef call(String className, String method) throws ReflectiveOperationException {
        Method factory = load(className).getDeclaredMethod(method);
        factory.setAccessible(true);
        return (ConfigDef) factory.invoke(null);
    }

    private Class<?> load(String className) throws ClassNotFoundException {
        return Class.forName(className, true, getClass().getClassLoader());
    }

    private static boolean isApacheSide() {
        try {
            Class.forName("org.apache.kafka.connect.runtime.WorkerConfig", false, ConfigDefDriver.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "ConfigDefDriver" + Arrays.asList(APACHE ? "apache" : "sluice");
    }
}
