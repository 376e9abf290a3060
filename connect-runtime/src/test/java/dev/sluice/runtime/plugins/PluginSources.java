package dev.sluice.runtime.plugins;

/**
 * Java sources of small test plugins. Every plugin remembers the thread context class loader it was
 * constructed under and returns it from {@code Supplier.get()} (a JDK type, so tests can call it without
 * reflection), unless a custom body replaces that.
 */
final class PluginSources {

    private PluginSources() {
    }

    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : "package " + className.substring(0, dot) + ";\n";
    }

    static String simpleNameOf(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static final String CONTEXT_CAPTURE =
        "    private final ClassLoader constructedUnder = Thread.currentThread().getContextClassLoader();\n";

    private static final String SUPPLIER = "    public Object get() { return constructedUnder; }\n";

    /** A source connector reporting {@code version}, with extra members. */
    static String sourceConnector(String className, String version, String members) {
        return packageOf(className)
            + "import java.util.*;\n"
            + "import org.apache.kafka.common.config.ConfigDef;\n"
            + "import org.apache.kafka.connect.connector.Task;\n"
            + "public class " + simpleNameOf(className)
            + " extends org.apache.kafka.connect.source.SourceConnector implements java.util.function.Supplier<Object> {\n"
            + CONTEXT_CAPTURE
            + "    public String version() { return \"" + version + "\"; }\n"
            + "    public void start(Map<String, String> props) { }\n"
            + "    public Class<? extends Task> taskClass() { return null; }\n"
            + "    public List<Map<String, String>> taskConfigs(int maxTasks) { return List.of(); }\n"
            + "    public void stop() { }\n"
            + "    public ConfigDef config() { return new ConfigDef(); }\n"
            + (members.contains("public Object get()") ? "" : SUPPLIER)
            + members
            + "}\n";
    }

    static String sourceConnector(String className, String version) {
        return sourceConnector(className, version, "");
    }

    /** A sink connector reporting {@code version}. */
    static String sinkConnector(String className, String version) {
        return packageOf(className)
            + "import java.util.*;\n"
            + "import org.apache.kafka.common.config.ConfigDef;\n"
            + "import org.apache.kafka.connect.connector.Task;\n"
            + "public class " + simpleNameOf(className)
            + " extends org.apache.kafka.connect.sink.SinkConnector implements java.util.function.Supplier<Object> {\n"
            + CONTEXT_CAPTURE + SUPPLIER
            + "    public String version() { return \"" + version + "\"; }\n"
            + "    public void start(Map<String, String> props) { }\n"
            + "    public Class<? extends Task> taskClass() { return null; }\n"
            + "    public List<Map<String, String>> taskConfigs(int maxTasks) { return List.of(); }\n"
            + "    public void stop() { }\n"
            + "    public ConfigDef config() { return new ConfigDef(); }\n"
            + "}\n";
    }

    /** A converter; {@code version} is a Java expression; extra interfaces and members may be added. */
    static String converter(String className, String versionExpression, String extraInterfaces, String members) {
        return packageOf(className)
            + "import java.util.*;\n"
            + "import org.apache.kafka.connect.data.*;\n"
            + "public class " + simpleNameOf(className)
            + " implements org.apache.kafka.connect.storage.Converter, java.util.function.Supplier<Object>"
            + extraInterfaces + " {\n"
            + CONTEXT_CAPTURE + SUPPLIER
            + "    public String version() { return " + versionExpression + "; }\n"
            + "    public void configure(Map<String, ?> configs, boolean isKey) { }\n"
            + "    public byte[] fromConnectData(String topic, Schema schema, Object value) { return null; }\n"
            + "    public SchemaAndValue toConnectData(String topic, byte[] value) { return SchemaAndValue.NULL; }\n"
            + members
            + "}\n";
    }

    static String converter(String className, String version) {
        return converter(className, "\"" + version + "\"", "", "");
    }

    /** A converter that is also a header converter. */
    static String converterAndHeaderConverter(String className, String version) {
        return converter(className, "\"" + version + "\"", ", org.apache.kafka.connect.storage.HeaderConverter",
            "    public void configure(Map<String, ?> configs) { }\n"
                + "    public org.apache.kafka.common.config.ConfigDef config() { return new org.apache.kafka.common.config.ConfigDef(); }\n"
                + "    public void close() { }\n"
                + "    public SchemaAndValue toConnectHeader(String topic, String key, byte[] value) { return SchemaAndValue.NULL; }\n"
                + "    public byte[] fromConnectHeader(String topic, String key, Schema schema, Object value) { return null; }\n");
    }

    /** A transformation of any record type. */
    static String transformation(String className) {
        return packageOf(className)
            + "import java.util.*;\n"
            + "import org.apache.kafka.connect.connector.ConnectRecord;\n"
            + "public class " + simpleNameOf(className) + "<R extends ConnectRecord<R>>"
            + " implements org.apache.kafka.connect.transforms.Transformation<R>, java.util.function.Supplier<Object> {\n"
            + CONTEXT_CAPTURE + SUPPLIER
            + "    public R apply(R record) { return record; }\n"
            + "    public org.apache.kafka.common.config.ConfigDef config() { return new org.apache.kafka.common.config.ConfigDef(); }\n"
            + "    public void close() { }\n"
            + "    public void configure(Map<String, ?> configs) { }\n"
            + "}\n";
    }

    /** A predicate of any record type. */
    static String predicate(String className) {
        return packageOf(className)
            + "import java.util.*;\n"
            + "import org.apache.kafka.connect.connector.ConnectRecord;\n"
            + "public class " + simpleNameOf(className) + "<R extends ConnectRecord<R>>"
            + " implements org.apache.kafka.connect.transforms.predicates.Predicate<R>, java.util.function.Supplier<Object> {\n"
            + CONTEXT_CAPTURE + SUPPLIER
            + "    public boolean test(R record) { return true; }\n"
            + "    public org.apache.kafka.common.config.ConfigDef config() { return new org.apache.kafka.common.config.ConfigDef(); }\n"
            + "    public void close() { }\n"
            + "    public void configure(Map<String, ?> configs) { }\n"
            + "}\n";
    }

    /** A config provider (always found through manifests only). */
    static String configProvider(String className) {
        return packageOf(className)
            + "import java.util.*;\n"
            + "import org.apache.kafka.common.config.ConfigData;\n"
            + "public class " + simpleNameOf(className) + " implements org.apache.kafka.common.config.provider.ConfigProvider {\n"
            + "    public void configure(Map<String, ?> configs) { }\n"
            + "    public ConfigData get(String path) { return new ConfigData(Map.of()); }\n"
            + "    public ConfigData get(String path, Set<String> keys) { return new ConfigData(Map.of()); }\n"
            + "    public void close() { }\n"
            + "}\n";
    }
}
