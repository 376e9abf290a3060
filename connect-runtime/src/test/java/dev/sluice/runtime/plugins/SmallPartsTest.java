package dev.sluice.runtime.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.Test;

/** Pure parts of the package: alias computation, the loader swap, type names. */
class SmallPartsTest {

    @Test
    void prunedNameCutsAtTheLastOccurrenceOfTheSuffixButNotAtTheStart() {
        assertEquals("FileStreamSource", PluginAliases.prune("FileStreamSourceConnector", "Connector"));
        assertEquals("Json", PluginAliases.prune("JsonConverter", "Converter"));
        assertEquals("All", PluginAliases.prune("AllConnectorClientConfigOverridePolicy", "ConnectorClientConfigOverridePolicy"));
        assertEquals("RegexRouter", PluginAliases.prune("RegexRouter", "Transformation"));
        assertEquals("ConverterWrapper", PluginAliases.prune("ConverterWrapper", "Converter"), "suffix at position 0");
        assertEquals("Converter", PluginAliases.prune("Converter", "Converter"));
        assertEquals("MyConverterFor", PluginAliases.prune("MyConverterForConverterImpl", "Converter"), "last occurrence");
    }

    @Test
    void aliasesAreSimpleAndPrunedNamesPerType() {
        assertEquals(List.of("SimpleHeaderConverter", "Simple"), PluginAliases.aliasesOf(SimpleHeaderConverter.class, PluginType.HEADER_CONVERTER));
        assertEquals(List.of("SimpleHeaderConverter", "SimpleHeader"), PluginAliases.aliasesOf(SimpleHeaderConverter.class, PluginType.CONVERTER));
        assertEquals(List.of("Entry"), PluginAliases.aliasesOf(Map.Entry.class, PluginType.CONVERTER), "nested classes use their simple name");
    }

    @Test
    void aliasesShowingTwoClassesAreDroppedButOneClassUnderTwoTypesKeepsThem() {
        PluginSource classpath = new PluginSource(null, getClass().getClassLoader(), getClass().getClassLoader());
        Map<String, String> aliases = PluginAliases.compute(List.of(
            new DiscoveredPlugin(StringConverter.class, PluginType.CONVERTER, "1", classpath, true),
            new DiscoveredPlugin(StringConverter.class, PluginType.HEADER_CONVERTER, "1", classpath, true),
            new DiscoveredPlugin(java.util.List.class, PluginType.TRANSFORMATION, "1", classpath, true),
            new DiscoveredPlugin(java.awt.List.class, PluginType.PREDICATE, "1", classpath, true),
            new DiscoveredPlugin(ByteArrayConverter.class, PluginType.CONVERTER, "1", classpath, true)));
        assertEquals(Map.of("String", StringConverter.class.getName(), "StringConverter", StringConverter.class.getName(),
            "ByteArray", ByteArrayConverter.class.getName(), "ByteArrayConverter", ByteArrayConverter.class.getName()), aliases);
    }

    @Test
    void loaderSwapSetsAndRestoresTheContextLoader() throws Exception {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader other = new URLClassLoader(new URL[0], null)) {
            try (LoaderSwap swap = LoaderSwap.to(other)) {
                assertSame(other, Thread.currentThread().getContextClassLoader());
                assertSame(before, swap.previous());
            }
            assertSame(before, Thread.currentThread().getContextClassLoader());
        }
    }

    @Test
    void loaderSwapMustBeClosedOnItsOwnThread() throws Exception {
        LoaderSwap swap = LoaderSwap.to(getClass().getClassLoader());
        try {
            Throwable[] failure = new Throwable[1];
            Thread other = new Thread(() -> failure[0] = assertThrows(IllegalStateException.class, swap::close));
            other.start();
            other.join();
            assertTrue(failure[0] instanceof IllegalStateException);
        } finally {
            swap.close();
        }
    }

    @Test
    void pluginTypesUseApacheNames() {
        assertEquals("source", PluginType.SOURCE.toString());
        assertEquals("header_converter", PluginType.HEADER_CONVERTER.toString());
        assertEquals("configprovider", PluginType.CONFIGPROVIDER.toString());
        assertEquals("rest_extension", PluginType.REST_EXTENSION.toString());
        assertEquals("connector_client_config_override_policy", PluginType.CONNECTOR_CLIENT_CONFIG_OVERRIDE_POLICY.toString());
        assertTrue(PluginType.CONFIGPROVIDER.isServiceLoadedOnly() && !PluginType.TRANSFORMATION.isServiceLoadedOnly());
    }

    @Test
    void closeNamesAreWithinAFewEdits() {
        assertEquals(1, NameDistance.between("alphasorce", "alphasource"));
        assertEquals(1, NameDistance.between("json", "jsonconverter"));
        assertEquals("Value", NameDistance.shortName("org.apache.kafka.connect.transforms.Cast$Value"));
    }
}
