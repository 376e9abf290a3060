package dev.sluice.testkit;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class BackendSelectionTest {

    private static final String PROPERTY = BackendSelection.PROPERTY;

    @Test
    void childJvmsAreTheDefaultAndDockerIsNotAskedAbout() {
        assertInstanceOf(BackendSelection.ChildProcesses.class, BackendSelection.choose(null, 3, this::failIfAsked));
        assertInstanceOf(BackendSelection.ChildProcesses.class, BackendSelection.choose("process", 1, this::failIfAsked));
    }

    @Test
    void testcontainersIsChosenWhenDockerAnswers() {
        assertInstanceOf(BackendSelection.Testcontainers.class, BackendSelection.choose("testcontainers", 1, () -> true));
    }

    @Test
    void testcontainersWithoutDockerIsUnavailableWithAReason() {
        BackendSelection.Choice choice = BackendSelection.choose("testcontainers", 1, () -> false);

        BackendSelection.Unavailable unavailable = assertInstanceOf(BackendSelection.Unavailable.class, choice);
        assertTrue(unavailable.reason().contains("no Docker engine answers"), "the reason names Docker: " + unavailable.reason());
    }

    @Test
    void testcontainersWithThreeBrokersIsUnavailable() {
        BackendSelection.Choice choice = BackendSelection.choose("testcontainers", 3, () -> true);

        BackendSelection.Unavailable unavailable = assertInstanceOf(BackendSelection.Unavailable.class, choice);
        assertTrue(unavailable.reason().contains("single broker"), "the reason names the broker count: " + unavailable.reason());
    }

    @Test
    void unknownBackendIsRejectedWithTheValidValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BackendSelection.choose("docker", 1, () -> true));
        assertTrue(e.getMessage().contains("'process'") && e.getMessage().contains("'testcontainers'"), e.getMessage());
    }

    @Test
    void clusterStartSkipsTheTestWhenTestcontainersIsSelectedWithoutDocker() {
        assumeTrue(System.getProperty(PROPERTY) == null, "the test sets " + PROPERTY + " itself");
        System.setProperty(PROPERTY, "testcontainers");
        try {
            assumeFalse(TestcontainersKafkaBackend.dockerAvailable(), "a Docker engine answers here");
            KafkaCluster cluster = KafkaCluster.builder().build();

            TestAbortedException skipped = assertThrows(TestAbortedException.class, cluster::start);
            assertTrue(skipped.getMessage().contains("no Docker engine answers"), skipped.getMessage());
        } finally {
            System.clearProperty(PROPERTY);
        }
    }

    @Test
    void testcontainersIsNotNeededOnTheClassPathWithoutTheProperty() throws Exception {
        assumeTrue(System.getProperty(PROPERTY) == null, "the default backend is selected");
        URL[] withoutTestcontainers = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.contains("testcontainers") && !entry.contains("docker-java"))
                .map(entry -> {
                    try {
                        return Paths.get(entry).toUri().toURL();
                    } catch (java.net.MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toArray(URL[]::new);
        try (URLClassLoader loader = new URLClassLoader(withoutTestcontainers, ClassLoader.getPlatformClassLoader())) {
            // Initialising the cluster and extension classes verifies their code, which must not need Testcontainers.
            Class.forName(KafkaCluster.class.getName(), true, loader);
            Class.forName(KafkaClusterExtension.class.getName(), true, loader);
            Class<?> selection = Class.forName(BackendSelection.class.getName(), true, loader);
            Method fromSystemProperty = selection.getDeclaredMethod("fromSystemProperty", int.class);
            fromSystemProperty.setAccessible(true);

            Object choice = fromSystemProperty.invoke(null, 1);

            assertEquals("ChildProcesses", choice.getClass().getSimpleName(), "the child-JVM backend is chosen");
            assertFalse(canLoad(loader, "org.testcontainers.DockerClientFactory"), "the isolated class path has no Testcontainers");
        }
    }

    @Test
    void brokerPropertiesBecomeApacheKafkaImageEnvironmentVariables() {
        assertEquals("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", TestcontainersKafkaBackend.environmentName("group.initial.rebalance.delay.ms"));
        assertEquals("KAFKA_A__B___C_D", TestcontainersKafkaBackend.environmentName("a_b-c.d"));
    }

    private static boolean canLoad(ClassLoader loader, String name) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private boolean failIfAsked() {
        throw new AssertionError("Docker must not be asked about unless " + PROPERTY + "=testcontainers");
    }
}
