package dev.sluice.runtime.herder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.config.ClientConfigOverrides;
import dev.sluice.runtime.config.StandaloneConfig;
import dev.sluice.runtime.plugins.PluginDiscoveryMode;
import dev.sluice.runtime.plugins.PluginPath;
import dev.sluice.runtime.plugins.Plugins;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.connector.policy.AllConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.NoneConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.health.ConnectorType;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConnectorConfigValidatorTest {

    private static Plugins plugins;

    private final ConnectorConfigValidator validator =
        new ConnectorConfigValidator(plugins, new ClientConfigOverrides(new AllConnectorClientConfigOverridePolicy()), false);

    @BeforeAll
    static void discoverPlugins() {
        plugins = Plugins.discover(PluginPath.parse(""), PluginDiscoveryMode.SERVICE_LOAD);
    }

    @AfterAll
    static void closePlugins() {
        plugins.close();
    }

    @Test
    void validSourceConfigurationHasNoErrorsAndListsFrameworkKeysBeforeTheConnectorsOwn() {
        ConfigValidation result = validator.validate(sourceConfig("valid"));

        assertEquals(0, result.errorCount(), "a valid configuration must have no errors: " + result.errorLines());
        assertEquals(CheckedSourceConnector.class.getName(), result.connectorClass());
        List<String> keys = new ArrayList<>(result.keys().keySet());
        assertTrue(keys.indexOf("name") < keys.indexOf(CheckedSourceConnector.THRESHOLD),
            "framework keys come before the connector's own: " + keys);
        assertTrue(keys.contains("tasks.max") && keys.contains("transforms"), "common framework keys are defined: " + keys);
        assertTrue(result.groups().indexOf("Common") < result.groups().indexOf(CheckedSourceConnector.GROUP),
            "framework groups come before the connector's groups: " + result.groups());
    }

    @Test
    void withAWorkerTheConverterAndVersionKeysShowWhatTheConnectorWouldUseAsApacheDoes() {
        StandaloneConfig worker = new StandaloneConfig(Map.of("bootstrap.servers", "localhost:9092",
            "key.converter", "org.apache.kafka.connect.storage.StringConverter",
            "value.converter", "org.apache.kafka.connect.json.JsonConverter",
            "offset.storage.file.filename", "unused.offsets"), plugins.delegatingLoader());
        ConnectorConfigValidator withWorker = new ConnectorConfigValidator(plugins,
            new ClientConfigOverrides(new AllConnectorClientConfigOverridePolicy()), worker);
        Map<String, String> config = new HashMap<>(Map.of("name", "defaults", "topics", "t",
            "connector.class", "org.apache.kafka.connect.file.FileStreamSinkConnector",
            "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter"));

        Map<String, ConfigValue> values = new HashMap<>();
        withWorker.validate(config).values().forEach(value -> values.put(value.name(), value));

        assertEquals(org.apache.kafka.connect.storage.StringConverter.class, values.get("key.converter").value(),
            "without its own key converter the connector gets the worker's");
        assertEquals(org.apache.kafka.connect.converters.ByteArrayConverter.class, values.get("value.converter").value(),
            "the connector's own value converter wins");
        assertEquals(org.apache.kafka.connect.storage.SimpleHeaderConverter.class, values.get("header.converter").value());
        assertTrue(values.get("key.converter").recommendedValues().contains(org.apache.kafka.connect.json.JsonConverter.class),
            "installed converters are recommended: " + values.get("key.converter").recommendedValues());
        String version = org.apache.kafka.common.utils.AppInfoParser.getVersion();
        assertEquals(version, values.get("connector.plugin.version").value(), "the version of the connector in use");
        assertEquals(List.of(version), values.get("connector.plugin.version").recommendedValues());
        assertEquals(version, values.get("value.converter.plugin.version").value());
    }

    @Test
    void missingConnectorClassIsRejectedBeforeAnythingIsValidated() {
        Map<String, String> config = sourceConfig("no-class");
        config.remove("connector.class");

        InvalidConnectorConfigException error = assertThrows(InvalidConnectorConfigException.class,
            () -> validator.validate(config));
        assertTrue(error.getMessage().contains("connector.class"), "the message names the missing key: " + error.getMessage());
        assertNull(error.validation(), "a missing class is not a validation result");
    }

    @Test
    void unknownConnectorClassIsRejectedNamingTheClass() {
        Map<String, String> config = sourceConfig("ghost");
        config.put("connector.class", "com.example.NoSuchConnector");

        InvalidConnectorConfigException error = assertThrows(InvalidConnectorConfigException.class,
            () -> validator.validate(config));
        assertTrue(error.getMessage().contains("com.example.NoSuchConnector"),
            "the message names the class that was not found: " + error.getMessage());
    }

    @Test
    void invalidFrameworkValuesAreReportedInTheResultNotThrown() {
        Map<String, String> config = sourceConfig("bad-tasks");
        config.put("tasks.max", "-1");
        config.put("name", "bad\u0001name");

        ConfigValidation result = validator.validate(config);

        assertEquals(2, result.errorCount(), "tasks.max and name are invalid: " + result.errorLines());
        assertTrue(errorsOf(result, "tasks.max").get(0).contains("-1"), "the tasks.max error shows the value: "
            + errorsOf(result, "tasks.max"));
        assertTrue(!errorsOf(result, "name").isEmpty(), "a name with a control character is an error");
    }

    @Test
    void emptyNameIsAnError() {
        Map<String, String> config = sourceConfig("");

        ConfigValidation result = validator.validate(config);

        assertEquals(1, errorsOf(result, "name").size(), "an empty name is invalid: " + result.errorLines());
    }

    @Test
    void connectorsOwnValidationErrorsAreReported() {
        Map<String, String> config = sourceConfig("own-errors");
        config.put(CheckedSourceConnector.THRESHOLD, "-5");
        config.put(CheckedSourceConnector.CUSTOM_ERROR, "the remote system refused the credentials");

        ConfigValidation result = validator.validate(config);

        assertEquals(2, result.errorCount(), "the connector's two errors count: " + result.errorLines());
        assertTrue(errorsOf(result, CheckedSourceConnector.THRESHOLD).get(0).contains("-5"),
            "the ConfigDef check of the connector's own key is reported: " + result.errorLines());
        assertEquals(List.of("the remote system refused the credentials"),
            errorsOf(result, CheckedSourceConnector.CUSTOM_ERROR), "the error added by validate() is reported");
    }

    @Test
    void sinkWithoutTopicsIsReportedOnBothTopicKeys() {
        Map<String, String> config = new HashMap<>();
        config.put("name", "sink-without-topics");
        config.put("connector.class", PlainSinkConnector.class.getName());

        ConfigValidation result = validator.validate(config);

        assertEquals(1, errorsOf(result, "topics").size(), result.errorLines().toString());
        assertEquals(1, errorsOf(result, "topics.regex").size(), result.errorLines().toString());

        config.put("topics", "orders");
        assertEquals(0, validator.validate(config).errorCount(), "a sink with topics is valid");
    }

    @Test
    void clientOverridesForbiddenByThePolicyAreReportedWithoutADefinition() {
        ConnectorConfigValidator strict =
            new ConnectorConfigValidator(plugins, new ClientConfigOverrides(new NoneConnectorClientConfigOverridePolicy()), false);
        Map<String, String> config = sourceConfig("overrides");
        config.put("producer.override.acks", "all");

        ConfigValidation result = strict.validate(config);

        ConfigValidation.Entry verdict = result.entries().stream()
            .filter(entry -> entry.value() != null && entry.value().name().equals("producer.override.acks"))
            .findFirst().orElseThrow(() -> new AssertionError("no verdict on producer.override.acks: " + result.entries()));
        assertNull(verdict.definition(), "an override has no framework definition");
        assertEquals(1, verdict.value().errorMessages().size(), "the None policy rejects every override");
        assertEquals(0, validator.validate(config).errorCount(), "the All policy accepts the override");
    }

    @Test
    void connectorReturningNullFromValidateIsRejectedNamingTheConnector() {
        Map<String, String> config = sourceConfig("null-validate");
        config.put("connector.class", NullValidateConnector.class.getName());

        InvalidConnectorConfigException error = assertThrows(InvalidConnectorConfigException.class,
            () -> validator.validate(config));
        assertTrue(error.getMessage().contains(NullValidateConnector.class.getName()), error.getMessage());
    }

    @Test
    void validationRunsConnectorCodeWithItsPluginLoaderAndRestoresTheCallersLoader() throws Exception {
        Thread current = Thread.currentThread();
        ClassLoader original = current.getContextClassLoader();
        Map<String, String> config = sourceConfig("loader");
        config.put(CheckedSourceConnector.RECORD_LOADER, "true");
        try (URLClassLoader callers = new URLClassLoader(new URL[0], original)) {
            current.setContextClassLoader(callers);

            ConfigValidation result = validator.validate(config);

            Object seen = result.values().stream().filter(v -> v.name().equals(CheckedSourceConnector.RECORD_LOADER))
                .findFirst().orElseThrow().value();
            assertSame(plugins.connectorLoader(CheckedSourceConnector.class.getName()), seen,
                "validate() must run with the connector's plugin loader, not the caller's");
            assertSame(callers, current.getContextClassLoader(), "the caller's loader is restored afterwards");
        } finally {
            current.setContextClassLoader(original);
        }
    }

    @Test
    void connectorTypeTellsSourceSinkAndUnknown() {
        assertEquals(ConnectorType.SOURCE, validator.connectorType(CheckedSourceConnector.class.getName()));
        assertEquals(ConnectorType.SINK, validator.connectorType(PlainSinkConnector.class.getName()));
        assertEquals(ConnectorType.UNKNOWN, validator.connectorType("com.example.NoSuchConnector"));
        assertEquals(ConnectorType.UNKNOWN, validator.connectorType(null));
        assertEquals(ConnectorType.UNKNOWN, validator.connectorType(" "));
    }

    private static Map<String, String> sourceConfig(String name) {
        Map<String, String> config = new HashMap<>();
        config.put("name", name);
        config.put("connector.class", CheckedSourceConnector.class.getName());
        config.put("tasks.max", "2");
        return config;
    }

    private static List<String> errorsOf(ConfigValidation result, String key) {
        return result.entries().stream()
            .filter(entry -> entry.value() != null && entry.value().name().equals(key))
            .findFirst()
            .map(entry -> entry.value().errorMessages())
            .orElseThrow(() -> new AssertionError("no value for " + key + " in " + result.errorLines()));
    }

    /** A source connector with its own keys and an extra check in {@code validate}. */
    public static class CheckedSourceConnector extends SourceConnector {

        static final String GROUP = "Checked";
        static final String THRESHOLD = "checked.threshold";
        static final String CUSTOM_ERROR = "checked.custom.error";
        static final String RECORD_LOADER = "checked.record.loader";

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public Class<? extends Task> taskClass() {
            return Task.class;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            return List.of();
        }

        @Override
        public void stop() {
        }

        @Override
        public ConfigDef config() {
            return new ConfigDef()
                .define(THRESHOLD, Type.INT, 0, ConfigDef.Range.atLeast(0), Importance.HIGH, "a threshold",
                    GROUP, 1, ConfigDef.Width.SHORT, "Threshold")
                .define(CUSTOM_ERROR, Type.STRING, "", Importance.LOW, "an error validate() adds", GROUP, 2,
                    ConfigDef.Width.SHORT, "Custom error");
        }

        @Override
        public Config validate(Map<String, String> props) {
            Config config = super.validate(props);
            String custom = props.get(CUSTOM_ERROR);
            for (ConfigValue value : config.configValues()) {
                if (value.name().equals(CUSTOM_ERROR) && custom != null && !custom.isEmpty()) {
                    value.addErrorMessage(custom);
                }
            }
            if ("true".equals(props.get(RECORD_LOADER))) {
                List<ConfigValue> values = new ArrayList<>(config.configValues());
                values.add(new ConfigValue(RECORD_LOADER, Thread.currentThread().getContextClassLoader(),
                    new ArrayList<>(), new ArrayList<>()));
                return new Config(values);
            }
            return config;
        }

        @Override
        public String version() {
            return "1.0";
        }
    }

    /** A sink connector without keys of its own. */
    public static class PlainSinkConnector extends SinkConnector {

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public Class<? extends Task> taskClass() {
            return Task.class;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            return List.of();
        }

        @Override
        public void stop() {
        }

        @Override
        public ConfigDef config() {
            return new ConfigDef();
        }

        @Override
        public String version() {
            return "1.0";
        }
    }

    /** A broken connector whose {@code validate} returns null. */
    public static class NullValidateConnector extends CheckedSourceConnector {
        @Override
        public Config validate(Map<String, String> props) {
            return null;
        }
    }
}
