package dev.sluice.runtime.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JDBC driver listed as a service in a plugin location is registered and usable by that plugin only. */
class JdbcDriverVisibilityTest {

    private static final String DRIVER = "com.acme.jdbc.AcmeTestDriver";
    private static final String URL = "jdbc:sluice-acme:db";

    @TempDir
    static Path root;

    private static Plugins plugins;

    private static String probe(String className) {
        return PluginSources.sourceConnector(className, "1",
            "    public Object get() {\n"
                + "        try { return java.sql.DriverManager.getDriver(\"" + URL + "\").getClass().getName(); }\n"
                + "        catch (java.sql.SQLException e) { return \"none\"; }\n"
                + "    }\n");
    }

    @BeforeAll
    static void discoverPluginsWithAndWithoutDriver() {
        Path dir = root.resolve("plugins");
        new PluginJarBuilder()
            .source(DRIVER, "package com.acme.jdbc;\n"
                + "import java.sql.*; import java.util.Properties; import java.util.logging.Logger;\n"
                + "public class AcmeTestDriver implements Driver {\n"
                + "    static { try { DriverManager.registerDriver(new AcmeTestDriver()); } catch (SQLException e) { throw new IllegalStateException(e); } }\n"
                + "    public Connection connect(String url, Properties info) { return null; }\n"
                + "    public boolean acceptsURL(String url) { return url.startsWith(\"jdbc:sluice-acme:\"); }\n"
                + "    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) { return new DriverPropertyInfo[0]; }\n"
                + "    public int getMajorVersion() { return 1; }\n"
                + "    public int getMinorVersion() { return 0; }\n"
                + "    public boolean jdbcCompliant() { return false; }\n"
                + "    public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }\n"
                + "}\n")
            .source("com.acme.jdbc.JdbcProbeConnector", probe("com.acme.jdbc.JdbcProbeConnector"))
            .service(java.sql.Driver.class, DRIVER)
            .writeJar(dir.resolve("jdbc").resolve("jdbc-plugin.jar"));
        new PluginJarBuilder()
            .source("com.acme.other.OtherProbeConnector", probe("com.acme.other.OtherProbeConnector"))
            .writeJar(dir.resolve("other").resolve("other-plugin.jar"));
        plugins = Plugins.discover(PluginPath.parse(dir.toString()), PluginDiscoveryMode.ONLY_SCAN);
    }

    @AfterAll
    static void close() {
        plugins.close();
    }

    @Test
    void pluginBundlingTheDriverGetsItFromDriverManager() {
        assertEquals(DRIVER, ((Supplier<?>) plugins.newConnector("JdbcProbe")).get());
    }

    @Test
    void anotherPluginDoesNotSeeTheDriver() {
        assertEquals("none", ((Supplier<?>) plugins.newConnector("OtherProbe")).get());
    }

    @Test
    void theRuntimeDoesNotSeeTheDriver() {
        assertThrows(SQLException.class, () -> DriverManager.getDriver(URL));
    }
}
