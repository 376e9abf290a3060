package dev.sluice.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.transforms.RegexRouter;
import org.apache.kafka.connect.transforms.predicates.TopicNameMatches;
import org.junit.jupiter.api.Test;

class ConnectorConfigTest {

    private static Map<String, String> base() {
        Map<String, String> props = new HashMap<>();
        props.put("name", "orders");
        props.put("connector.class", "FileStreamSource");
        return props;
    }

    @Test
    void negativeTasksMaxIsRejectedWithAMessageNamingTheKey() {
        Map<String, String> props = base();
        props.put("tasks.max", "-1");
        ConfigException e = assertThrows(ConfigException.class, () -> new ConnectorConfig(props, null));
        assertTrue(e.getMessage().contains("tasks.max") && e.getMessage().contains("-1"), e.getMessage());
    }

    @Test
    void defaultsApplyWhenOnlyNameAndClassAreSet() {
        ConnectorConfig config = new ConnectorConfig(base(), null);
        assertEquals(1, config.tasksMax());
        assertTrue(config.enforceTasksMax());
        assertEquals(ConnectorConfig.ErrorTolerance.NONE, config.errorTolerance());
        assertEquals(0L, config.errorRetryTimeout());
        assertEquals(60000L, config.errorMaxDelayInMillis());
        assertEquals("restart", config.configReloadAction());
        assertNull(config.getClass("key.converter"), "no connector converter means the worker's");
    }

    @Test
    void transformAliasAddsItsTypeKeysAndTheTransformationsOwnKeysUnderItsPrefix() {
        Map<String, String> props = base();
        props.put("transforms", "route");
        props.put("transforms.route.type", RegexRouter.class.getName());
        ConfigDef enriched = AliasedPluginKeys.enrich(ConnectorConfig.configDef(), props, getClass().getClassLoader(), true);
        Map<String, ConfigDef.ConfigKey> keys = enriched.configKeys();
        for (String own : new RegexRouter<>().config().names()) {
            ConfigDef.ConfigKey key = keys.get("transforms.route." + own);
            assertTrue(key != null, "RegexRouter key '" + own + "' is embedded under transforms.route.");
            assertEquals("Transforms: route", key.group, "group of transforms.route." + own);
        }
        assertEquals(ConfigDef.Type.CLASS, keys.get("transforms.route.type").type);
        assertEquals(0, keys.get("transforms.route.type").orderInGroup);
        assertEquals("Transformation type for route", keys.get("transforms.route.type").displayName);
        assertEquals(1, keys.get("transforms.route.plugin.version").orderInGroup);
        assertTrue(keys.get("transforms.route.negate").orderInGroup >= 2, "negate follows type and version");
        assertEquals("Transforms: route", keys.get("transforms.route.negate").group);
        assertEquals("Transforms: route", keys.get("transforms.route.predicate").group);
    }

    @Test
    void validationReportsTheTransformationsMissingSettings() {
        Map<String, String> props = base();
        props.put("transforms", "route");
        props.put("transforms.route.type", RegexRouter.class.getName());
        ConfigDef enriched = AliasedPluginKeys.enrich(ConnectorConfig.configDef(), props, getClass().getClassLoader(), false);
        Map<String, List<String>> errors = enriched.validate(props).stream()
            .filter(v -> !v.errorMessages().isEmpty())
            .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
        assertTrue(errors.containsKey("transforms.route.regex"), "RegexRouter's required regex is reported: " + errors);
    }

    @Test
    void transformationSpecsCarryClassSettingsAndPredicate() {
        Map<String, String> props = base();
        props.put("transforms", "route");
        props.put("transforms.route.type", RegexRouter.class.getName());
        props.put("transforms.route.regex", "(.*)");
        props.put("transforms.route.replacement", "copy-$1");
        props.put("transforms.route.predicate", "isOrders");
        props.put("transforms.route.negate", "true");
        props.put("predicates", "isOrders");
        props.put("predicates.isOrders.type", TopicNameMatches.class.getName());
        props.put("predicates.isOrders.pattern", "orders.*");
        ConnectorConfig config = new ConnectorConfig(props, getClass().getClassLoader());
        AliasedPluginKeys.TransformationSpec spec = config.transformationSpecs().get(0);
        assertEquals(RegexRouter.class, spec.type());
        assertEquals(Map.of("regex", "(.*)", "replacement", "copy-$1"), spec.settings());
        assertEquals("isOrders", spec.predicateAlias());
        assertEquals(TopicNameMatches.class, spec.predicateType());
        assertEquals(Map.of("pattern", "orders.*"), spec.predicateSettings());
        assertTrue(spec.negate());
    }

    @Test
    void transformWithUnknownPredicateAliasIsRejectedNamingIt() {
        Map<String, String> props = base();
        props.put("transforms", "route");
        props.put("transforms.route.type", RegexRouter.class.getName());
        props.put("transforms.route.regex", "x");
        props.put("transforms.route.replacement", "y");
        props.put("transforms.route.predicate", "nope");
        ConnectorConfig config = new ConnectorConfig(props, getClass().getClassLoader());
        ConfigException e = assertThrows(ConfigException.class, config::transformationSpecs);
        assertTrue(e.getMessage().contains("transforms.route.predicate") && e.getMessage().contains("'nope'"),
            e.getMessage());
    }

    @Test
    void transformAliasWithoutTypeFailsWhenParsingAndIsReportedWhenValidating() {
        Map<String, String> props = base();
        props.put("transforms", "route");
        ConfigException e = assertThrows(ConfigException.class, () -> new ConnectorConfig(props, null));
        assertTrue(e.getMessage().contains("transforms.route.type"), e.getMessage());
        ConfigDef lenient = AliasedPluginKeys.enrich(ConnectorConfig.configDef(), props, null, false);
        assertFalse(lenient.configKeys().containsKey("transforms.route.negate"),
            "without a type only the type and version keys exist");
        assertTrue(lenient.validateAll(props).get("transforms.route.type").errorMessages().size() > 0);
    }

    @Test
    void transformTypeThatIsNotATransformationIsRejected() {
        Map<String, String> props = base();
        props.put("transforms", "bad");
        props.put("transforms.bad.type", "java.lang.String");
        ConfigException e = assertThrows(ConfigException.class, () -> new ConnectorConfig(props, null));
        assertTrue(e.getMessage().contains("transforms.bad.type"), e.getMessage());
    }

    @Test
    void duplicateTransformAliasesAreRejected() {
        Map<String, String> props = base();
        props.put("transforms", "a,a");
        props.put("transforms.a.type", RegexRouter.class.getName());
        props.put("transforms.a.regex", "x");
        props.put("transforms.a.replacement", "y");
        ConfigException e = assertThrows(ConfigException.class, () -> new ConnectorConfig(props, null));
        assertTrue(e.getMessage().contains("transforms"), e.getMessage());
    }

    @Test
    void classTypedKeysResolveThroughTheGivenLoaderNotTheContextLoader() {
        Map<String, String> props = base();
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        ClassLoader empty = new ClassLoader(null) { };
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(empty);
        try {
            ConnectorConfig config = new ConnectorConfig(props, ConnectorConfigTest.class.getClassLoader());
            assertEquals("org.apache.kafka.connect.storage.StringConverter", config.getClass("key.converter").getName());
            assertEquals(empty, thread.getContextClassLoader(), "the context loader is restored after parsing");
            assertThrows(ConfigException.class, () -> new ConnectorConfig(props, empty),
                "a loader that cannot see the class makes parsing fail");
            assertEquals(empty, thread.getContextClassLoader(), "the context loader is restored after a failure");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
