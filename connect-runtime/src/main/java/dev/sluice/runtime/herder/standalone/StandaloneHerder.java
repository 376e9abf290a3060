package dev.sluice.runtime.herder.standalone;

import static dev.sluice.runtime.herder.ControlThread.unwrap;

import dev.sluice.runtime.config.ConnectorConfig;
import dev.sluice.runtime.herder.ConfigValidation;
import dev.sluice.runtime.herder.ConnectorConfigResolver;
import dev.sluice.runtime.herder.ControlThread;
import dev.sluice.runtime.herder.ConnectorConfigValidator;
import dev.sluice.runtime.herder.ConnectorInfo;
import dev.sluice.runtime.herder.ConnectorStateInfo;
import dev.sluice.runtime.herder.Created;
import dev.sluice.runtime.herder.Herder;
import dev.sluice.runtime.herder.InvalidConnectorConfigException;
import dev.sluice.runtime.herder.RestartRequest;
import dev.sluice.runtime.herder.StatusStoreWriter;
import dev.sluice.runtime.herder.TaskConfigReferences;
import dev.sluice.runtime.herder.TaskInfo;
import dev.sluice.runtime.plugins.PluginDescriptor;
import dev.sluice.runtime.storage.ConfigSnapshot;
import dev.sluice.runtime.storage.ConfigStore;
import dev.sluice.runtime.storage.StatusStore;
import dev.sluice.runtime.worker.ConnectorStatus;
import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.LifecycleState;
import dev.sluice.runtime.worker.TargetState;
import dev.sluice.runtime.worker.TaskStatus;
import dev.sluice.runtime.worker.TopicStatus;
import dev.sluice.runtime.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.errors.AlreadyExistsException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.NotFoundException;
import org.apache.kafka.connect.health.ConnectorType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The herder of a standalone worker: every connector runs on this one worker, configurations and statuses
 * live in memory (connectors given on the command line or created through REST last as long as the process),
 * and source offsets go to the worker's offset store.
 *
 * <p>All changes happen on one control thread, {@code standalone-herder-control}; requests queue there and
 * are answered through futures. Plugin code never runs on it: the worker runs connectors and tasks on their
 * own threads, and configuration validation runs on {@code connector-validation-<n>} threads. What can
 * block the control thread is bounded: stopping connectors (5 s) and tasks
 * ({@code task.shutdown.graceful.timeout.ms}) before they are cancelled.
 */
public final class StandaloneHerder implements Herder {

    /**
     * The worker property (a Sluice extension, not one of Apache's keys) bounding how long a connector's
     * {@code start()} may take before the connector is reported FAILED.
     */
    public static final String START_TIMEOUT_CONFIG = "sluice.connector.start.timeout.ms";

    /** Default of {@link #START_TIMEOUT_CONFIG}. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(StandaloneHerder.class);

    private final Worker worker;
    private final String kafkaClusterId;
    private final ConfigStore configStore;
    private final StatusStore statusStore;
    private final StatusStoreWriter statuses;
    private final ConnectorConfigValidator validator;
    private final ConnectorConfigResolver resolver;
    private final Duration stopTimeout;
    private final Duration startTimeout;
    private final ControlThread control;
    private final ExecutorService validation;
    /**
     * Connectors whose configuration changed while they were not running, so that their tasks (kept, paused) must be
     * replaced when the connector next generates task configurations. Control thread only.
     */
    private final Set<String> outdatedTasks = new HashSet<>();
    private volatile boolean ready;

    /**
     * A herder over {@code worker}; nothing runs until {@link #start()}.
     *
     * @param worker         runs the connectors and tasks
     * @param workerId       this worker's id in statuses ({@code host:port} of its REST listener)
     * @param kafkaClusterId the Kafka cluster's id, or null if unknown
     * @param configStore    where connector and task configurations live
     * @param statusStore    where statuses live
     * @param validator      validates configurations before they are stored
     * @param resolver       resolves config provider references before configurations reach the worker
     * @param stopTimeout    how long {@link #stop()} waits for connectors and tasks before giving up on them
     */
    public StandaloneHerder(Worker worker, String workerId, String kafkaClusterId, ConfigStore configStore,
                            StatusStore statusStore, ConnectorConfigValidator validator,
                            ConnectorConfigResolver resolver, Duration stopTimeout) {
        this(worker, workerId, kafkaClusterId, configStore, statusStore, validator, resolver, stopTimeout,
            DEFAULT_START_TIMEOUT);
    }

    /**
     * A herder over {@code worker} whose connectors must finish {@code start()} within {@code startTimeout}, or
     * are reported FAILED; see {@link #StandaloneHerder(Worker, String, String, ConfigStore, StatusStore,
     * ConnectorConfigValidator, ConnectorConfigResolver, Duration)} for the other parameters.
     */
    public StandaloneHerder(Worker worker, String workerId, String kafkaClusterId, ConfigStore configStore,
                            StatusStore statusStore, ConnectorConfigValidator validator,
                            ConnectorConfigResolver resolver, Duration stopTimeout, Duration startTimeout) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.kafkaClusterId = kafkaClusterId;
        this.configStore = Objects.requireNonNull(configStore, "configStore");
        this.statusStore = Objects.requireNonNull(statusStore, "statusStore");
        this.statuses = new StatusStoreWriter(statusStore, workerId, () -> 0, worker::connectorVersion,
            worker::taskVersion);
        this.validator = Objects.requireNonNull(validator, "validator");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.stopTimeout = Objects.requireNonNull(stopTimeout, "stopTimeout");
        this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
        this.control = new ControlThread("standalone-herder-control");
        AtomicInteger validators = new AtomicInteger();
        this.validation = Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "connector-validation-" + validators.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void start() {
        configStore.start();
        statusStore.start();
        ready = true;
        log.info("Standalone herder started");
    }

    @Override
    public void stop() {
        if (!ready) {
            return;
        }
        ready = false;
        log.info("Standalone herder stopping: stopping every connector and task");
        CompletableFuture<Void> stopped = control.call("stop every connector and task", () -> {
            worker.stopAndAwaitTasks(worker.taskIds());
            worker.stopAndAwaitConnectors(worker.connectorNames());
            return null;
        });
        try {
            stopped.get(stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.error("Connectors and tasks did not stop within {} ms; stopping the worker anyway", stopTimeout.toMillis());
        } catch (ExecutionException e) {
            log.error("Stopping connectors and tasks failed; stopping the worker anyway", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while stopping connectors and tasks; stopping the worker anyway");
        }
        control.shutdownNow();
        validation.shutdownNow();
        worker.stop();
        statusStore.stop();
        configStore.stop();
        log.info("Standalone herder stopped");
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    @Override
    public CompletableFuture<Void> healthCheck() {
        return control.call("check health", () -> null);
    }

    @Override
    public List<PluginDescriptor> plugins(boolean connectorsOnly) {
        return validator.plugins(connectorsOnly);
    }

    @Override
    public String kafkaClusterId() {
        return kafkaClusterId;
    }

    @Override
    public SortedSet<String> connectors() {
        return configStore.snapshot().connectors();
    }

    @Override
    public CompletableFuture<ConnectorInfo> connectorInfo(String connector) {
        return read(connector, snapshot -> connectorInfo(snapshot, connector));
    }

    @Override
    public CompletableFuture<Map<String, String>> connectorConfig(String connector) {
        return read(connector, snapshot -> snapshot.connectorConfig(connector));
    }

    @Override
    public CompletableFuture<List<TaskInfo>> taskConfigs(String connector) {
        return read(connector, snapshot -> {
            List<TaskInfo> tasks = new ArrayList<>();
            for (ConnectorTaskId id : snapshot.tasks(connector)) {
                tasks.add(new TaskInfo(id, snapshot.taskConfig(id)));
            }
            return tasks;
        });
    }

    @Override
    public CompletableFuture<Created<ConnectorInfo>> putConnectorConfig(String connector, Map<String, String> config,
                                                                        TargetState initialState, boolean allowReplace) {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(config, "config");
        Map<String, String> named = new LinkedHashMap<>(config);
        String configuredName = named.putIfAbsent(ConnectorConfig.NAME, connector);
        if (configuredName != null && !configuredName.equals(connector)) {
            return CompletableFuture.failedFuture(new InvalidConnectorConfigException("Connector name configuration ("
                + configuredName + ") doesn't match connector name in the URL (" + connector + ")"));
        }
        return validateConnectorConfig(named).thenCompose(result -> {
            if (result.errorCount() > 0) {
                throw new InvalidConnectorConfigException(result.failureMessage(), result, null);
            }
            return control.compose("create or update connector " + connector,
                () -> applyConnectorConfig(connector, named, initialState, allowReplace));
        });
    }

    @Override
    public CompletableFuture<Void> deleteConnector(String connector) {
        return control.call("delete connector " + connector, () -> {
            ConfigSnapshot snapshot = requireConnector(connector);
            List<ConnectorTaskId> tasks = snapshot.tasks(connector);
            worker.stopAndAwaitTasks(worker.taskIds(connector));
            if (worker.connectorNames().contains(connector)) {
                worker.stopAndAwaitConnector(connector);
            }
            configStore.removeConnectorConfig(connector);
            outdatedTasks.remove(connector);
            tasks.forEach(statuses::onDeletion);
            statuses.onDeletion(connector);
            statusStore.removeTopics(connector);
            log.info("Deleted connector {}", connector);
            return null;
        });
    }

    @Override
    public Optional<ConnectorStateInfo> connectorStatus(String connector) {
        Optional<ConnectorStatus> status = statusStore.get(connector);
        if (status.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> config = configStore.snapshot().connectorConfig(connector);
        ConnectorType type = config == null ? ConnectorType.UNKNOWN
            : validator.connectorType(config.get(ConnectorConfig.CONNECTOR_CLASS));
        return Optional.of(new ConnectorStateInfo(connector, status.get(), statusStore.tasks(connector), type));
    }

    @Override
    public Optional<TaskStatus> taskStatus(ConnectorTaskId id) {
        return statusStore.get(id);
    }

    @Override
    public List<String> connectorActiveTopics(String connector) {
        return statusStore.topics(connector).stream().map(TopicStatus::topic).toList();
    }

    @Override
    public void resetConnectorActiveTopics(String connector) {
        statusStore.removeTopics(connector);
        log.info("Reset the active topics of connector {}", connector);
    }

    @Override
    public CompletableFuture<Void> restartConnector(String connector) {
        return control.compose("restart connector " + connector, () -> {
            requireConnector(connector);
            if (worker.connectorNames().contains(connector)) {
                worker.stopAndAwaitConnector(connector);
            }
            return startConnector(connector);
        });
    }

    @Override
    public CompletableFuture<Void> restartTask(ConnectorTaskId id) {
        return control.call("restart task " + id, () -> {
            ConfigSnapshot snapshot = requireConnector(id.connector());
            if (snapshot.taskConfig(id) == null) {
                throw new NotFoundException("Task " + id + " not found");
            }
            if (worker.taskIds().contains(id)) {
                worker.stopAndAwaitTask(id);
            }
            if (!startTask(snapshot, id)) {
                throw new ConnectException("Failed to start task " + id + "; its status has the cause");
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<ConnectorStateInfo> restartConnectorAndTasks(RestartRequest request) {
        String connector = request.connector();
        return control.call("restart connector " + connector + " and its tasks", () -> {
            ConfigSnapshot snapshot = requireConnector(connector);
            ConnectorStateInfo current = connectorStatus(connector).orElseThrow(() ->
                new NotFoundException("Status for connector " + connector + " not found"));
            boolean restartConnector = request.restartsConnector(current.connector().state() == LifecycleState.FAILED);
            Set<ConnectorTaskId> restartTasks = new TreeSet<>();
            for (ConnectorTaskId id : snapshot.tasks(connector)) {
                boolean failed = statusStore.get(id).map(s -> s.state() == LifecycleState.FAILED).orElse(false);
                if (request.restartsTask(failed)) {
                    restartTasks.add(id);
                }
            }
            ConnectorStateInfo planned = current.withRestarting(restartConnector, restartTasks);
            if (restartConnector && worker.connectorNames().contains(connector)) {
                worker.stopAndAwaitConnector(connector);
            }
            worker.stopAndAwaitTasks(restartTasks.stream().filter(worker.taskIds()::contains).toList());
            if (restartConnector) {
                statuses.onRestart(connector);
            }
            restartTasks.forEach(statuses::onRestart);
            if (restartConnector) {
                startConnector(connector).whenComplete((ignored, error) -> logFailure(error,
                    "Restarted connector {} failed to start", connector));
            }
            for (ConnectorTaskId id : restartTasks) {
                startTask(snapshot, id);
            }
            return planned;
        });
    }

    @Override
    public CompletableFuture<Void> pauseConnector(String connector) {
        return changeTargetState(connector, TargetState.PAUSED);
    }

    @Override
    public CompletableFuture<Void> resumeConnector(String connector) {
        return changeTargetState(connector, TargetState.STARTED);
    }

    @Override
    public CompletableFuture<Void> stopConnector(String connector) {
        return control.call("stop connector " + connector, () -> {
            ConfigSnapshot snapshot = requireConnector(connector);
            removeTasks(snapshot, connector);
            configStore.putTargetState(connector, TargetState.STOPPED);
            applyTargetState(connector, TargetState.STOPPED);
            return null;
        });
    }

    @Override
    public CompletableFuture<ConfigValidation> validateConnectorConfig(Map<String, String> config) {
        Map<String, String> copy = new HashMap<>(config);
        CompletableFuture<ConfigValidation> result = new CompletableFuture<>();
        try {
            validation.execute(() -> {
                try {
                    String owner = copy.getOrDefault(ConnectorConfig.NAME, "");
                    result.complete(validator.validate(resolver.resolve(owner, copy)));
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new ConnectException("The worker is shutting down; cannot validate", e));
        }
        return result;
    }

    // ---- control thread only below ----

    private CompletableFuture<Created<ConnectorInfo>> applyConnectorConfig(String connector, Map<String, String> config,
                                                                           TargetState initialState, boolean allowReplace) {
        ConfigSnapshot snapshot = configStore.snapshot();
        boolean exists = snapshot.contains(connector);
        if (exists && !allowReplace) {
            throw new AlreadyExistsException("Connector " + connector + " already exists");
        }
        if (exists) {
            log.info("Reconfiguring connector {}", connector);
            if (snapshot.targetState(connector) == TargetState.STARTED) {
                removeTasks(snapshot, connector);
            } else {
                // As Apache: a paused connector keeps its (paused) tasks; they are replaced when it resumes.
                outdatedTasks.add(connector);
            }
            if (worker.connectorNames().contains(connector)) {
                worker.stopAndAwaitConnector(connector);
            }
            configStore.putConnectorConfig(connector, config, null);
        } else {
            TargetState state = initialState == null ? TargetState.STARTED : initialState;
            log.info("Creating connector {} of class {} in target state {}", connector,
                config.get(ConnectorConfig.CONNECTOR_CLASS), state);
            configStore.putConnectorConfig(connector, config, state);
        }
        return startConnector(connector).thenApply(ignored -> {
            ConfigSnapshot current = configStore.snapshot();
            if (!current.contains(connector)) {
                throw new NotFoundException("Connector " + connector + " was deleted before it finished starting");
            }
            return new Created<>(!exists, connectorInfo(current, connector));
        });
    }

    /**
     * Starts the stored connector in its target state; once it is STARTED, generates and starts its tasks.
     * Completes when the connector reached its target state (tasks started), exceptionally if it failed.
     */
    private CompletableFuture<Void> startConnector(String connector) {
        ConfigSnapshot snapshot = configStore.snapshot();
        TargetState target = snapshot.targetState(connector);
        Map<String, String> resolved;
        try {
            resolved = resolver.resolve(connector, snapshot.connectorConfig(connector));
        } catch (RuntimeException e) {
            log.error("Cannot resolve the configuration of connector {}", connector, e);
            statuses.onFailure(connector, e);
            return CompletableFuture.failedFuture(e);
        }
        statuses.onAssigned(connector);
        CompletableFuture<TargetState> starting =
            worker.startConnector(connector, resolved, target, statuses, this::onTaskReconfigurationRequested);
        return starting.copy().orTimeout(startTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .exceptionally(error -> {
                if (unwrap(error) instanceof TimeoutException) {
                    throw startTimedOut(connector, starting);
                }
                throw new ConnectException("Connector " + connector + " failed to start: " + rootMessage(error),
                    unwrap(error));
            })
            .thenComposeAsync(state -> state == TargetState.STARTED
                ? updateTasks(connector) : CompletableFuture.completedFuture(null), control);
    }

    /**
     * A connector's {@code start()} has not returned within {@link #startTimeout}: it is reported FAILED with a trace
     * that says so (its thread is left running), and if it does finish starting later its tasks are started then.
     */
    private ConnectException startTimedOut(String connector, CompletableFuture<TargetState> starting) {
        ConnectException failure = new ConnectException("Connector " + connector + " did not finish starting within "
            + startTimeout.toMillis() + " ms (" + START_TIMEOUT_CONFIG + "); its start() is still running on thread "
            + "connector-thread-" + connector + ". Check what the connector waits for, then restart or delete it.");
        log.error("{}", failure.getMessage());
        statuses.onFailure(connector, failure);
        starting.whenCompleteAsync((state, error) -> {
            if (error == null && state == TargetState.STARTED && configStore.snapshot().contains(connector)) {
                log.info("Connector {} finished starting after its start timeout; starting its tasks", connector);
                updateTasks(connector);
            }
        }, control);
        return failure;
    }

    /** Asks a running connector for its task configurations and, if they changed, replaces its tasks. */
    private CompletableFuture<Void> updateTasks(String connector) {
        if (!worker.isRunning(connector)) {
            log.debug("Connector {} is not running; its tasks are not reconfigured", connector);
            return CompletableFuture.completedFuture(null);
        }
        return worker.connectorTaskConfigs(connector).handleAsync((generated, error) -> {
            if (error != null) {
                log.error("Cannot generate the task configurations of connector {}", connector, unwrap(error));
                return null;
            }
            ConfigSnapshot snapshot = configStore.snapshot();
            if (!snapshot.contains(connector) || snapshot.targetState(connector) == TargetState.STOPPED) {
                return null;
            }
            List<Map<String, String>> raw = TaskConfigReferences.restore(snapshot.connectorConfig(connector), generated);
            boolean outdated = outdatedTasks.remove(connector);
            if (!outdated && raw.equals(snapshot.taskConfigs(connector)) && worker.taskIds(connector).size() == raw.size()) {
                log.debug("Task configurations of connector {} are unchanged", connector);
                return null;
            }
            log.info("Connector {} has {} task configuration(s); replacing its tasks", connector, raw.size());
            removeTasks(snapshot, connector);
            configStore.putTaskConfigs(connector, raw);
            ConfigSnapshot updated = configStore.snapshot();
            for (ConnectorTaskId id : updated.tasks(connector)) {
                startTask(updated, id);
            }
            return null;
        }, control);
    }

    /** Stops the connector's tasks, forgets their configurations and statuses. */
    private void removeTasks(ConfigSnapshot snapshot, String connector) {
        worker.stopAndAwaitTasks(worker.taskIds(connector));
        List<ConnectorTaskId> tasks = snapshot.tasks(connector);
        if (!tasks.isEmpty()) {
            configStore.putTaskConfigs(connector, List.of());
            tasks.forEach(statuses::onDeletion);
        }
    }

    private boolean startTask(ConfigSnapshot snapshot, ConnectorTaskId id) {
        String connector = id.connector();
        Map<String, String> connectorConfig;
        Map<String, String> taskConfig;
        try {
            connectorConfig = resolver.resolve(connector, snapshot.connectorConfig(connector));
            taskConfig = resolver.resolve(connector, snapshot.taskConfig(id));
        } catch (RuntimeException e) {
            log.error("Cannot resolve the configuration of task {}", id, e);
            statuses.onFailure(id, e);
            return false;
        }
        return worker.startTask(id, connectorConfig, taskConfig, snapshot.taskConfigs(connector).size(),
            snapshot.targetState(connector), statuses);
    }

    private CompletableFuture<Void> changeTargetState(String connector, TargetState state) {
        return control.call("move connector " + connector + " to " + state, () -> {
            requireConnector(connector);
            configStore.putTargetState(connector, state);
            applyTargetState(connector, state);
            return null;
        });
    }

    /** Moves the worker's instances to {@code state}; does not wait for plugin code. */
    private void applyTargetState(String connector, TargetState state) {
        if (!worker.connectorNames().contains(connector)) {
            if (state == TargetState.STARTED) {
                startConnector(connector).whenComplete((ignored, error) -> logFailure(error,
                    "Connector {} failed to start when resumed", connector));
            }
            return;
        }
        worker.setTargetState(connector, state).whenCompleteAsync((reached, error) -> {
            if (error != null) {
                log.error("Connector {} could not move to target state {}", connector, state, unwrap(error));
            } else if (reached == TargetState.STARTED) {
                updateTasks(connector);
            }
        }, control);
    }

    private void onTaskReconfigurationRequested(String connector) {
        try {
            control.execute(() -> {
                if (configStore.snapshot().contains(connector)) {
                    updateTasks(connector);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Ignoring the task reconfiguration request of connector {}: the herder is stopping", connector);
        }
    }

    private ConfigSnapshot requireConnector(String connector) {
        ConfigSnapshot snapshot = configStore.snapshot();
        if (!snapshot.contains(connector)) {
            throw new NotFoundException("Connector " + connector + " not found");
        }
        return snapshot;
    }

    private ConnectorInfo connectorInfo(ConfigSnapshot snapshot, String connector) {
        Map<String, String> config = snapshot.connectorConfig(connector);
        return new ConnectorInfo(connector, config, snapshot.tasks(connector),
            validator.connectorType(config.get(ConnectorConfig.CONNECTOR_CLASS)));
    }

    private <T> CompletableFuture<T> read(String connector, java.util.function.Function<ConfigSnapshot, T> reader) {
        ConfigSnapshot snapshot = configStore.snapshot();
        if (!snapshot.contains(connector)) {
            return CompletableFuture.failedFuture(new NotFoundException("Connector " + connector + " not found"));
        }
        return CompletableFuture.completedFuture(reader.apply(snapshot));
    }

    private static void logFailure(Throwable error, String message, String connector) {
        if (error != null) {
            log.error(message, connector, unwrap(error));
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = unwrap(error);
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
    }
}
