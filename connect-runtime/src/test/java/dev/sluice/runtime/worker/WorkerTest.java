package dev.sluice.runtime.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.config.StandaloneConfig;
import dev.sluice.runtime.plugins.PluginDiscoveryMode;
import dev.sluice.runtime.plugins.PluginPath;
import dev.sluice.runtime.plugins.Plugins;
import dev.sluice.runtime.worker.TestConnectors.IdleSourceTask;
import dev.sluice.runtime.worker.TestConnectors.RecordingSourceConnector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long TASK_SHUTDOWN_BUDGET_MS = 1500;

    private static Plugins plugins;

    private final Metrics metrics = new Metrics();
    private final Map<ConnectorTaskId, ScriptedTaskRunner> runners = new ConcurrentHashMap<>();
    private final List<CountDownLatch> blockers = new CopyOnWriteArrayList<>();
    private volatile Consumer<ScriptedTaskRunner> scriptTask = runner -> { };
    private Worker worker;
    private StatusRecorder statuses;

    @BeforeAll
    static void discoverPlugins() {
        plugins = Plugins.discover(PluginPath.parse(""), PluginDiscoveryMode.SERVICE_LOAD);
    }

    @AfterAll
    static void closePlugins() {
        plugins.close();
    }

    @BeforeEach
    void newWorker() {
        StandaloneConfig config = new StandaloneConfig(Map.of(
            "bootstrap.servers", "localhost:9092",
            "key.converter", "org.apache.kafka.connect.json.JsonConverter",
            "value.converter", "org.apache.kafka.connect.json.JsonConverter",
            "offset.storage.file.filename", "unused.offsets",
            "task.shutdown.graceful.timeout.ms", String.valueOf(TASK_SHUTDOWN_BUDGET_MS)));
        worker = new Worker(config, plugins, metrics, (connector, connectorConfig) -> new NoOffsets(), setup -> {
            ScriptedTaskRunner runner = new ScriptedTaskRunner(setup.id(), setup.loader(), setup.initialState(),
                setup.statusListener());
            scriptTask.accept(runner);
            runners.put(setup.id(), runner);
            return runner;
        });
        statuses = new StatusRecorder("worker-1", () -> 7, worker::connectorVersion, worker::taskVersion);
    }

    @AfterEach
    void stopWorker() {
        blockers.forEach(CountDownLatch::countDown);
        worker.stop();
        metrics.close();
    }

    @Test
    void connectorCreatedThroughPluginsRunsOnItsThreadAndGeneratesTaskConfigs() throws Exception {
        worker.startConnector("w-src", connectorConfig("w-src", 2), TargetState.STARTED, statuses, name -> { })
            .get(10, TimeUnit.SECONDS);

        ConnectorStatus status = statuses.awaitConnector("w-src", LifecycleState.RUNNING, WAIT);
        assertEquals("1.2.3", status.version(), "the status carries the connector plugin's version");
        assertEquals(7, status.generation());
        assertTrue(worker.isRunning("w-src"));
        assertEquals(Set.of("w-src"), worker.connectorNames());

        List<Map<String, String>> configs = worker.connectorTaskConfigs("w-src").get(10, TimeUnit.SECONDS);
        assertEquals(2, configs.size());
        assertEquals(IdleSourceTask.class.getName(), configs.get(0).get("task.class"));
        assertEquals("connector-thread-w-src", configs.get(0).get(TestConnectors.STARTED_THREAD));
        assertEquals("[w-src|worker] ", configs.get(0).get(TestConnectors.STARTED_MDC));
    }

    @Test
    void connectorOfUnknownClassIsReportedFailed() {
        Map<String, String> config = connectorConfig("ghost", 1);
        config.put("connector.class", "com.example.NoSuchConnector");

        assertThrows(ExecutionException.class, () -> worker.startConnector("ghost", config, TargetState.STARTED, statuses,
            name -> { }).get(10, TimeUnit.SECONDS));

        ConnectorStatus status = statuses.awaitConnector("ghost", LifecycleState.FAILED, WAIT);
        assertTrue(status.trace().contains("NoSuchConnector"), status.trace());
        assertFalse(worker.connectorNames().contains("ghost"));
    }

    @Test
    void targetStatesReachTheConnectorAndItsTasks() throws Exception {
        Map<String, String> connectorConfig = connectorConfig("paused-app", 1);
        worker.startConnector("paused-app", connectorConfig, TargetState.STARTED, statuses, name -> { })
            .get(10, TimeUnit.SECONDS);
        ConnectorTaskId id = new ConnectorTaskId("paused-app", 0);
        assertTrue(worker.startTask(id, connectorConfig, taskConfig(), 1, TargetState.STARTED, statuses));
        assertEquals("7.8.9", statuses.awaitTask(id, LifecycleState.RUNNING, WAIT).version());

        worker.setTargetState("paused-app", TargetState.PAUSED).get(10, TimeUnit.SECONDS);
        statuses.awaitTask(id, LifecycleState.PAUSED, WAIT);
        assertEquals(LifecycleState.PAUSED, statuses.connectorStatus("paused-app").orElseThrow().state());

        worker.setTargetState("paused-app", TargetState.STARTED).get(10, TimeUnit.SECONDS);
        statuses.awaitTask(id, LifecycleState.RUNNING, WAIT);
        assertEquals(LifecycleState.RUNNING, statuses.connectorStatus("paused-app").orElseThrow().state());

        assertEquals(Set.of(id), worker.taskIds("paused-app"));
        worker.stopAndAwaitTask(id);
        assertEquals(LifecycleState.UNASSIGNED, statuses.taskStatus(id).orElseThrow().state());
        assertTrue(worker.taskIds().isEmpty());
    }

    @Test
    void taskBeyondTasksMaxFailsWhenEnforced() {
        ConnectorTaskId id = new ConnectorTaskId("crowded", 2);

        assertFalse(worker.startTask(id, connectorConfig("crowded", 1), taskConfig(), 3, TargetState.STARTED, statuses));

        TaskStatus status = statuses.awaitTask(id, LifecycleState.FAILED, WAIT);
        assertTrue(status.trace().contains("The connector crowded has generated 3 tasks, which is greater than 1"),
            status.trace());
        assertTrue(worker.taskIds().isEmpty());
    }

    @Test
    void taskWithoutTaskClassFails() {
        ConnectorTaskId id = new ConnectorTaskId("classless", 0);

        assertFalse(worker.startTask(id, connectorConfig("classless", 1), Map.of(), 1, TargetState.STARTED, statuses));

        assertTrue(statuses.awaitTask(id, LifecycleState.FAILED, WAIT).trace().contains("task.class"));
    }

    @Test
    void stoppingTasksSharesOneGracefulBudgetAndCancelsThoseThatDoNotStop() {
        Map<String, String> connectorConfig = connectorConfig("slow", 5);
        List<ConnectorTaskId> ids = new ArrayList<>();
        CountDownLatch release = blocker();
        for (int task = 0; task < 5; task++) {
            ConnectorTaskId id = new ConnectorTaskId("slow", task);
            boolean stuck = task < 3;
            scriptTask = runner -> {
                if (stuck) {
                    runner.onClose = r -> TestConnectors.awaitQuietly(release);
                }
            };
            assertTrue(worker.startTask(id, connectorConfig, taskConfig(), 5, TargetState.STARTED, statuses));
            statuses.awaitTask(id, LifecycleState.RUNNING, WAIT);
            ids.add(id);
        }

        long before = System.nanoTime();
        worker.stopAndAwaitTasks(ids);
        long elapsedMs = Duration.ofNanos(System.nanoTime() - before).toMillis();

        assertTrue(elapsedMs < 3000, "three stuck tasks must share one " + TASK_SHUTDOWN_BUDGET_MS
            + " ms budget, not wait one budget each; took " + elapsedMs + " ms");
        for (ConnectorTaskId id : ids.subList(0, 3)) {
            assertTrue(runners.get(id).isCancelled(), id + " did not stop in time and must be cancelled");
        }
        for (ConnectorTaskId id : ids.subList(3, 5)) {
            assertFalse(runners.get(id).isCancelled(), id + " stopped in time");
            assertEquals(LifecycleState.UNASSIGNED, statuses.taskStatus(id).orElseThrow().state());
        }
        assertTrue(worker.taskIds().isEmpty(), "stopped and cancelled tasks are forgotten");

        release.countDown();
        for (ConnectorTaskId id : ids.subList(0, 3)) {
            assertTrue(runners.get(id).awaitStop(WAIT));
            assertEquals(LifecycleState.RUNNING, statuses.taskStatus(id).orElseThrow().state(),
                "a cancelled task does not report its late shutdown");
        }
    }

    @Test
    void stoppingConnectorsStopsThemAllAndForgetsThem() throws Exception {
        for (String name : List.of("one", "two")) {
            worker.startConnector(name, connectorConfig(name, 1), TargetState.STARTED, statuses, n -> { })
                .get(10, TimeUnit.SECONDS);
        }

        worker.stopAndAwaitConnectors(List.of("one", "two", "not-here"));

        assertTrue(worker.connectorNames().isEmpty());
        assertEquals(LifecycleState.UNASSIGNED, statuses.connectorStatus("one").orElseThrow().state());
        assertEquals(LifecycleState.UNASSIGNED, statuses.connectorStatus("two").orElseThrow().state());
    }

    @Test
    void tasksAreListedPerConnector() throws Exception {
        ConnectorTaskId first = new ConnectorTaskId("lister", 0);
        ConnectorTaskId second = new ConnectorTaskId("lister", 1);
        assertTrue(worker.startTask(second, connectorConfig("lister", 2), taskConfig(), 2, TargetState.STARTED, statuses));
        assertTrue(worker.startTask(first, connectorConfig("lister", 2), taskConfig(), 2, TargetState.STARTED, statuses));

        assertEquals(List.of(first, second), List.copyOf(worker.taskIds("lister")), "sorted by task number");
        assertTrue(worker.taskIds("other").isEmpty());
        assertThrows(org.apache.kafka.connect.errors.ConnectException.class,
            () -> worker.startTask(first, connectorConfig("lister", 2), taskConfig(), 2, TargetState.STARTED, statuses),
            "a task cannot run twice on one worker");
    }

    private Map<String, String> connectorConfig(String name, int tasksMax) {
        Map<String, String> config = new HashMap<>();
        config.put("name", name);
        config.put("connector.class", RecordingSourceConnector.class.getName());
        config.put("tasks.max", String.valueOf(tasksMax));
        return config;
    }

    private static Map<String, String> taskConfig() {
        return Map.of("task.class", IdleSourceTask.class.getName());
    }

    private CountDownLatch blocker() {
        CountDownLatch latch = new CountDownLatch(1);
        blockers.add(latch);
        return latch;
    }

    /** An offset reader with no offsets. */
    private static final class NoOffsets implements org.apache.kafka.connect.storage.OffsetStorageReader {
        @Override
        public <T> Map<String, Object> offset(Map<String, T> partition) {
            return null;
        }

        @Override
        public <T> Map<Map<String, T>, Map<String, Object>> offsets(java.util.Collection<Map<String, T>> partitions) {
            return Map.of();
        }
    }
}
