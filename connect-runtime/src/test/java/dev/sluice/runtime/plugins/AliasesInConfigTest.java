package dev.sluice.runtime.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.runtime.config.ConnectorConfig;
import dev.sluice.runtime.config.StandaloneConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** As in Apache, class-typed keys accept a plugin's alias wherever they accept its class name. */
class AliasesInConfigTest {

    private static Plugins plugins;

    @BeforeAll
    static void discover() {
        plugins = Plugins.discover(PluginPath.parse(""), PluginDiscoveryMode.SERVICE_LOAD);
    }

    @AfterAll
    static void close() {
        plugins.close();
    }

    @Test
    void workerConvertersMayBeNamedByAlias() {
        StandaloneConfig config = new StandaloneConfig(Map.of("bootstrap.servers", "localhost:9092",
            "key.converter", "StringConverter", "value.converter", "Json",
            "offset.storage.file.filename", "unused.offsets"), plugins.delegatingLoader());
        assertEquals("org.apache.kafka.connect.storage.StringConverter",
            config.getClass("key.converter").getName());
        assertEquals("org.apache.kafka.connect.json.JsonConverter", config.getClass("value.converter").getName());
    }

    @Test
    void connectorConvertersTransformsAndPredicatesMayBeNamedByAlias() {
        Map<String, String> props = new HashMap<>();
        props.put("name", "aliased");
        props.put("connector.class", "FileStreamSink");
        props.put("value.converter", "JsonConverter");
        props.put("transforms", "route");
        props.put("transforms.route.type", "RegexRouter");
        props.put("transforms.route.regex", "(.*)");
        props.put("transforms.route.replacement", "$1-copy");
        props.put("transforms.route.predicate", "isTombstone");
        props.put("predicates", "isTombstone");
        props.put("predicates.isTombstone.type", "RecordIsTombstone");
        ConnectorConfig config = new ConnectorConfig(props, plugins.delegatingLoader());

        assertEquals("org.apache.kafka.connect.json.JsonConverter", config.getClass("value.converter").getName());
        assertEquals("org.apache.kafka.connect.transforms.RegexRouter",
            config.transformationSpecs().get(0).type().getName());
        assertEquals("org.apache.kafka.connect.transforms.predicates.RecordIsTombstone",
            config.transformationSpecs().get(0).predicateType().getName());
    }
}
