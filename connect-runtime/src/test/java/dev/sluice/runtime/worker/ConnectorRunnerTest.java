package dev.sluice.runtime.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.config.ConnectorConfig;
import dev.sluice.runtime.worker.TestConnectors.RecordingSinkConnector;
import dev.sluice.runtime.worker.TestConnectors.RecordingSourceConnector;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectorRunnerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final StatusRecorder statuses = new StatusRecorder("worker-1");
    private final List<String> reconfigurationRequests = new CopyOnWriteArrayList<>();
    private final Metrics metrics = new Metrics();
    private final URLClassLoader pluginLoader = new URLClassLoader("test-plugin", new URL[0], getClass().getClassLoader());
    private final List<ConnectorRunner> runners = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopRunners() throws Exception {
        for (ConnectorRunner runner : runners) {
            runner.stop();
            runner.awaitStop(WAIT);
        }
        metrics.close();
        pluginLoader.close();
    }

    @Test
    void connectorStartsOnItsOwnNamedThreadWithMdcAndPluginLoader() throws Exception {
        RecordingSourceConnector connector = new RecordingSourceConnector();
        ConnectorRunner runner = runner("orders", connector, Map.of());

        assertEquals(TargetState.STARTED, runner.start(TargetState.STARTED).get(10, TimeUnit.SECONDS));

        assertEquals("connector-thread-orders", connector.startThread, "start() must run on the connector's own thread");
        assertNotEquals(Thread.currentThread().getName(), connector.startThread);
        assertEquals("[orders|worker] ", connector.startMdc, "MDC connector.context on the connector thread");
        assertSame(pluginLoader, connector.startLoader, "start() must see the plugin's loader as context class loader");
        ConnectorStatus status = statuses.awaitConnector("orders", LifecycleState.RUNNING, WAIT);
        assertEquals("worker-1", status.workerId());
        assertTrue(runner.isRunning());
        assertEquals("1.2.3", runner.version());
    }

    @Test
    void stopStopsTheConnectorOnItsThreadAndReportsUnassigned() throws Exception {
        RecordingSourceConnector connector = new RecordingSourceConnector();
        ConnectorRunner runner = runner("stopping", connector, Map.of());
        runner.start(TargetState.STARTED).get(10, TimeUnit.SECONDS);

        runner.stop();

        assertTrue(runner.awaitStop(WAIT), "the connector thread must finish after stop()");
        assertEquals(1, connector.stops.get(), "Connector.stop() is called once at shutdown");
        assertEquals("connector-thread-stopping", connector.stopThread);
        assertEquals(LifecycleState.UNASSIGNED, statuses.connectorStatus("stopping").orElseThrow().state());
        assertFalse(runner.isRunning());
        assertThrows(ExecutionException.class, () -> runner.taskConfigs().get(10, TimeUnit.SECONDS),
            "requests after shutdown are refused");
    }

    @Test
    void taskConfigsRunOnTheConnectorThreadAndCarryTaskClassAndTopics() throws Exception {
        RecordingSinkConnector connector = new RecordingSinkConnector();
        ConnectorRunner runner = runner("sink", connector, Map.of("tasks.max", "2", "topics", "a,b"));
        runner.start(TargetState.STARTED).get(10, TimeUnit.SECONDS);

        List<Map<String, String>> configs = runner.taskConfigs().get(10, TimeUnit.SECONDS);

        assertEquals(2, configs.size());
        for (Map<String, String> config : configs) {
            assertEquals(TestConnectors.IdleSinkTask.class.getName(), config.get("task.class"));
            assertEquals("a,b", config.get("topics"), "a sink's topics are copied into each task config");
        }
    }

    @Test
    void taskConfigsSeeWhatStartSawOnTheSameThread() throws Exception {
        RecordingSourceConnector connector = new RecordingSourceConnector();
        ConnectorRunner runner = runner("source", connector, Map.of("tasks.max", "3"));
        runner.start(TargetState.STARTED).get(10, TimeUnit.SECONDS);

        List<Map<String, String>> configs = runner.taskConfigs().get(10, TimeUnit.SECONDS);

        assertEquals(3, configs.size());
        assertEquals("connector-thread-source", configs.get(0).get(TestConnectors.STARTED_THREAD));
        assertNull(configs.get(0).get("topics"), "a source connector without topics gets none");
    }

    @Test
    void tooManyTaskConfigsFailTheConnectorWhenEnforced() throws Exception {
        RecordingSourceConnector connector = new RecordingSourceConnector();
        ConnectorRunner runner = runner("greedy", connector, Map.of("tasks.max", "1", TestConnectors.TASK_COUNT, "3"));
        runner.start(TargetState.STARTED).get(10, TimeUnit.SECONDS);

        ExecutionException error = assertThrows(ExecutionException.class, () -> runner.taskConfigs().get(10, TimeUnit.SECONDS));

        assertInstanceOf(TooManyTasksException.class, error.getCause());
        ConnectorStatus status = statuses.awaitConnector("greedy", LifecycleState.FAILED, WAIT);
        assertTrue(status.trace().contains("The connector greedy has generated 3 tasks, which is greater than 1"),
            "the trace names the connector and the counts: " + status.trace());
        assertTrue(status.trace().contains("tasks.max.enforce"), "the trace says how to permit it");
        assertFalse(runner.isRunning());
    }

    @Test
    void tooManyTaskConfigsAreReturnedWhenNotEnforced() throws Exception {
        RecordingSourceConnector connector = new RecordingSourceConnector();
        ConnectorRunner runner = runner("lenient", connector,
            Map.of("tasks.max", "1", "tasks.max.enforce", "false", TestConnectors.TASK_COUNT, "3"));
        runner.start(TargetState.STARTED).get(10, TimeUnit.SECONDS);

        List<Map<String, String>> configs = runner.taskConfigs().get(10, TimeUnit.SECONDS);

        assertEquals(3, configs.size(), "all generated configs are kept when tasks.max.enforce=false");
        assertEquals(LifecycleState.RUNNING, statuses.connectorStatus("lenient").orElseThrow().state());
    }

    @Test
    void requestTaskReconfigurationReachesTheOwnerAndIsRejectedAfterShutdown() throws Exception {
        RecordingSourceConnector connector = new RecordingSourceConnector();
        ConnectorRunner runner = runner("reconf", connector, Map.of());
        runner.start(TargetState.STARTED).get(10, TimeUnit.SECONDS);

        connector.ctx().requestTaskReconfiguration();
        assertEquals(List.of("reconf"), reconfigurationRequests);

        runner.stop();
        assertTrue(runner.awaitStop(WAIT));
        ConnectException rejected = assertThrows(ConnectException.class, () -> connector.ctx().requestTaskReconfiguration());
        assertTrue(rejected.getMessage().contains("has already been shut down"), rejected.getMessage());
        assertEquals(1, reconfigurationRequests.size(), "no request reaches the owner after shutdown");
    }

    @Test
    void raiseErrorMarksTheConnectorFailedWithItsTrace() throws Exception {
        RecordingSourceConnector connector = new RecordingSourceConnector();
        ConnectorRunner runner = runner("raiser", connector, Map.of());
        runner.start(TargetState.STARTED).get(10, TimeUnit.SECONDS);

        connector.ctx().raiseError(new IllegalStateException("external system is gone"));

        ConnectorStatus status = statuses.awaitConnector("raiser", LifecycleState.FAILED, WAIT);
        assertTrue(status.trace().startsWith("java.lang.IllegalStateException: external system is gone"), status.trace());
        assertTrue(status.trace().contains("\tat "), "the trace is a full stack trace");
        ExecutionException refused = assertThrows(ExecutionException.class,
            () -> runner.transitionTo(TargetState.STARTED).get(10, TimeUnit.SECONDS));
        assertTrue(refused.getCause().getMessage().contains("has failed"), refused.getCause().getMessage());
    }

    @Test
    void startThrowingMarksTheConnectorFailed() {
        RecordingSourceConnector connector = new RecordingSourceConnector();
        ConnectorRunner runner = runner("broken", connector, Map.of(TestConnectors.FAIL_START, "true"));

        CompletableFuture<TargetState> started = runner.start(TargetState.STARTED);

        assertThrows(ExecutionException.class, () -> started.get(10, TimeUnit.SECONDS));
        ConnectorStatus status = statuses.awaitConnector("broken", LifecycleState.FAILED, WAIT);
        assertTrue(status.trace().contains("start refused by test configuration"), status.trace());
        assertFalse(runner.isRunning());
    }

    @Test
    void pausingStopsTheConnectorAndResumingStartsItAgain() throws Exception {
        RecordingSourceConnector connector = new RecordingSourceConnector();
        ConnectorRunner runner = runner("pausable", connector, Map.of());
        runner.start(TargetState.STARTED).get(10, TimeUnit.SECONDS);

        runner.transitionTo(TargetState.PAUSED).get(10, TimeUnit.SECONDS);
        assertEquals(1, connector.stops.get(), "Apache 4.3.1 stops the connector instance when it is paused");
        assertEquals(LifecycleState.PAUSED, statuses.connectorStatus("pausable").orElseThrow().state());
        assertFalse(runner.isRunning());

        runner.transitionTo(TargetState.STARTED).get(10, TimeUnit.SECONDS);
        assertEquals(2, connector.starts.get(), "resuming starts the instance again");
        assertEquals(LifecycleState.RUNNING, statuses.connectorStatus("pausable").orElseThrow().state());

        runner.transitionTo(TargetState.STOPPED).get(10, TimeUnit.SECONDS);
        assertEquals(2, connector.stops.get());
        assertEquals(LifecycleState.STOPPED, statuses.connectorStatus("pausable").orElseThrow().state());
        assertEquals(List.of(LifecycleState.RUNNING, LifecycleState.PAUSED, LifecycleState.RUNNING, LifecycleState.STOPPED),
            statuses.connectorHistory("pausable").stream().map(ConnectorStatus::state).toList());
    }

    @Test
    void connectorCreatedPausedIsNotStartedUntilResumed() throws Exception {
        RecordingSourceConnector connector = new RecordingSourceConnector();
        ConnectorRunner runner = runner("born-paused", connector, Map.of());

        runner.start(TargetState.PAUSED).get(10, TimeUnit.SECONDS);
        assertEquals(0, connector.starts.get());
        assertEquals(LifecycleState.PAUSED, statuses.connectorStatus("born-paused").orElseThrow().state());

        runner.transitionTo(TargetState.STARTED).get(10, TimeUnit.SECONDS);
        assertEquals(1, connector.starts.get());
        assertEquals(LifecycleState.RUNNING, statuses.connectorStatus("born-paused").orElseThrow().state());
    }

    @Test
    void failedConnectorCanStillBeStopped() throws Exception {
        RecordingSourceConnector connector = new RecordingSourceConnector();
        ConnectorRunner runner = runner("failed-stop", connector, Map.of(TestConnectors.FAIL_START, "true"));
        assertThrows(ExecutionException.class, () -> runner.start(TargetState.STARTED).get(10, TimeUnit.SECONDS));

        assertEquals(TargetState.STOPPED, runner.transitionTo(TargetState.STOPPED).get(10, TimeUnit.SECONDS));
        assertEquals(LifecycleState.STOPPED, statuses.connectorStatus("failed-stop").orElseThrow().state());
    }

    @Test
    void cancelledConnectorReportsUnassignedAndNothingAfterwards() throws Exception {
        RecordingSourceConnector connector = new RecordingSourceConnector();
        CountDownLatch release = new CountDownLatch(1);
        connector.stopBlocker = release;
        ConnectorRunner runner = runner("stuck", connector, Map.of());
        runner.start(TargetState.STARTED).get(10, TimeUnit.SECONDS);

        runner.stop();
        assertFalse(runner.awaitStop(Duration.ofMillis(200)), "stop() of this connector blocks");
        runner.cancel();
        int reported = statuses.connectorHistory("stuck").size();
        assertEquals(LifecycleState.UNASSIGNED, statuses.connectorStatus("stuck").orElseThrow().state());

        release.countDown();
        assertTrue(runner.awaitStop(WAIT));
        assertEquals(reported, statuses.connectorHistory("stuck").size(), "a cancelled connector reports nothing more");
    }

    @Test
    void sourceConnectorGetsTheOffsetReaderItWasGiven() throws Exception {
        RecordingSourceConnector connector = new RecordingSourceConnector();
        ConnectorRunner runner = runner("offsets", connector, Map.of());
        runner.start(TargetState.STARTED).get(10, TimeUnit.SECONDS);

        assertInstanceOf(org.apache.kafka.connect.source.SourceConnectorContext.class, connector.ctx());
        assertSame(NO_OFFSETS, ((org.apache.kafka.connect.source.SourceConnectorContext) connector.ctx()).offsetStorageReader());
        assertTrue(connector.ctx().pluginMetrics() != null, "plugin metrics are available to the connector");
    }

    private ConnectorRunner runner(String name, Connector connector, Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(extra);
        props.put("name", name);
        props.put("connector.class", connector.getClass().getName());
        ConnectorRunner runner = new ConnectorRunner(name, connector, new ConnectorConfig(props, pluginLoader), props,
            pluginLoader, statuses, reconfigurationRequests::add, NO_OFFSETS,
            new PluginMetricsImpl(metrics, Map.of("connector", name)));
        runners.add(runner);
        return runner;
    }

    private static final OffsetStorageReader NO_OFFSETS = new OffsetStorageReader() {
        @Override
        public <T> Map<String, Object> offset(Map<String, T> partition) {
            return null;
        }

        @Override
        public <T> Map<Map<String, T>, Map<String, Object>> offsets(java.util.Collection<Map<String, T>> partitions) {
            return Map.of();
        }
    };
}
