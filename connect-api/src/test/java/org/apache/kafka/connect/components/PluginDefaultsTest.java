package org.apache.kafka.connect.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.health.ConnectorType;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.rest.ConnectRestExtensionContext;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;
import org.junit.jupiter.api.Test;

/** Plugins that do not report a version report "undefined", and optional configuration is empty, as in Apache. */
class PluginDefaultsTest {

    @Test
    void transformationsPredicatesAndHeaderConvertersDefaultToUndefinedVersion() {
        Transformation<SourceRecord> transformation = new Transformation<>() {
            public SourceRecord apply(SourceRecord record) {
                return record;
            }

            public ConfigDef config() {
                return new ConfigDef();
            }

            public void close() {
            }

            public void configure(Map<String, ?> configs) {
            }
        };
        Predicate<SinkRecord> predicate = new Predicate<>() {
            public boolean test(SinkRecord record) {
                return true;
            }

            public ConfigDef config() {
                return new ConfigDef();
            }

            public void close() {
            }

            public void configure(Map<String, ?> configs) {
            }
        };
        HeaderConverter headerConverter = new HeaderConverter() {
            public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) {
                return null;
            }

            public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) {
                return null;
            }

            public ConfigDef config() {
                return new ConfigDef();
            }

            public void close() {
            }

            public void configure(Map<String, ?> configs) {
            }
        };

        assertEquals("undefined", transformation.version());
        assertEquals("undefined", predicate.version());
        assertEquals("undefined", headerConverter.version());
    }

    @Test
    void overridePoliciesAndRestExtensionsHaveEmptyDefaultConfig() {
        ConnectorClientConfigOverridePolicy policy = new ConnectorClientConfigOverridePolicy() {
            public List<ConfigValue> validate(ConnectorClientConfigRequest request) {
                return List.of();
            }

            public void close() {
            }

            public void configure(Map<String, ?> configs) {
            }
        };
        ConnectRestExtension extension = new ConnectRestExtension() {
            public void register(ConnectRestExtensionContext context) {
            }

            public String version() {
                return "1";
            }

            public void close() {
            }

            public void configure(Map<String, ?> configs) {
            }
        };

        assertTrue(policy.config().names().isEmpty());
        assertEquals("undefined", policy.version());
        assertTrue(extension.config().names().isEmpty());
    }

    @Test
    void clientConfigRequestExposesItsParts() {
        ConnectorClientConfigRequest request = new ConnectorClientConfigRequest("name", ConnectorType.SINK,
            SinkConnector.class, Map.of("acks", "all"), ConnectorClientConfigRequest.ClientType.PRODUCER);

        assertEquals("name", request.connectorName());
        assertEquals(ConnectorType.SINK, request.connectorType());
        assertEquals(SinkConnector.class, request.connectorClass());
        assertEquals(Map.of("acks", "all"), request.clientProps());
        assertEquals(ConnectorClientConfigRequest.ClientType.PRODUCER, request.clientType());
    }

    @Test
    void sinkTaskContextHasNoErrantRecordReporterByDefault() {
        SinkTaskContext context = (SinkTaskContext) java.lang.reflect.Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {SinkTaskContext.class},
            (proxy, method, args) -> method.isDefault()
                ? java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args) : null);
        assertNull(context.errantRecordReporter());
    }
}
