package dev.sluice.runtime.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.compat.ApacheClassLoader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The child-first/parent-first rule, name by name: every package and class of the reference's exclude and
 * include lists, their neighbours that must not match, and a differential check against Apache's rule.
 */
class PluginIsolationTest {

    /** Every parent-first package of the reference. */
    private static final List<String> PARENT_FIRST_PACKAGES = List.of(
        "java", "javax.accessibility", "javax.activation", "javax.activity", "javax.annotation",
        "javax.batch.api", "javax.batch.operations", "javax.batch.runtime", "javax.crypto", "javax.decorator",
        "javax.ejb", "javax.el", "javax.enterprise.concurrent", "javax.enterprise.context",
        "javax.enterprise.context.spi", "javax.enterprise.deploy.model", "javax.enterprise.deploy.shared",
        "javax.enterprise.deploy.spi", "javax.enterprise.event", "javax.enterprise.inject",
        "javax.enterprise.inject.spi", "javax.enterprise.util", "javax.faces", "javax.imageio", "javax.inject",
        "javax.interceptor", "javax.jms", "javax.json", "javax.jws", "javax.lang.model", "javax.mail",
        "javax.management", "javax.management.j2ee", "javax.naming", "javax.net", "javax.persistence",
        "javax.print", "javax.resource", "javax.rmi", "javax.script", "javax.security.auth",
        "javax.security.auth.message", "javax.security.cert", "javax.security.jacc", "javax.security.sasl",
        "javax.servlet", "javax.sound.midi", "javax.sound.sampled", "javax.sql", "javax.swing", "javax.tools",
        "javax.transaction", "javax.validation", "javax.websocket", "javax.ws.rs", "javax.xml", "javax.xml.bind",
        "javax.xml.registry", "javax.xml.rpc", "javax.xml.soap", "javax.xml.ws", "org.ietf.jgss",
        "org.omg.CORBA", "org.omg.CosNaming", "org.omg.Dynamic", "org.omg.DynamicAny", "org.omg.IOP",
        "org.omg.Messaging", "org.omg.PortableInterceptor", "org.omg.PortableServer", "org.omg.SendingContext",
        "org.omg.stub.java.rmi", "org.w3c.dom", "org.xml.sax", "org.apache.kafka", "org.slf4j");

    /** Names under parent-first packages that are nevertheless child-first (the include list). */
    private static final List<String> INCLUDED = List.of(
        "org.apache.kafka.connect.transforms.Cast",
        "org.apache.kafka.connect.transforms.Cast$Value",
        "org.apache.kafka.connect.transforms.RegexRouter",
        "org.apache.kafka.connect.transforms.util.SimpleConfig",
        "org.apache.kafka.connect.transforms.predicates.HasHeaderKey",
        "org.apache.kafka.connect.transforms.predicates.TopicNameMatches",
        "org.apache.kafka.connect.transforms.predicates.PredicateHelper",
        "org.apache.kafka.connect.transforms.predicates.Predicate$Inner",
        "org.apache.kafka.connect.transforms.field.SingleFieldPath",
        "org.apache.kafka.connect.json.JsonConverter",
        "org.apache.kafka.connect.json.JsonDeserializer",
        "org.apache.kafka.connect.file.FileStreamSourceConnector",
        "org.apache.kafka.connect.file.FileStreamSinkTask",
        "org.apache.kafka.connect.mirror.MirrorSourceConnector",
        "org.apache.kafka.connect.mirror.MirrorClient",
        "org.apache.kafka.connect.mirror-client.Anything",
        "org.apache.kafka.connect.converters.ByteArrayConverter",
        "org.apache.kafka.connect.converters.LongConverter",
        "org.apache.kafka.connect.storage.StringConverter",
        "org.apache.kafka.connect.storage.SimpleHeaderConverter",
        "org.apache.kafka.connect.rest.basic.auth.extension.BasicAuthSecurityRestExtension",
        "org.apache.kafka.connect.connector.policy.AllConnectorClientConfigOverridePolicy",
        "org.apache.kafka.connect.connector.policy.NoneConnectorClientConfigOverridePolicy",
        "org.apache.kafka.connect.connector.policy.PrincipalConnectorClientConfigOverridePolicy",
        "org.apache.kafka.connect.connector.policy.AllowlistConnectorClientConfigOverridePolicy",
        "org.apache.kafka.connect.connector.policy.AbstractConnectorClientConfigOverridePolicy",
        "org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequestX",
        "org.apache.kafka.common.config.provider.FileConfigProvider",
        "org.apache.kafka.common.config.provider.DirectoryConfigProvider",
        "org.apache.kafka.common.config.provider.EnvVarConfigProvider",
        "org.apache.kafka.common.config.provider.ConfigProviderX");

    /** Names near the include list that stay parent-first (the exceptions to the exceptions). */
    private static final List<String> EXCEPTIONS_TO_INCLUDE = List.of(
        "org.apache.kafka.connect.transforms.Transformation",
        "org.apache.kafka.connect.transforms.Transformation$Inner",
        "org.apache.kafka.connect.transforms.TransformationChain",
        "org.apache.kafka.connect.transforms.predicates.Predicate",
        "org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy",
        "org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest",
        "org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest$ClientType",
        "org.apache.kafka.common.config.provider.ConfigProvider",
        "org.apache.kafka.connect.storage.StringConverterConfig",
        "org.apache.kafka.connect.storage.SimpleHeaderConverterX",
        "org.apache.kafka.connect.storage.Converter",
        "org.apache.kafka.connect.storage.HeaderConverter",
        "org.apache.kafka.connect.storage.OffsetStorageReader",
        "org.apache.kafka.connect.rest.basic.auth.extension.BasicAuthSecurityRestExtension$Inner",
        "org.apache.kafka.connect.rest.basic.auth.extension.JaasBasicAuthFilter",
        "org.apache.kafka.connect.rest.ConnectRestExtension",
        "org.apache.kafka.connect.data.Schema",
        "org.apache.kafka.connect.data.Struct",
        "org.apache.kafka.connect.source.SourceConnector",
        "org.apache.kafka.connect.sink.SinkRecord",
        "org.apache.kafka.connect.connector.Connector",
        "org.apache.kafka.connect.errors.ConnectException",
        "org.apache.kafka.connect.header.ConnectHeaders",
        "org.apache.kafka.connect.util.ConnectorUtils",
        "org.apache.kafka.connect.runtime.InternalSinkRecord",
        "org.apache.kafka.connect.runtime.isolation.PluginUtils",
        "org.apache.kafka.connect.components.Versioned",
        "org.apache.kafka.connect.jsonx.Thing",
        "org.apache.kafka.connect.fileX.Thing",
        "org.apache.kafka.common.config.ConfigDef",
        "org.apache.kafka.common.config.provider",
        "org.apache.kafka.clients.producer.KafkaProducer",
        "org.apache.kafka.common.utils.Utils",
        "org.apache.kafka.connect.transforms");

    /** Names outside every parent-first package: child-first. */
    private static final List<String> OUTSIDE = List.of(
        "com.acme.MyConnector", "io.debezium.connector.mysql.MySqlConnector", "io.confluent.connect.avro.AvroConverter",
        "com.fasterxml.jackson.databind.ObjectMapper", "org.apache.avro.Schema", "org.apache.commons.lang3.StringUtils",
        "org.apache.kafkax.Something", "org.apache.kafka2.Thing", "org.slf4jx.Logger", "org.apache.logging.log4j.Logger",
        "ch.qos.logback.classic.Logger", "jakarta.ws.rs.Path", "jakarta.servlet.Servlet", "jakarta.inject.Inject",
        "javax.cache.Cache", "javax.activationx.Thing", "javax.xmlx.Thing", "javax.jdo.PersistenceManager",
        "javax.measure.Unit", "javax.money.MonetaryAmount", "javax.ws.Thing", "javax.enterprise.Thing",
        "javax.batch.Thing", "javax.security.Thing", "javax.sound.Thing", "javax.management2.Thing",
        "javafx.scene.Scene", "javax", "java", "org.omg.Other", "org.omg.stub.Other", "org.w3c.css.Thing",
        "org.xml.other.Thing", "org.ietf.other.Thing", "Unnamed", "com.mysql.cj.jdbc.Driver", "org.postgresql.Driver",
        "kafka.Kafka", "org.apache.kafka", "org.slf4j", "sun.misc.Unsafe", "jdk.internal.Foo", "com.sun.Foo");

    static List<String> parentFirstNames() {
        List<String> names = new ArrayList<>();
        for (String pkg : PARENT_FIRST_PACKAGES) {
            names.add(pkg + ".");
            names.add(pkg + ".SomeClass");
            names.add(pkg + ".sub.SomeClass$Nested");
        }
        names.addAll(EXCEPTIONS_TO_INCLUDE);
        names.addAll(List.of("java.lang.String", "java.util.Map", "java.sql.Driver", "org.slf4j.Logger",
            "org.slf4j.spi.LoggingEventBuilder", "javax.net.ssl.SSLContext", "javax.xml.parsers.DocumentBuilder",
            "javax.annotation.processing.Processor", "org.w3c.dom.Node", "org.xml.sax.SAXException"));
        return names;
    }

    static List<String> childFirstNames() {
        List<String> names = new ArrayList<>(INCLUDED);
        names.addAll(OUTSIDE);
        return names;
    }

    @ParameterizedTest
    @MethodSource("parentFirstNames")
    void parentFirst(String className) {
        assertEquals(false, PluginIsolation.isIsolatable(className), className + " must come from the runtime");
    }

    @ParameterizedTest
    @MethodSource("childFirstNames")
    void childFirst(String className) {
        assertEquals(true, PluginIsolation.isIsolatable(className), className + " must come from the plugin first");
    }

    @Test
    void tableCoversAFewHundredNames() {
        assertTrue(parentFirstNames().size() + childFirstNames().size() >= 300,
            "table has " + (parentFirstNames().size() + childFirstNames().size()) + " names");
    }

    @Test
    void agreesWithApacheKafkaConnectOnEveryNameOfTheTable() throws Throwable {
        try (ApacheClassLoader apache = ApacheClassLoader.forArtifacts("connect-runtime", "connect-api")) {
            Class<?> pluginUtils = apache.apacheClass("org.apache.kafka.connect.runtime.isolation.PluginUtils");
            // A method handle resolves just this method, so none of PluginUtils' other dependencies must load.
            MethodHandle rule = MethodHandles.publicLookup()
                .findStatic(pluginUtils, "shouldLoadInIsolation", MethodType.methodType(boolean.class, String.class));
            Map<String, String> disagreements = new LinkedHashMap<>();
            List<String> all = new ArrayList<>(parentFirstNames());
            all.addAll(childFirstNames());
            for (String name : all) {
                boolean theirs = (boolean) rule.invoke(name);
                if (theirs != PluginIsolation.isIsolatable(name)) {
                    disagreements.put(name, "Apache says " + (theirs ? "child-first" : "parent-first"));
                }
            }
            assertEquals(Map.of(), disagreements);
        }
    }
}
