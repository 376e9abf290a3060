package dev.sluice.runtime.plugins;

import java.util.List;

/**
 * Decides, for one class name, whether a plugin's class loader looks in the plugin's own jars first
 * ("isolatable", child-first) or asks the runtime first (parent-first).
 *
 * <p>Parent-first are the JDK and Java EE packages, SLF4J, and Kafka's own API and client classes, so that
 * a plugin that bundles its own copy of connect-api or kafka-clients still exchanges objects of the
 * runtime's classes with the worker. Kafka classes that are themselves plugins (the bundled transforms,
 * converters, JSON and file connectors, MirrorMaker, the non-API override policies and config providers)
 * are child-first again, so a plugin may ship its own version of them. The rule matches Apache Kafka
 * Connect 4.3.1 name for name, including its quirk that every name in the transforms package that
 * <em>starts with</em> {@code Transformation} stays parent-first.
 */
public final class PluginIsolation {

    /** Packages (each matched as {@code <package>.} prefix) that plugin loaders take from the runtime. */
    private static final List<String> PARENT_FIRST_PACKAGES = List.of(
        "java",
        "javax.accessibility", "javax.activation", "javax.activity", "javax.annotation",
        "javax.batch.api", "javax.batch.operations", "javax.batch.runtime",
        "javax.crypto", "javax.decorator", "javax.ejb", "javax.el",
        "javax.enterprise.concurrent", "javax.enterprise.context", "javax.enterprise.context.spi",
        "javax.enterprise.deploy.model", "javax.enterprise.deploy.shared", "javax.enterprise.deploy.spi",
        "javax.enterprise.event", "javax.enterprise.inject", "javax.enterprise.inject.spi", "javax.enterprise.util",
        "javax.faces", "javax.imageio", "javax.inject", "javax.interceptor", "javax.jms", "javax.json", "javax.jws",
        "javax.lang.model", "javax.mail", "javax.management", "javax.management.j2ee", "javax.naming", "javax.net",
        "javax.persistence", "javax.print", "javax.resource", "javax.rmi", "javax.script",
        "javax.security.auth", "javax.security.auth.message", "javax.security.cert", "javax.security.jacc",
        "javax.security.sasl", "javax.servlet", "javax.sound.midi", "javax.sound.sampled", "javax.sql",
        "javax.swing", "javax.tools", "javax.transaction", "javax.validation", "javax.websocket", "javax.ws.rs",
        "javax.xml", "javax.xml.bind", "javax.xml.registry", "javax.xml.rpc", "javax.xml.soap", "javax.xml.ws",
        "org.ietf.jgss",
        "org.omg.CORBA", "org.omg.CosNaming", "org.omg.Dynamic", "org.omg.DynamicAny", "org.omg.IOP",
        "org.omg.Messaging", "org.omg.PortableInterceptor", "org.omg.PortableServer", "org.omg.SendingContext",
        "org.omg.stub.java.rmi",
        "org.w3c.dom",
        "org.xml.sax",
        "org.apache.kafka",
        "org.slf4j");

    private static final String CONNECT = "org.apache.kafka.connect.";

    /** Packages under {@code org.apache.kafka.connect.} whose every class is a plugin or belongs to one. */
    private static final List<String> ISOLATED_CONNECT_PACKAGES = List.of(
        "json.", "file.", "mirror.", "mirror-client.", "converters.");

    /** Single classes under {@code org.apache.kafka.connect.} that are plugins shipped beside the API. */
    private static final List<String> ISOLATED_CONNECT_CLASSES = List.of(
        "storage.StringConverter",
        "storage.SimpleHeaderConverter",
        "rest.basic.auth.extension.BasicAuthSecurityRestExtension");

    private static final String TRANSFORMS = CONNECT + "transforms.";
    private static final String POLICIES = CONNECT + "connector.policy.";
    private static final List<String> POLICY_API = List.of(
        "ConnectorClientConfigOverridePolicy",
        "ConnectorClientConfigRequest",
        "ConnectorClientConfigRequest$ClientType");
    private static final String CONFIG_PROVIDERS = "org.apache.kafka.common.config.provider.";

    private PluginIsolation() {
    }

    /**
     * Whether a plugin's loader should load {@code className} from the plugin's own class path before
     * asking its parent.
     *
     * @param className a binary class name ({@code a.b.Outer$Inner})
     * @return {@code true} for child-first, {@code false} for parent-first
     */
    public static boolean isIsolatable(String className) {
        return !isParentFirstPackage(className) || isPluginShippedWithKafka(className);
    }

    private static boolean isParentFirstPackage(String className) {
        for (String pkg : PARENT_FIRST_PACKAGES) {
            if (className.startsWith(pkg) && className.length() > pkg.length() && className.charAt(pkg.length()) == '.') {
                return true;
            }
        }
        return false;
    }

    private static boolean isPluginShippedWithKafka(String className) {
        if (className.startsWith(CONFIG_PROVIDERS)) {
            return !className.substring(CONFIG_PROVIDERS.length()).equals("ConfigProvider");
        }
        if (!className.startsWith(CONNECT)) {
            return false;
        }
        if (className.startsWith(TRANSFORMS)) {
            String rest = className.substring(TRANSFORMS.length());
            // Apache's rule keeps every name that merely begins with "Transformation" parent-first.
            return !rest.startsWith("Transformation") && !rest.equals("predicates.Predicate");
        }
        if (className.startsWith(POLICIES)) {
            return !POLICY_API.contains(className.substring(POLICIES.length()));
        }
        String rest = className.substring(CONNECT.length());
        for (String pkg : ISOLATED_CONNECT_PACKAGES) {
            if (rest.startsWith(pkg)) {
                return true;
            }
        }
        return ISOLATED_CONNECT_CLASSES.contains(rest);
    }
}
