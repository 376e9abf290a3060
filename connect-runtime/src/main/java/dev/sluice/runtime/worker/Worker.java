package dev.sluice.runtime.worker;

import dev.sluice.runtime.config.ConnectorConfig;
import dev.sluice.runtime.config.WorkerConfig;
import dev.sluice.runtime.metrics.ConnectorMetrics;
import dev.sluice.runtime.metrics.PluginInfo;
import dev.sluice.runtime.metrics.TaskMetricGroups;
import dev.sluice.runtime.metrics.WorkerMetrics;
import dev.sluice.runtime.plugins.LoaderSwap;
import dev.sluice.runtime.plugins.PluginDescriptor;
import dev.sluice.runtime.plugins.Plugins;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the connector instances and tasks that run on this process: creates them with their plugin's
 * loader, starts them on their own threads, moves them between target states and stops them within
 * bounded time. It knows nothing of REST or herders: its owner calls it from one control thread and
 * passes in the listeners that receive status changes and reconfiguration requests.
 *
 * <p>It also keeps Apache's worker metrics in the given registry: {@code connect-worker-metrics} for itself, and
 * for each connector and task the groups that live exactly as long as they run here.
 */
public final class Worker {

    /** How long a batch of connectors may take to stop in total; a fixed 5 s, as in Apache. */
    public static final Duration CONNECTOR_GRACEFUL_SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    private final Plugins plugins;
    private final Metrics metrics;
    private final Duration taskShutdownTimeout;
    private final boolean topicTracking;
    private final OffsetReaderFactory offsetReaders;
    private final TaskRunnerFactory taskRunners;
    private final ConcurrentMap<String, ConnectorRunner> connectors = new ConcurrentHashMap<>();
    private final ConcurrentMap<ConnectorTaskId, RunningTask> tasks = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConnectorMetrics> connectorMetrics = new ConcurrentHashMap<>();
    private final WorkerMetrics workerMetrics;

    /** A task on this worker, with what the worker keeps for it. */
    private record RunningTask(TaskRunner runner, String version, PluginMetricsImpl pluginMetrics,
                               TaskMetricGroups metricGroups) {
    }

    /**
     * A worker without connectors or tasks.
     *
     * @param config        the worker configuration ({@code task.shutdown.graceful.timeout.ms})
     * @param plugins       the discovered plugins, to instantiate connectors and tasks
     * @param metrics       the registry of the worker's metrics and of the plugin metrics of connectors and tasks
     * @param offsetReaders supplies the offset readers of source connectors
     * @param taskRunners   builds the concrete (source or sink) runner of each task
     */
    public Worker(WorkerConfig config, Plugins plugins, Metrics metrics, OffsetReaderFactory offsetReaders,
                  TaskRunnerFactory taskRunners) {
        this.taskShutdownTimeout = Duration.ofMillis(config.taskShutdownTimeout());
        this.topicTracking = config.topicTrackingEnable();
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.offsetReaders = Objects.requireNonNull(offsetReaders, "offsetReaders");
        this.taskRunners = Objects.requireNonNull(taskRunners, "taskRunners");
        this.workerMetrics = new WorkerMetrics(metrics, connectors::size, tasks::size, this::taskStatesOf);
    }

    /**
     * Creates the connector of {@code connectorConfig} and starts it on its own thread in {@code initialState}.
     * If it cannot even be created (unknown class, invalid configuration) it is reported FAILED.
     *
     * @return completes with {@code initialState} once reached, exceptionally if creating or starting failed
     */
    public CompletableFuture<TargetState> startConnector(String name, Map<String, String> connectorConfig,
                                                         TargetState initialState,
                                                         ConnectorStatusListener statusListener,
                                                         TaskReconfigurationListener reconfigurations) {
        try (ConnectorMdc.Scope mdc = ConnectorMdc.enter(ConnectorMdc.forConnector(name))) {
            if (connectors.containsKey(name)) {
                return CompletableFuture.failedFuture(
                    new ConnectException("Connector " + name + " is already running on this worker"));
            }
            ConnectorRunner runner;
            try {
                runner = newConnectorRunner(name, connectorConfig, statusListener, reconfigurations);
            } catch (RuntimeException | LinkageError e) {
                log.error("Cannot create connector {}", name, e);
                workerMetrics.connectorStartupFailed();
                statusListener.onFailure(name, e);
                return CompletableFuture.failedFuture(e);
            }
            connectors.put(name, runner);
            workerMetrics.connectorStartupSucceeded();
            log.info("Starting connector {} ({}) in target state {}", name, connectorConfig.get(ConnectorConfig.CONNECTOR_CLASS),
                initialState);
            return runner.start(initialState);
        }
    }

    /** Asks the named connector for its task configurations; see {@link ConnectorRunner#taskConfigs()}. */
    public CompletableFuture<List<Map<String, String>>> connectorTaskConfigs(String connector) {
        ConnectorRunner runner = connectors.get(connector);
        if (runner == null) {
            return CompletableFuture.failedFuture(new ConnectException("Connector " + connector + " not found in this worker."));
        }
        return runner.taskConfigs();
    }

    /**
     * Moves the named connector (if it runs here) and its tasks on this worker to {@code state}.
     *
     * @return completes once the connector reached the state (at once if it does not run here)
     */
    public CompletableFuture<TargetState> setTargetState(String connector, TargetState state) {
        log.info("Moving connector {} and its tasks on this worker to target state {}", connector, state);
        for (Map.Entry<ConnectorTaskId, RunningTask> task : tasks.entrySet()) {
            if (task.getKey().connector().equals(connector)) {
                task.getValue().runner().transitionTo(state);
            }
        }
        ConnectorRunner runner = connectors.get(connector);
        return runner == null ? CompletableFuture.completedFuture(state) : runner.transitionTo(state);
    }

    /** Stops one connector and waits for it; see {@link #stopAndAwaitConnectors(Collection)}. */
    public void stopAndAwaitConnector(String connector) {
        stopAndAwaitConnectors(List.of(connector));
    }

    /**
     * Stops the given connectors all at once, then waits for them within one shared
     * {@link #CONNECTOR_GRACEFUL_SHUTDOWN_TIMEOUT}. Those still running afterwards are cancelled: reported
     * UNASSIGNED and abandoned to their threads. Connectors not on this worker are skipped with a warning.
     */
    public void stopAndAwaitConnectors(Collection<String> names) {
        List<String> present = new ArrayList<>();
        for (String name : names) {
            ConnectorRunner runner = connectors.get(name);
            if (runner == null) {
                log.warn("Connector {} does not run on this worker; nothing to stop", name);
                continue;
            }
            log.info("Stopping connector {}", name);
            runner.stop();
            present.add(name);
        }
        ShutdownBudget budget = ShutdownBudget.startingNow(CONNECTOR_GRACEFUL_SHUTDOWN_TIMEOUT);
        for (String name : present) {
            ConnectorRunner runner = connectors.remove(name);
            if (runner == null) {
                continue;
            }
            if (runner.awaitStop(budget.remaining())) {
                log.debug("Connector {} stopped gracefully", name);
            } else {
                log.error("Connector {} did not stop within {} ms and is abandoned: it may still hold external resources."
                    + " Fix or delete the connector; restarting this worker releases what it holds.", name,
                    budget.total().toMillis());
                runner.cancel();
            }
            closeConnectorMetrics(name);
        }
    }

    /**
     * Creates task {@code id} and starts it on its own thread. Failures to create it (task class,
     * configuration, {@code tasks.max} exceeded with {@code tasks.max.enforce}) are reported FAILED.
     *
     * @param connectorConfig the configuration of the task's connector
     * @param taskConfig      the task configuration, with {@code task.class}
     * @param taskCount       how many tasks the connector has now, checked against its {@code tasks.max}
     * @return whether the task was started
     * @throws ConnectException if the task already runs on this worker
     */
    public boolean startTask(ConnectorTaskId id, Map<String, String> connectorConfig, Map<String, String> taskConfig,
                             int taskCount, TargetState initialState, TaskStatusListener statusListener) {
        try (ConnectorMdc.Scope mdc = ConnectorMdc.enter(ConnectorMdc.forTask(id))) {
            if (tasks.containsKey(id)) {
                throw new ConnectException("Task " + id + " already runs on this worker");
            }
            log.info("Creating task {}", id);
            RunningTask task;
            try {
                task = newTask(id, connectorConfig, taskConfig, taskCount, initialState, statusListener);
            } catch (RuntimeException | LinkageError e) {
                log.error("Cannot start task {}", id, e);
                workerMetrics.taskStartupFailed();
                statusListener.onFailure(id, e);
                return false;
            }
            tasks.put(id, task);
            workerMetrics.taskAdded(id.connector());
            workerMetrics.taskStartupSucceeded();
            task.runner().start();
            return true;
        }
    }

    /** Stops one task and waits for it; see {@link #stopAndAwaitTasks(Collection)}. */
    public void stopAndAwaitTask(ConnectorTaskId id) {
        stopAndAwaitTasks(List.of(id));
    }

    /**
     * Stops the given tasks all at once, then waits for each with what remains of one shared
     * {@code task.shutdown.graceful.timeout.ms}. Tasks still running afterwards are cancelled (logged; their
     * threads are left to finish and report nothing more). Tasks not on this worker are skipped with a warning.
     */
    public void stopAndAwaitTasks(Collection<ConnectorTaskId> ids) {
        List<ConnectorTaskId> present = new ArrayList<>();
        for (ConnectorTaskId id : ids) {
            RunningTask task = tasks.get(id);
            if (task == null) {
                log.warn("Task {} does not run on this worker; nothing to stop", id);
                continue;
            }
            log.info("Stopping task {}", id);
            task.runner().stop();
            present.add(id);
        }
        ShutdownBudget budget = ShutdownBudget.startingNow(taskShutdownTimeout);
        for (ConnectorTaskId id : present) {
            RunningTask task = tasks.remove(id);
            if (task == null) {
                continue;
            }
            try {
                if (task.runner().awaitStop(budget.remaining())) {
                    log.debug("Task {} stopped gracefully", id);
                } else {
                    log.error("Task {} did not stop within {}={} ms; it is cancelled and its thread is left to finish on"
                        + " its own", id, WorkerConfig.TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS, budget.total().toMillis());
                    task.runner().cancel();
                }
            } finally {
                closePluginMetrics(id, task.pluginMetrics());
                closeTaskMetrics(id, task.metricGroups());
                workerMetrics.taskRemoved(id.connector());
            }
        }
    }

    /**
     * Stops whatever still runs here; the owner should have stopped everything before, so this is logged
     * as a warning when there is something left.
     */
    public void stop() {
        if (!connectors.isEmpty()) {
            log.warn("Stopping connectors {} at worker shutdown; their herder should have stopped them", connectorNames());
            stopAndAwaitConnectors(connectorNames());
        }
        if (!tasks.isEmpty()) {
            log.warn("Stopping tasks {} at worker shutdown; their herder should have stopped them", taskIds());
            stopAndAwaitTasks(taskIds());
        }
        workerMetrics.close();
    }

    /** The names of the connectors on this worker, sorted. */
    public Set<String> connectorNames() {
        return new TreeSet<>(connectors.keySet());
    }

    /** Whether the named connector runs on this worker and is started (not paused, stopped or failed). */
    public boolean isRunning(String connector) {
        ConnectorRunner runner = connectors.get(connector);
        return runner != null && runner.isRunning();
    }

    /** The tasks on this worker, sorted. */
    public Set<ConnectorTaskId> taskIds() {
        return new TreeSet<>(tasks.keySet());
    }

    /** The tasks of one connector on this worker, sorted. */
    public Set<ConnectorTaskId> taskIds(String connector) {
        return tasks.keySet().stream().filter(id -> id.connector().equals(connector))
            .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The plugin version of the named connector on this worker, or {@code null}. */
    public String connectorVersion(String connector) {
        ConnectorRunner runner = connectors.get(connector);
        return runner == null ? null : runner.version();
    }

    /** The plugin version of the task on this worker, or {@code null}. */
    public String taskVersion(ConnectorTaskId id) {
        RunningTask task = tasks.get(id);
        return task == null ? null : task.version();
    }

    private ConnectorRunner newConnectorRunner(String name, Map<String, String> props, ConnectorStatusListener statusListener,
                                               TaskReconfigurationListener reconfigurations) {
        String connectorClass = props.get(ConnectorConfig.CONNECTOR_CLASS);
        if (connectorClass == null) {
            throw new ConnectException("Connector config of " + name + " has no '" + ConnectorConfig.CONNECTOR_CLASS + "'");
        }
        ClassLoader loader = plugins.connectorLoader(connectorClass);
        ConnectorConfig config;
        try (LoaderSwap swap = LoaderSwap.to(loader)) {
            config = new ConnectorConfig(props, loader);
        }
        Connector connector = plugins.newConnector(connectorClass);
        OffsetStorageReader offsetReader = connector instanceof SourceConnector
            ? offsetReaders.readerFor(name, config) : null;
        ConnectorMetrics metered = new ConnectorMetrics(metrics, Time.SYSTEM, name, connectorType(connector),
            connector.getClass().getName(), () -> connectorVersion(name));
        try {
            PluginMetricsImpl pluginMetrics = new PluginMetricsImpl(metrics, connectorTags(name));
            ConnectorRunner runner = new ConnectorRunner(name, connector, config, props, loader,
                new MeteredConnectorStatusListener(statusListener, metered), reconfigurations, offsetReader,
                pluginMetrics);
            // A group left by an earlier instance was replaced when this one registered; closing it now would
            // remove the new metrics of the same names.
            connectorMetrics.put(name, metered);
            return runner;
        } catch (RuntimeException | LinkageError e) {
            metered.close();
            throw e;
        }
    }

    private RunningTask newTask(ConnectorTaskId id, Map<String, String> connectorProps, Map<String, String> taskProps,
                                int taskCount, TargetState initialState, TaskStatusListener statusListener) {
        String connectorClass = connectorProps.get(ConnectorConfig.CONNECTOR_CLASS);
        if (connectorClass == null) {
            throw new ConnectException("Connector config of task " + id + " has no '" + ConnectorConfig.CONNECTOR_CLASS + "'");
        }
        String taskClass = taskProps.get(GeneratedTaskConfigs.TASK_CLASS);
        if (taskClass == null) {
            throw new ConnectException("Task config of " + id + " has no '" + GeneratedTaskConfigs.TASK_CLASS + "'");
        }
        ClassLoader loader = plugins.connectorLoader(connectorClass);
        ConnectorConfig config;
        Task task;
        String version;
        try (LoaderSwap swap = LoaderSwap.to(loader)) {
            config = new ConnectorConfig(connectorProps, loader);
            TasksMax.check(id.connector(), taskCount, config.tasksMax(), config.enforceTasksMax());
            task = plugins.newPlugin(taskClass, Task.class, loader);
            version = task.version();
        }
        log.info("Created task {} of class {} (version {})", id, taskClass, version);
        TaskMetricGroups metricGroups = TaskMetricGroups.register(metrics, Time.SYSTEM, id.connector(), id.task(),
            task instanceof SourceTask ? "source" : "sink", connectorInfo(id.connector(), connectorClass),
            new PluginInfo(task.getClass().getName(), version != null ? version : PluginInfo.UNDEFINED_VERSION));
        PluginMetricsImpl pluginMetrics = new PluginMetricsImpl(metrics, taskTags(id));
        try {
            TaskRunner runner = taskRunners.create(new TaskSetup(id, task, config, taskProps, loader, initialState,
                new MeteredTaskStatusListener(statusListener, metricGroups.task(), topicTracking), pluginMetrics, metricGroups));
            return new RunningTask(runner, version, pluginMetrics, metricGroups);
        } catch (RuntimeException | LinkageError e) {
            closePluginMetrics(id, pluginMetrics);
            closeTaskMetrics(id, metricGroups);
            throw e;
        }
    }

    /** The lower-case states of the connector's tasks on this worker, for the per-connector task counts. */
    private List<String> taskStatesOf(String connector) {
        List<String> states = new ArrayList<>();
        tasks.forEach((id, task) -> {
            if (id.connector().equals(connector)) {
                states.add(task.metricGroups().task().status());
            }
        });
        return states;
    }

    /**
     * The class and version of a task's connector: the version its running instance reports if it runs here,
     * else the version discovered for its class.
     */
    private PluginInfo connectorInfo(String connector, String connectorClass) {
        String className = plugins.resolve(connectorClass, Connector.class, null).pluginClass().getName();
        String version = connectorVersion(connector);
        if (version == null) {
            version = plugins.descriptors().stream()
                .filter(descriptor -> descriptor.className().equals(className))
                .map(PluginDescriptor::version)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(PluginInfo.UNDEFINED_VERSION);
        }
        return new PluginInfo(className, version);
    }

    private static String connectorType(Connector connector) {
        if (connector instanceof SourceConnector) {
            return "source";
        }
        return connector instanceof SinkConnector ? "sink" : "unknown";
    }

    private void closeConnectorMetrics(String connector) {
        ConnectorMetrics metered = connectorMetrics.remove(connector);
        if (metered != null) {
            metered.close();
        }
    }

    private static void closeTaskMetrics(ConnectorTaskId id, TaskMetricGroups metricGroups) {
        try {
            metricGroups.close();
        } catch (RuntimeException e) {
            log.warn("Cannot remove the metrics of task {}", id, e);
        }
    }

    private static Map<String, String> connectorTags(String connector) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("connector", connector);
        return tags;
    }

    private static Map<String, String> taskTags(ConnectorTaskId id) {
        Map<String, String> tags = connectorTags(id.connector());
        tags.put("task", String.valueOf(id.task()));
        return tags;
    }

    private static void closePluginMetrics(ConnectorTaskId id, PluginMetricsImpl pluginMetrics) {
        try {
            pluginMetrics.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot remove the plugin metrics of task {}", id, e);
        }
    }
}
