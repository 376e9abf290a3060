package org.apache.kafka.connect.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkConnectorContext;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceConnectorContext;
import org.junit.jupiter.api.Test;

class ConnectorTest {

    /** A source connector that records the calls it receives. */
    static class RecordingConnector extends SourceConnector {
        final List<String> calls = new ArrayList<>();
        private final ConfigDef configDef;

        RecordingConnector(ConfigDef configDef) {
            this.configDef = configDef;
        }

        @Override
        public void start(Map<String, String> props) {
            calls.add("start " + props);
        }

        @Override
        public Class<? extends Task> taskClass() {
            return null;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            return List.of();
        }

        @Override
        public void stop() {
            calls.add("stop");
        }

        @Override
        public ConfigDef config() {
            return configDef;
        }

        @Override
        public String version() {
            return "1";
        }

        ConnectorContext typedContext() {
            return context();
        }
    }

    static class PlainSinkConnector extends SinkConnector {
        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public Class<? extends Task> taskClass() {
            return null;
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
            return "1";
        }

        SinkConnectorContext typedContext() {
            return context();
        }
    }

    private static final ConfigDef DEF = new ConfigDef()
        .define("a", ConfigDef.Type.INT, ConfigDef.Importance.HIGH, "required int")
        .define("b", ConfigDef.Type.STRING, "x", ConfigDef.Importance.LOW, "optional string");

    private static ConfigValue valueOf(Config config, String name) {
        return config.configValues().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void validateReportsEachDefinedKeyWithItsErrors() {
        Config config = new RecordingConnector(DEF).validate(Map.of("a", "notint", "unknown", "q"));

        assertEquals(2, config.configValues().size(), "only defined keys are reported");
        assertEquals(List.of("Invalid value notint for configuration a: Not a number of type INT"),
            valueOf(config, "a").errorMessages());
        assertEquals("x", valueOf(config, "b").value());
        assertTrue(valueOf(config, "b").errorMessages().isEmpty());
    }

    @Test
    void validateReportsMissingRequiredKeys() {
        Config config = new RecordingConnector(DEF).validate(Map.of());
        assertEquals(List.of("Missing required configuration \"a\" which has no default value."),
            valueOf(config, "a").errorMessages());
    }

    @Test
    void validateFailsClearlyWhenConfigReturnsNull() {
        ConnectException e = assertThrows(ConnectException.class, () -> new RecordingConnector(null).validate(Map.of()));
        assertEquals(RecordingConnector.class.getName() + ".config() must return a ConfigDef that is not null.",
            e.getMessage());
    }

    @Test
    void reconfigureStopsThenStartsWithTheNewConfiguration() {
        RecordingConnector connector = new RecordingConnector(DEF);
        connector.reconfigure(Map.of("a", "1"));
        assertEquals(List.of("stop", "start {a=1}"), connector.calls);
    }

    @Test
    void initializeStoresTheContextWithOrWithoutTaskConfigs() {
        SourceConnectorContext first = sourceContext();
        SourceConnectorContext second = sourceContext();
        RecordingConnector connector = new RecordingConnector(DEF);
        assertNull(connector.typedContext());

        connector.initialize(first);
        assertSame(first, connector.typedContext());
        connector.initialize(second, List.of(Map.of("k", "v")));
        assertSame(second, connector.typedContext());
    }

    @Test
    void sourceAndSinkConnectorsHaveApachesDefaults() {
        RecordingConnector source = new RecordingConnector(DEF);
        assertNull(source.exactlyOnceSupport(Map.of()));
        assertEquals(ConnectorTransactionBoundaries.UNSUPPORTED, source.canDefineTransactionBoundaries(Map.of()));
        assertEquals(false, source.alterOffsets(Map.of(), Map.of()));

        PlainSinkConnector sink = new PlainSinkConnector();
        assertEquals(false, sink.alterOffsets(Map.of(), Map.of()));
        SinkConnectorContext context = new SinkConnectorContext() {
            @Override
            public void requestTaskReconfiguration() {
            }

            @Override
            public void raiseError(Exception e) {
            }

            @Override
            public PluginMetrics pluginMetrics() {
                return null;
            }
        };
        sink.initialize(context);
        assertSame(context, sink.typedContext());
        assertEquals("topics", SinkConnector.TOPICS_CONFIG);
    }

    private static SourceConnectorContext sourceContext() {
        return new SourceConnectorContext() {
            @Override
            public org.apache.kafka.connect.storage.OffsetStorageReader offsetStorageReader() {
                return null;
            }

            @Override
            public void requestTaskReconfiguration() {
            }

            @Override
            public void raiseError(Exception e) {
            }

            @Override
            public PluginMetrics pluginMetrics() {
                return null;
            }
        };
    }
}
