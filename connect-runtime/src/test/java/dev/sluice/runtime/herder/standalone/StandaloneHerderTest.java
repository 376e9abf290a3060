package dev.sluice.runtime.herder.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.config.ClientConfigOverrides;
import dev.sluice.runtime.config.StandaloneConfig;
import dev.sluice.runtime.herder.ConfigValidation;
import dev.sluice.runtime.herder.ConnectorConfigResolver;
import dev.sluice.runtime.herder.ConnectorConfigValidator;
import dev.sluice.runtime.herder.ConnectorInfo;
import dev.sluice.runtime.herder.ConnectorStateInfo;
import dev.sluice.runtime.herder.Created;
import dev.sluice.runtime.herder.InvalidConnectorConfigException;
import dev.sluice.runtime.herder.RestartRequest;
import dev.sluice.runtime.herder.TaskInfo;
import dev.sluice.runtime.herder.standalone.ControlledConnectors.Control;
import dev.sluice.runtime.herder.standalone.ControlledConnectors.ControlledSinkConnector;
import dev.sluice.runtime.herder.standalone.ControlledConnectors.ControlledSourceConnector;
import dev.sluice.runtime.herder.standalone.ControlledConnectors.IdleSourceTask;
import dev.sluice.runtime.plugins.PluginDiscoveryMode;
import dev.sluice.runtime.plugins.PluginPath;
import dev.sluice.runtime.plugins.Plugins;
import dev.sluice.runtime.storage.memory.MemoryConfigStore;
import dev.sluice.runtime.storage.memory.MemoryStatusStore;
import dev.sluice.runtime.worker.ConnectorStatus;
import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.LifecycleState;
import dev.sluice.runtime.worker.TargetState;
import dev.sluice.runtime.worker.TaskStatus;
import dev.sluice.runtime.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.connect.connector.policy.AllConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.errors.AlreadyExistsException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.NotFoundException;
import org.apache.kafka.connect.health.ConnectorType;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StandaloneHerderTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String WORKER_ID = "herder-test:8083";
    private static final String INVALID = "Connector configuration is invalid and contains the following ";
    private static final String SECRET_REFERENCE = "${test:secret}";
    private static final String SECRET = "s3cret";
    /** Stands in for config providers: resolves {@link #SECRET_REFERENCE} wherever it occurs. */
    private static final ConnectorConfigResolver SECRETS = (connector, config) -> {
        Map<String, String> resolved = new LinkedHashMap<>();
        config.forEach((key, value) -> resolved.put(key, value.replace(SECRET_REFERENCE, SECRET)));
        return resolved;
    };

    private static Plugins plugins;

    private final Metrics metrics = new Metrics();
    private final List<Control> controls = new ArrayList<>();
    private final Map<ConnectorTaskId, List<IdleTaskRunner>> runners = new ConcurrentHashMap<>();
    private final MemoryConfigStore configStore = new MemoryConfigStore();
    private final MemoryStatusStore statusStore = new MemoryStatusStore();
    private Worker worker;
    private StandaloneHerder herder;

    @BeforeAll
    static void discoverPlugins() {
        plugins = Plugins.discover(PluginPath.parse(""), PluginDiscoveryMode.SERVICE_LOAD);
    }

    @AfterAll
    static void closePlugins() {
        plugins.close();
    }

    @BeforeEach
    void startHerder() {
        StandaloneConfig config = new StandaloneConfig(Map.of(
            "bootstrap.servers", "localhost:9092",
            "key.converter", "org.apache.kafka.connect.json.JsonConverter",
            "value.converter", "org.apache.kafka.connect.json.JsonConverter",
            "offset.storage.file.filename", "unused.offsets",
            "task.shutdown.graceful.timeout.ms", "2000"));
        worker = new Worker(config, plugins, metrics, (connector, connectorConfig) -> new NoOffsets(), setup -> {
            IdleTaskRunner runner = new IdleTaskRunner(setup);
            runners.computeIfAbsent(setup.id(), id -> new CopyOnWriteArrayList<>()).add(runner);
            return runner;
        });
        ConnectorConfigValidator validator = new ConnectorConfigValidator(plugins,
            new ClientConfigOverrides(new AllConnectorClientConfigOverridePolicy()), false);
        herder = new StandaloneHerder(worker, WORKER_ID, "cluster-1", configStore, statusStore, validator, SECRETS,
            Duration.ofSeconds(10));
        herder.start();
    }

    @AfterEach
    void stopHerder() {
        try {
            herder.stop();
        } finally {
            ControlledConnectors.release(controls);
            metrics.close();
        }
    }

    // ---- create ----

    @Test
    void creatingAConnectorStoresItsConfigStartsItAndStartsTheTasksItGenerates() throws Exception {
        Control control = control();
        control.taskCount = 2;
        Map<String, String> config = sourceConfig(control);

        Created<ConnectorInfo> created = done(herder.putConnectorConfig("src", config, null, false));

        assertTrue(created.created(), "a new connector is reported as created");
        ConnectorInfo info = created.result();
        assertEquals("src", info.name());
        assertEquals(withName(config, "src"), info.config(), "the stored configuration is the given one plus its name");
        assertEquals(List.of(task("src", 0), task("src", 1)), info.tasks(), "the info lists the generated tasks");
        assertEquals(ConnectorType.SOURCE, info.type());
        assertEquals(1, control.starts.get(), "the connector instance is started once");
        assertEquals(Set.of("src"), herder.connectors());
        assertEquals(info, done(herder.connectorInfo("src")), "a later read answers the same info");

        List<TaskInfo> tasks = done(herder.taskConfigs("src"));
        assertEquals(2, tasks.size());
        assertEquals("1", tasks.get(1).config().get(ControlledConnectors.TASK_INDEX), "task configs are stored in order");
        assertEquals(IdleSourceTask.class.getName(), tasks.get(0).config().get("task.class"));
        assertEquals(1, runners.get(task("src", 0)).size(), "each task is started once");
        assertEquals(1, runners.get(task("src", 1)).size(), "each task is started once");

        awaitConnector("src", LifecycleState.RUNNING);
        awaitTask(task("src", 0), LifecycleState.RUNNING);
        awaitTask(task("src", 1), LifecycleState.RUNNING);
        ConnectorStateInfo state = herder.connectorStatus("src").orElseThrow();
        assertEquals(ConnectorType.SOURCE, state.type());
        assertEquals(WORKER_ID, state.connector().workerId());
        assertEquals("3.1.4", state.connector().version(), "the connector status carries the plugin version");
        assertEquals(List.of(0, 1), state.tasks().stream().map(status -> status.id().task()).toList());
        assertEquals("3.1.4-task", herder.taskStatus(task("src", 1)).orElseThrow().version());
    }

    @Test
    void sinkConnectorIsReportedAsSinkAndItsTasksGetItsTopics() throws Exception {
        Control control = control();
        Map<String, String> config = sourceConfig(control);
        config.put("connector.class", ControlledSinkConnector.class.getName());
        config.put("topics", "orders,payments");

        ConnectorInfo info = done(herder.putConnectorConfig("snk", config, TargetState.STARTED, false)).result();

        assertEquals(ConnectorType.SINK, info.type());
        assertEquals("orders,payments", done(herder.taskConfigs("snk")).get(0).config().get("topics"),
            "sink task configurations carry the connector's topics");
        awaitTask(task("snk", 0), LifecycleState.RUNNING);
        assertEquals(ConnectorType.SINK, herder.connectorStatus("snk").orElseThrow().type());
    }

    @Test
    void configProviderReferencesAreResolvedForTheWorkerButStoredAndReturnedRaw() throws Exception {
        Control control = control();
        Map<String, String> config = sourceConfig(control);
        config.put(ControlledConnectors.COPY_PREFIX + "password", SECRET_REFERENCE);
        config.put(ControlledConnectors.COPY_PREFIX + "user", "alice");

        done(herder.putConnectorConfig("secretive", config, null, false));

        assertEquals(SECRET, control.lastStartProps.get(ControlledConnectors.COPY_PREFIX + "password"),
            "the connector must be started with the resolved value");
        assertEquals(SECRET_REFERENCE, done(herder.connectorConfig("secretive")).get(ControlledConnectors.COPY_PREFIX + "password"),
            "the stored connector configuration must keep the reference");
        assertEquals(SECRET, latestRunner(task("secretive", 0)).setup.taskConfig().get(ControlledConnectors.COPY_PREFIX + "password"),
            "the task must be started with the resolved value");
        Map<String, String> storedTask = done(herder.taskConfigs("secretive")).get(0).config();
        assertEquals(SECRET_REFERENCE, storedTask.get(ControlledConnectors.COPY_PREFIX + "password"),
            "a task configuration value copied from a referencing connector key must be stored as the reference"
                + " (Apache's reverse transform), so secrets never reach the store or GET /connectors/{c}/tasks");
        assertEquals("alice", storedTask.get(ControlledConnectors.COPY_PREFIX + "user"), "plain values are stored as generated");
    }

    @Test
    void unchangedTaskConfigsWithReferencesDoNotRestartTasks() throws Exception {
        Control control = control();
        Map<String, String> config = sourceConfig(control);
        config.put(ControlledConnectors.COPY_PREFIX + "password", SECRET_REFERENCE);
        done(herder.putConnectorConfig("steady", config, null, false));
        IdleTaskRunner first = latestRunner(task("steady", 0));

        control.context.requestTaskReconfiguration();
        awaitReconfigurationHandled("steady");

        assertSame(first, latestRunner(task("steady", 0)),
            "regenerated task configs equal to the stored (raw) ones must leave the running task alone");
    }

    @Test
    void creatingAnExistingConnectorWithoutReplaceFailsAlreadyExists() throws Exception {
        Control control = control();
        Map<String, String> config = sourceConfig(control);
        done(herder.putConnectorConfig("dup", config, null, false));
        Map<String, String> changed = new HashMap<>(config);
        changed.put(ControlledConnectors.COPY_PREFIX + "value", "changed");

        Throwable error = failure(herder.putConnectorConfig("dup", changed, null, false));

        assertInstanceOf(AlreadyExistsException.class, error, "creating an existing connector is a conflict (409)");
        assertTrue(error.getMessage().contains("dup"), error.getMessage());
        assertEquals(withName(config, "dup"), done(herder.connectorConfig("dup")), "the stored configuration is unchanged");
        assertEquals(1, control.starts.get(), "the running connector is not touched");
    }

    @Test
    void replacingAConnectorRestartsItAndReplacesItsTasksWithTheNewConfiguration() throws Exception {
        Control control = control();
        control.taskCount = 2;
        Map<String, String> config = sourceConfig(control);
        config.put(ControlledConnectors.COPY_PREFIX + "value", "v1");
        done(herder.putConnectorConfig("upd", config, null, false));
        List<IdleTaskRunner> before = List.of(latestRunner(task("upd", 0)), latestRunner(task("upd", 1)));

        Map<String, String> updated = new HashMap<>(config);
        updated.put(ControlledConnectors.COPY_PREFIX + "value", "v2");
        Created<ConnectorInfo> result = done(herder.putConnectorConfig("upd", updated, null, true));

        assertFalse(result.created(), "an update is not a creation (REST answers 200, not 201)");
        assertEquals("v2", result.result().config().get(ControlledConnectors.COPY_PREFIX + "value"));
        for (IdleTaskRunner old : before) {
            assertTrue(old.awaitStop(Duration.ZERO), "old task " + old.id() + " must be stopped before the update completes");
        }
        assertEquals(1, control.stops.get(), "the old connector instance is stopped");
        assertEquals(2, control.starts.get(), "a new connector instance is started");
        assertEquals("v2", control.lastStartProps.get(ControlledConnectors.COPY_PREFIX + "value"));
        for (int i = 0; i < 2; i++) {
            IdleTaskRunner now = latestRunner(task("upd", i));
            assertNotSame(before.get(i), now, "task " + i + " must be a new instance");
            assertEquals("v2", now.setup.taskConfig().get(ControlledConnectors.COPY_PREFIX + "value"),
                "new task " + i + " must run with the new configuration");
            awaitTask(task("upd", i), LifecycleState.RUNNING);
        }
        assertEquals("v2", done(herder.taskConfigs("upd")).get(0).config().get(ControlledConnectors.COPY_PREFIX + "value"));
    }

    @Test
    void updatingAPausedConnectorKeepsItPausedWhateverInitialStateIsGiven() throws Exception {
        Control control = control();
        Map<String, String> config = sourceConfig(control);
        done(herder.putConnectorConfig("paused-upd", config, TargetState.PAUSED, false));
        awaitConnector("paused-upd", LifecycleState.PAUSED);

        Map<String, String> updated = new HashMap<>(config);
        updated.put(ControlledConnectors.COPY_PREFIX + "value", "v2");
        assertFalse(done(herder.putConnectorConfig("paused-upd", updated, TargetState.STARTED, true)).created());

        awaitConnector("paused-upd", LifecycleState.PAUSED);
        assertEquals(TargetState.PAUSED, configStore.snapshot().targetState("paused-upd"),
            "an update keeps the connector's target state; the initial state applies only to new connectors");
        assertEquals(0, control.starts.get(), "a paused connector is not started by an update");
    }

    @Test
    void connectorGeneratingMoreTaskConfigsThanTasksMaxIsReportedFailedWithoutTasks() throws Exception {
        Control control = control();
        control.taskCount = 3;
        Map<String, String> config = sourceConfig(control);
        config.put("tasks.max", "2");

        done(herder.putConnectorConfig("crowded", config, null, false));

        awaitConnector("crowded", LifecycleState.FAILED);
        String trace = herder.connectorStatus("crowded").orElseThrow().connector().trace();
        assertTrue(trace.contains("TooManyTasksException"), "the trace names the cause: " + trace);
        assertEquals(List.of(), done(herder.taskConfigs("crowded")), "no task configurations are stored");
        assertTrue(worker.taskIds("crowded").isEmpty(), "no task is started");
    }

    @Test
    void putWithReplaceCreatesAMissingConnector() throws Exception {
        Created<ConnectorInfo> result = done(herder.putConnectorConfig("fresh", sourceConfig(control()), null, true));

        assertTrue(result.created(), "PUT of a missing connector creates it (REST answers 201)");
        awaitConnector("fresh", LifecycleState.RUNNING);
    }

    // ---- rejected configurations ----

    @Test
    void configNameThatDiffersFromTheConnectorNameIsRejected() {
        Control control = control();
        Map<String, String> config = sourceConfig(control);
        config.put("name", "other-name");

        Throwable error = failure(herder.putConnectorConfig("url-name", config, null, false));

        assertInstanceOf(InvalidConnectorConfigException.class, error);
        assertTrue(error.getMessage().contains("other-name") && error.getMessage().contains("url-name"),
            "the message names both names: " + error.getMessage());
        assertNothingStored(control);
    }

    @Test
    void missingConnectorClassIsRejectedAndNothingIsStored() {
        Control control = control();
        Map<String, String> config = sourceConfig(control);
        config.remove("connector.class");

        Throwable error = failure(herder.putConnectorConfig("no-class", config, null, false));

        assertInstanceOf(InvalidConnectorConfigException.class, error);
        assertTrue(error.getMessage().contains("connector.class"), error.getMessage());
        assertNothingStored(control);
    }

    @Test
    void unknownConnectorClassIsRejectedNamingTheClassAndNothingIsStored() {
        Control control = control();
        Map<String, String> config = sourceConfig(control);
        config.put("connector.class", "com.example.MissingConnector");

        Throwable error = failure(herder.putConnectorConfig("ghost", config, null, false));

        assertInstanceOf(InvalidConnectorConfigException.class, error);
        assertTrue(error.getMessage().contains("com.example.MissingConnector"), error.getMessage());
        assertNothingStored(control);
    }

    @Test
    void negativeTasksMaxIsAValidationErrorAndNothingIsStored() {
        Control control = control();
        Map<String, String> config = sourceConfig(control);
        config.put("tasks.max", "-1");

        InvalidConnectorConfigException error = assertInstanceOf(InvalidConnectorConfigException.class,
            failure(herder.putConnectorConfig("negative", config, null, false)));

        assertTrue(error.getMessage().startsWith(INVALID + "1 error(s):\n"), error.getMessage());
        assertTrue(error.getMessage().contains("tasks.max"), error.getMessage());
        assertNotNull(error.validation(), "a validation failure carries the full validation");
        assertNothingStored(control);
    }

    @Test
    void emptyConnectorNameIsAValidationError() {
        Control control = control();

        Throwable error = failure(herder.putConnectorConfig("", sourceConfig(control), null, false));

        assertInstanceOf(InvalidConnectorConfigException.class, error);
        assertTrue(error.getMessage().startsWith(INVALID), error.getMessage());
        assertNothingStored(control);
    }

    @Test
    void connectorNameWithAControlCharacterIsAValidationError() {
        Control control = control();

        Throwable error = failure(herder.putConnectorConfig("bell\u0007name", sourceConfig(control), null, false));

        assertInstanceOf(InvalidConnectorConfigException.class, error);
        assertTrue(error.getMessage().startsWith(INVALID), error.getMessage());
        assertNothingStored(control);
    }

    @Test
    void connectorsOwnValidationErrorsRejectTheConfiguration() {
        Control control = control();
        Map<String, String> config = sourceConfig(control);
        config.put(ControlledConnectors.VALIDATE_ERROR, "the remote system refused the credentials");

        InvalidConnectorConfigException error = assertInstanceOf(InvalidConnectorConfigException.class,
            failure(herder.putConnectorConfig("own-check", config, null, false)));

        assertTrue(error.getMessage().startsWith(INVALID + "1 error(s):\n"), error.getMessage());
        assertTrue(error.getMessage().contains("the remote system refused the credentials"), error.getMessage());
        assertEquals(1, control.validations.get(), "the connector's validate() ran once");
        assertNothingStored(control);
    }

    @Test
    void validateConnectorConfigReportsErrorsWithoutStoringAnything() throws Exception {
        Control control = control();
        Map<String, String> config = sourceConfig(control);
        config.put("name", "dry-run");
        config.put("tasks.max", "0");

        ConfigValidation validation = done(herder.validateConnectorConfig(config));

        assertEquals(1, validation.errorCount(), validation.errorLines().toString());
        assertNothingStored(control);
    }

    @Test
    void connectorWhoseValidationBlocksDoesNotBlockTheControlThread() throws Exception {
        done(herder.putConnectorConfig("other", sourceConfig(control()), null, false));
        Control slow = control();
        slow.blockValidate = true;

        CompletableFuture<Created<ConnectorInfo>> pending = herder.putConnectorConfig("slow", sourceConfig(slow), null, false);
        assertTrue(slow.validateEntered.await(WAIT.toSeconds(), TimeUnit.SECONDS), "validation of 'slow' never started");

        done(herder.pauseConnector("other"));
        awaitConnector("other", LifecycleState.PAUSED);
        assertFalse(pending.isDone(), "the request of the blocked validation cannot have completed");
        assertEquals(Set.of("other"), herder.connectors(), "nothing is stored before validation finishes");

        slow.validateGate.countDown();
        assertTrue(done(pending).created(), "once validation returns, the connector is created");
    }

    // ---- target states ----

    @Test
    void connectorCreatedPausedHasNoTasksUntilResumed() throws Exception {
        Control control = control();

        done(herder.putConnectorConfig("lazy", sourceConfig(control), TargetState.PAUSED, false));

        awaitConnector("lazy", LifecycleState.PAUSED);
        assertEquals(List.of(), done(herder.taskConfigs("lazy")), "a paused new connector has no tasks yet");
        assertTrue(worker.taskIds("lazy").isEmpty());
        assertEquals(0, control.starts.get(), "a connector created paused is not started");

        done(herder.resumeConnector("lazy"));

        awaitConnector("lazy", LifecycleState.RUNNING);
        awaitTask(task("lazy", 0), LifecycleState.RUNNING);
        assertEquals(1, done(herder.taskConfigs("lazy")).size(), "resuming generates the tasks");
    }

    @Test
    void connectorCreatedStoppedHasNoTasksAndReportsStoppedUntilResumed() throws Exception {
        Control control = control();

        done(herder.putConnectorConfig("idle", sourceConfig(control), TargetState.STOPPED, false));

        awaitConnector("idle", LifecycleState.STOPPED);
        assertEquals(List.of(), done(herder.taskConfigs("idle")));
        assertEquals(List.of(), herder.connectorStatus("idle").orElseThrow().tasks());

        done(herder.resumeConnector("idle"));

        awaitConnector("idle", LifecycleState.RUNNING);
        awaitTask(task("idle", 0), LifecycleState.RUNNING);
    }

    @Test
    void pauseMovesConnectorAndTasksToPausedAndResumeBackToRunningWithoutNewTasks() throws Exception {
        Control control = control();
        control.taskCount = 2;
        done(herder.putConnectorConfig("pausable", sourceConfig(control), null, false));
        IdleTaskRunner task0 = latestRunner(task("pausable", 0));

        done(herder.pauseConnector("pausable"));

        awaitConnector("pausable", LifecycleState.PAUSED);
        awaitTask(task("pausable", 0), LifecycleState.PAUSED);
        awaitTask(task("pausable", 1), LifecycleState.PAUSED);
        assertEquals(2, done(herder.taskConfigs("pausable")).size(), "a paused connector keeps its tasks");

        done(herder.resumeConnector("pausable"));

        awaitConnector("pausable", LifecycleState.RUNNING);
        awaitTask(task("pausable", 0), LifecycleState.RUNNING);
        awaitTask(task("pausable", 1), LifecycleState.RUNNING);
        assertSame(task0, latestRunner(task("pausable", 0)), "resuming continues the same task instances");
        assertEquals(1, runners.get(task("pausable", 1)).size(), "resuming starts no new task");
    }

    @Test
    void updatingAPausedConnectorKeepsItsPausedTasksUntilResumeReplacesThem() throws Exception {
        Control control = control();
        done(herder.putConnectorConfig("paused-tasks", sourceConfig(control), null, false));
        awaitTask(task("paused-tasks", 0), LifecycleState.RUNNING);
        IdleTaskRunner before = latestRunner(task("paused-tasks", 0));
        done(herder.pauseConnector("paused-tasks"));
        awaitTask(task("paused-tasks", 0), LifecycleState.PAUSED);

        Map<String, String> updated = new HashMap<>(sourceConfig(control));
        updated.put(ControlledConnectors.COPY_PREFIX + "value", "v2");
        done(herder.putConnectorConfig("paused-tasks", updated, null, true));

        assertEquals(1, done(herder.taskConfigs("paused-tasks")).size(), "as in Apache, the paused tasks stay listed");
        assertSame(before, latestRunner(task("paused-tasks", 0)), "and keep running, paused, until the connector resumes");
        assertEquals(LifecycleState.PAUSED, herder.taskStatus(task("paused-tasks", 0)).orElseThrow().state());

        done(herder.resumeConnector("paused-tasks"));

        await().atMost(WAIT).until(() -> latestRunner(task("paused-tasks", 0)) != before);
        awaitTask(task("paused-tasks", 0), LifecycleState.RUNNING);
        assertEquals("v2", done(herder.taskConfigs("paused-tasks")).get(0).config()
            .get(ControlledConnectors.COPY_PREFIX + "value"), "the resumed connector's tasks run the new configuration");
    }

    @Test
    void stopRemovesTheTasksAndResumeRegeneratesAndStartsThem() throws Exception {
        Control control = control();
        control.taskCount = 2;
        done(herder.putConnectorConfig("stoppable", sourceConfig(control), null, false));
        awaitTask(task("stoppable", 1), LifecycleState.RUNNING);
        IdleTaskRunner task0 = latestRunner(task("stoppable", 0));

        done(herder.stopConnector("stoppable"));

        assertEquals(List.of(), done(herder.taskConfigs("stoppable")), "a stopped connector has no task configs");
        assertTrue(task0.awaitStop(Duration.ZERO), "the tasks are stopped before stop completes");
        assertTrue(worker.taskIds("stoppable").isEmpty());
        assertTrue(statusStore.tasks("stoppable").isEmpty(), "the statuses of removed tasks are gone");
        awaitConnector("stoppable", LifecycleState.STOPPED);
        assertTrue(herder.connectorStatus("stoppable").orElseThrow().tasks().isEmpty());

        done(herder.stopConnector("stoppable"));
        assertEquals(LifecycleState.STOPPED, connectorState("stoppable"), "stopping again is harmless");

        done(herder.resumeConnector("stoppable"));

        awaitConnector("stoppable", LifecycleState.RUNNING);
        awaitTask(task("stoppable", 0), LifecycleState.RUNNING);
        awaitTask(task("stoppable", 1), LifecycleState.RUNNING);
        assertNotSame(task0, latestRunner(task("stoppable", 0)), "resuming from STOPPED starts new tasks");
        assertEquals(2, done(herder.taskConfigs("stoppable")).size());
    }

    // ---- delete ----

    @Test
    void deleteStopsEverythingAndForgetsTheConnector() throws Exception {
        Control control = control();
        control.taskCount = 2;
        done(herder.putConnectorConfig("doomed", sourceConfig(control), null, false));
        awaitTask(task("doomed", 1), LifecycleState.RUNNING);
        IdleTaskRunner task1 = latestRunner(task("doomed", 1));

        done(herder.deleteConnector("doomed"));

        assertTrue(task1.awaitStop(Duration.ZERO), "tasks are stopped before delete completes");
        assertEquals(1, control.stops.get(), "the connector instance is stopped");
        assertTrue(worker.connectorNames().isEmpty() && worker.taskIds().isEmpty(), "nothing of it runs on the worker");
        assertTrue(herder.connectors().isEmpty());
        assertTrue(herder.connectorStatus("doomed").isEmpty(), "its status is gone");
        assertTrue(herder.taskStatus(task("doomed", 0)).isEmpty(), "its task statuses are gone");
        assertInstanceOf(NotFoundException.class, failure(herder.connectorInfo("doomed")));
        assertInstanceOf(NotFoundException.class, failure(herder.connectorConfig("doomed")));
        assertInstanceOf(NotFoundException.class, failure(herder.taskConfigs("doomed")));
        assertInstanceOf(NotFoundException.class, failure(herder.deleteConnector("doomed")));
    }

    @Test
    void requestsForAnUnknownConnectorFailNotFound() {
        List<Supplier<CompletableFuture<?>>> requests = List.of(
            () -> herder.connectorInfo("nobody"),
            () -> herder.connectorConfig("nobody"),
            () -> herder.taskConfigs("nobody"),
            () -> herder.deleteConnector("nobody"),
            () -> herder.pauseConnector("nobody"),
            () -> herder.resumeConnector("nobody"),
            () -> herder.stopConnector("nobody"),
            () -> herder.restartConnector("nobody"),
            () -> herder.restartTask(task("nobody", 0)),
            () -> herder.restartConnectorAndTasks(new RestartRequest("nobody", false, true)));
        for (int i = 0; i < requests.size(); i++) {
            Throwable error = failure(requests.get(i).get());
            assertInstanceOf(NotFoundException.class, error, "request #" + i + " must fail with NotFoundException (404)");
            assertTrue(error.getMessage().contains("nobody"), "request #" + i + ": " + error.getMessage());
        }
        assertTrue(herder.connectorStatus("nobody").isEmpty());
        assertTrue(herder.taskStatus(task("nobody", 0)).isEmpty());
    }

    // ---- restarts ----

    @Test
    void restartConnectorRestartsOnlyTheConnectorInstance() throws Exception {
        Control control = control();
        control.taskCount = 2;
        done(herder.putConnectorConfig("rc", sourceConfig(control), null, false));
        IdleTaskRunner task0 = latestRunner(task("rc", 0));

        done(herder.restartConnector("rc"));

        assertEquals(1, control.stops.get(), "the old instance is stopped");
        assertEquals(2, control.starts.get(), "a new instance is started");
        awaitConnector("rc", LifecycleState.RUNNING);
        assertSame(task0, latestRunner(task("rc", 0)), "tasks are not restarted with the connector");
        assertFalse(task0.isStopping(), "the task keeps running");
    }

    @Test
    void restartTaskRestartsOnlyThatTask() throws Exception {
        Control control = control();
        control.taskCount = 2;
        done(herder.putConnectorConfig("rt", sourceConfig(control), null, false));
        IdleTaskRunner task0 = latestRunner(task("rt", 0));
        IdleTaskRunner task1 = latestRunner(task("rt", 1));

        done(herder.restartTask(task("rt", 1)));

        assertTrue(task1.awaitStop(Duration.ZERO), "the old instance of the task is stopped");
        assertNotSame(task1, latestRunner(task("rt", 1)), "a new instance of the task is started");
        awaitTask(task("rt", 1), LifecycleState.RUNNING);
        assertSame(task0, latestRunner(task("rt", 0)), "the other task is untouched");
        assertEquals(1, control.starts.get(), "the connector is untouched");

        Throwable error = failure(herder.restartTask(task("rt", 7)));
        assertInstanceOf(NotFoundException.class, error, "an unknown task is 404");
        assertTrue(error.getMessage().contains("rt-7"), error.getMessage());
    }

    @Test
    void restartWithOnlyFailedAndIncludeTasksRestartsExactlyTheFailedTask() throws Exception {
        Control control = control();
        control.taskCount = 3;
        done(herder.putConnectorConfig("rf", sourceConfig(control), null, false));
        awaitTask(task("rf", 0), LifecycleState.RUNNING);
        awaitTask(task("rf", 2), LifecycleState.RUNNING);
        IdleTaskRunner task0 = latestRunner(task("rf", 0));
        IdleTaskRunner failed = latestRunner(task("rf", 1));
        failed.failNow();
        awaitTask(task("rf", 1), LifecycleState.FAILED);

        ConnectorStateInfo planned = done(herder.restartConnectorAndTasks(new RestartRequest("rf", true, true)));

        assertEquals(LifecycleState.RUNNING, planned.connector().state(), "a RUNNING connector is not restarted with onlyFailed");
        assertEquals(List.of(LifecycleState.RUNNING, LifecycleState.RESTARTING, LifecycleState.RUNNING),
            planned.tasks().stream().map(TaskStatus::state).toList(), "only the FAILED task is planned for restart");
        assertTrue(planned.tasks().get(1).trace() != null
                && planned.tasks().get(1).trace().contains("failed on request of the test"),
            "Apache keeps the last trace in the RESTARTING state it answers with: " + planned.tasks().get(1).trace());
        awaitTask(task("rf", 1), LifecycleState.RUNNING);
        assertNotSame(failed, latestRunner(task("rf", 1)), "the failed task runs as a new instance");
        assertSame(task0, latestRunner(task("rf", 0)), "a running task is not restarted with onlyFailed");
        assertEquals(1, runners.get(task("rf", 2)).size(), "a running task is not restarted with onlyFailed");
        assertEquals(1, control.starts.get(), "the connector is not restarted with onlyFailed");
    }

    @Test
    void restartWithIncludeTasksRestartsTheConnectorAndEveryTask() throws Exception {
        Control control = control();
        control.taskCount = 2;
        done(herder.putConnectorConfig("ra", sourceConfig(control), null, false));
        awaitTask(task("ra", 1), LifecycleState.RUNNING);
        List<IdleTaskRunner> before = List.of(latestRunner(task("ra", 0)), latestRunner(task("ra", 1)));

        ConnectorStateInfo planned = done(herder.restartConnectorAndTasks(new RestartRequest("ra", false, true)));

        assertEquals(LifecycleState.RESTARTING, planned.connector().state());
        assertEquals(List.of(LifecycleState.RESTARTING, LifecycleState.RESTARTING),
            planned.tasks().stream().map(TaskStatus::state).toList());
        awaitConnector("ra", LifecycleState.RUNNING);
        for (int i = 0; i < 2; i++) {
            awaitTask(task("ra", i), LifecycleState.RUNNING);
            assertNotSame(before.get(i), latestRunner(task("ra", i)), "task " + i + " must be restarted");
        }
        await().atMost(WAIT).untilAsserted(() -> assertEquals(2, control.starts.get(), "the connector must be restarted"));
    }

    @Test
    void restartWithoutIncludeTasksRestartsOnlyTheConnectorEvenIfATaskFailed() throws Exception {
        Control control = control();
        control.taskCount = 2;
        done(herder.putConnectorConfig("rn", sourceConfig(control), null, false));
        awaitTask(task("rn", 0), LifecycleState.RUNNING);
        latestRunner(task("rn", 1)).failNow();
        awaitTask(task("rn", 1), LifecycleState.FAILED);

        ConnectorStateInfo planned = done(herder.restartConnectorAndTasks(new RestartRequest("rn", false, false)));

        assertEquals(LifecycleState.RESTARTING, planned.connector().state());
        assertEquals(List.of(LifecycleState.RUNNING, LifecycleState.FAILED),
            planned.tasks().stream().map(TaskStatus::state).toList(), "tasks are not restarted without includeTasks");
        await().atMost(WAIT).untilAsserted(() -> assertEquals(2, control.starts.get(), "the connector must be restarted"));
        awaitConnector("rn", LifecycleState.RUNNING);
        assertEquals(LifecycleState.FAILED, taskState(task("rn", 1)), "the failed task stays failed");
        assertEquals(1, runners.get(task("rn", 1)).size(), "the failed task is not restarted");
    }

    @Test
    void restartWithOnlyFailedRestartsAFailedConnectorButNotARunningOne() throws Exception {
        Control control = control();
        done(herder.putConnectorConfig("rfc", sourceConfig(control), null, false));
        awaitTask(task("rfc", 0), LifecycleState.RUNNING);

        ConnectorStateInfo untouched = done(herder.restartConnectorAndTasks(new RestartRequest("rfc", true, false)));
        assertEquals(LifecycleState.RUNNING, untouched.connector().state(), "a RUNNING connector is left alone");
        assertEquals(List.of(LifecycleState.RUNNING), untouched.tasks().stream().map(TaskStatus::state).toList());
        assertEquals(1, control.starts.get(), "nothing is restarted when nothing failed");

        control.context.raiseError(new IllegalStateException("connector gave up"));
        awaitConnector("rfc", LifecycleState.FAILED);

        ConnectorStateInfo planned = done(herder.restartConnectorAndTasks(new RestartRequest("rfc", true, false)));

        assertEquals(LifecycleState.RESTARTING, planned.connector().state(), "a FAILED connector is restarted with onlyFailed");
        await().atMost(WAIT).untilAsserted(() -> assertEquals(2, control.starts.get(), "the connector must be restarted"));
        awaitConnector("rfc", LifecycleState.RUNNING);
        assertEquals(1, runners.get(task("rfc", 0)).size(), "tasks are not restarted without includeTasks");
    }

    // ---- task reconfiguration ----

    @Test
    void taskReconfigurationRequestWithChangedConfigsReplacesTheTasks() throws Exception {
        Control control = control();
        done(herder.putConnectorConfig("grow", sourceConfig(control), null, false));
        IdleTaskRunner first = latestRunner(task("grow", 0));

        control.taskCount = 3;
        control.context.requestTaskReconfiguration();

        await().atMost(WAIT).untilAsserted(() -> assertEquals(3, done(herder.taskConfigs("grow")).size(),
            "the connector's three new task configurations must be stored"));
        for (int i = 0; i < 3; i++) {
            awaitTask(task("grow", i), LifecycleState.RUNNING);
        }
        assertTrue(first.awaitStop(WAIT), "the old task is stopped");
        assertNotSame(first, latestRunner(task("grow", 0)), "task 0 is replaced by a new instance");
        assertEquals(Set.of(task("grow", 0), task("grow", 1), task("grow", 2)), worker.taskIds("grow"));
    }

    @Test
    void taskReconfigurationRequestWithUnchangedConfigsLeavesRunningTasksAlone() throws Exception {
        Control control = control();
        control.taskCount = 2;
        done(herder.putConnectorConfig("same", sourceConfig(control), null, false));
        IdleTaskRunner task0 = latestRunner(task("same", 0));

        control.context.requestTaskReconfiguration();
        awaitReconfigurationHandled("same");

        assertSame(task0, latestRunner(task("same", 0)), "unchanged task configs must not restart the task");
        assertEquals(1, runners.get(task("same", 1)).size(), "unchanged task configs must not restart the task");
        assertFalse(task0.isStopping());
    }

    // ---- failing and stuck connectors ----

    @Test
    void connectorWhoseStartThrowsFailsTheRequestAndIsReportedFailedButStaysStored() throws Exception {
        Control control = control();
        control.failStart = true;

        Throwable error = failure(herder.putConnectorConfig("broken", sourceConfig(control), null, false));

        assertInstanceOf(ConnectException.class, error);
        assertFalse(error instanceof InvalidConnectorConfigException, "a start failure is not a client error: " + error);
        assertTrue(error.getMessage().contains("broken"), "the message names the connector: " + error.getMessage());
        awaitConnector("broken", LifecycleState.FAILED);
        String trace = herder.connectorStatus("broken").orElseThrow().connector().trace();
        assertTrue(trace != null && trace.contains("start refused by the test"), "the status carries the trace: " + trace);
        assertEquals(Set.of("broken"), herder.connectors(), "the configuration stays stored");
        assertEquals(List.of(), done(herder.taskConfigs("broken")), "a failed connector generates no tasks");

        control.failStart = false;
        done(herder.restartConnector("broken"));
        awaitConnector("broken", LifecycleState.RUNNING);
        awaitTask(task("broken", 0), LifecycleState.RUNNING);
    }

    @Test
    void connectorWhoseStartBlocksDoesNotBlockReadsOrOtherConnectors() throws Exception {
        Control stuck = control();
        stuck.blockStart = true;
        CompletableFuture<Created<ConnectorInfo>> pending =
            herder.putConnectorConfig("stuck", sourceConfig(stuck), null, false);
        assertTrue(stuck.startEntered.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the connector never entered start()");

        assertEquals(Set.of("stuck"), herder.connectors(), "the list answers while the connector is starting");
        assertTrue(herder.connectorInfo("stuck").isDone(), "info answers at once");
        assertEquals("stuck", herder.connectorInfo("stuck").get().name());
        assertEquals(LifecycleState.UNASSIGNED, herder.connectorStatus("stuck").orElseThrow().connector().state(),
            "status answers at once, UNASSIGNED while starting");

        Created<ConnectorInfo> other = done(herder.putConnectorConfig("free", sourceConfig(control()), null, false));
        assertTrue(other.created(), "another connector can be created meanwhile");
        awaitConnector("free", LifecycleState.RUNNING);

        long began = System.nanoTime();
        herder.deleteConnector("stuck").get(Worker.CONNECTOR_GRACEFUL_SHUTDOWN_TIMEOUT.toMillis() + 3000, TimeUnit.MILLISECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        assertTrue(took.compareTo(Worker.CONNECTOR_GRACEFUL_SHUTDOWN_TIMEOUT.plusSeconds(3)) < 0,
            "deleting a stuck connector is bounded by the connector stop budget, took " + took);
        assertEquals(Set.of("free"), herder.connectors());
        assertTrue(herder.connectorStatus("stuck").isEmpty(), "the stuck connector's status is gone");
        assertFalse(pending.isDone(), "the create request of the stuck connector cannot have completed");
        done(herder.deleteConnector("free"));

        stuck.startGate.countDown();
        Throwable late = failure(pending);
        assertInstanceOf(NotFoundException.class, late,
            "a create whose connector was deleted while starting must fail clearly, not with " + late);
    }

    // ---- herder lifecycle ----

    @Test
    void herderIsReadyBetweenStartAndStopAndKnowsItsCluster() {
        assertTrue(herder.isReady());
        assertEquals("cluster-1", herder.kafkaClusterId());

        herder.stop();

        assertFalse(herder.isReady(), "a stopped herder is not ready");
    }

    @Test
    void stopStopsEveryConnectorAndTaskAndLaterRequestsFail() throws Exception {
        Control sourceControl = control();
        sourceControl.taskCount = 2;
        done(herder.putConnectorConfig("s1", sourceConfig(sourceControl), null, false));
        Control sinkControl = control();
        Map<String, String> sink = sourceConfig(sinkControl);
        sink.put("connector.class", ControlledSinkConnector.class.getName());
        sink.put("topics", "t");
        done(herder.putConnectorConfig("s2", sink, null, false));
        List<ConnectorTaskId> tasks = List.of(task("s1", 0), task("s1", 1), task("s2", 0));
        for (ConnectorTaskId id : tasks) {
            awaitTask(id, LifecycleState.RUNNING);
        }

        herder.stop();

        assertTrue(worker.connectorNames().isEmpty() && worker.taskIds().isEmpty(), "nothing may run after stop");
        assertEquals(1, sourceControl.stops.get(), "the source connector is stopped");
        assertEquals(1, sinkControl.stops.get(), "the sink connector is stopped");
        for (ConnectorTaskId id : tasks) {
            assertTrue(latestRunner(id).awaitStop(Duration.ZERO), "task " + id + " is stopped");
            assertEquals(LifecycleState.UNASSIGNED, taskState(id), "task " + id + " is UNASSIGNED after stop");
        }
        assertEquals(LifecycleState.UNASSIGNED, connectorState("s1"));
        assertEquals(LifecycleState.UNASSIGNED, connectorState("s2"));

        List<Supplier<CompletableFuture<?>>> requests = List.of(
            () -> herder.putConnectorConfig("s3", sourceConfig(control()), null, false),
            () -> herder.validateConnectorConfig(sourceConfig(control())),
            () -> herder.deleteConnector("s1"),
            () -> herder.pauseConnector("s1"),
            () -> herder.restartConnector("s1"),
            () -> herder.restartTask(task("s1", 0)),
            () -> herder.restartConnectorAndTasks(new RestartRequest("s1", false, true)));
        for (int i = 0; i < requests.size(); i++) {
            Throwable error = failure(requests.get(i).get());
            assertInstanceOf(ConnectException.class, error, "request #" + i + " after stop: " + error);
            assertFalse(error instanceof NotFoundException, "request #" + i + " must not look like a missing connector");
        }
    }

    // ---- helpers ----

    private Control control() {
        Control control = ControlledConnectors.newControl();
        controls.add(control);
        return control;
    }

    private static Map<String, String> sourceConfig(Control control) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", ControlledSourceConnector.class.getName());
        config.put("tasks.max", "5");
        config.put(ControlledConnectors.CONTROL, control.id);
        return config;
    }

    private static Map<String, String> withName(Map<String, String> config, String name) {
        Map<String, String> named = new HashMap<>(config);
        named.put("name", name);
        return named;
    }

    private static ConnectorTaskId task(String connector, int task) {
        return new ConnectorTaskId(connector, task);
    }

    private IdleTaskRunner latestRunner(ConnectorTaskId id) {
        List<IdleTaskRunner> started = runners.get(id);
        assertNotNull(started, "task " + id + " was never started");
        return started.get(started.size() - 1);
    }

    private LifecycleState connectorState(String connector) {
        return statusStore.get(connector).map(ConnectorStatus::state).orElse(null);
    }

    private LifecycleState taskState(ConnectorTaskId id) {
        return statusStore.get(id).map(TaskStatus::state).orElse(null);
    }

    private void awaitConnector(String connector, LifecycleState state) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).untilAsserted(() ->
            assertEquals(state, connectorState(connector), "state of connector " + connector));
    }

    private void awaitTask(ConnectorTaskId id, LifecycleState state) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).untilAsserted(() ->
            assertEquals(state, taskState(id), "state of task " + id));
    }

    /**
     * Waits until a reconfiguration request of {@code connector} has been handled: the control thread took it
     * (first barrier), the connector thread generated the configs (its own queue drains in order), and the control
     * thread compared them (second barrier).
     */
    private void awaitReconfigurationHandled(String connector) throws Exception {
        controlThreadBarrier();
        worker.connectorTaskConfigs(connector).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        controlThreadBarrier();
    }

    /** Completes once every request queued on the control thread before it has run. */
    private void controlThreadBarrier() {
        assertInstanceOf(NotFoundException.class, failure(herder.pauseConnector("barrier-" + UUID.randomUUID())),
            "the barrier request runs on the control thread and finds no such connector");
    }

    private void assertNothingStored(Control control) {
        assertTrue(herder.connectors().isEmpty(), "nothing may be stored: " + herder.connectors());
        assertTrue(statusStore.connectors().isEmpty(), "no status may be written: " + statusStore.connectors());
        assertTrue(worker.connectorNames().isEmpty(), "nothing may run: " + worker.connectorNames());
        assertEquals(0, control.starts.get(), "the connector may not be started");
    }

    private static <T> T done(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletableFuture<?> future) {
        ExecutionException error = assertThrows(ExecutionException.class,
            () -> future.get(WAIT.toSeconds(), TimeUnit.SECONDS), "the request was expected to fail");
        return error.getCause();
    }

    /** An offset reader with no offsets. */
    private static final class NoOffsets implements OffsetStorageReader {
        @Override
        public <T> Map<String, Object> offset(Map<String, T> partition) {
            return null;
        }

        @Override
        public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
            return Map.of();
        }
    }
}
