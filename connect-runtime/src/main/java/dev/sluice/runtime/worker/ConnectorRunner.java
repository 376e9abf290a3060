package dev.sluice.runtime.worker;

import dev.sluice.runtime.config.ConnectorConfig;
import dev.sluice.runtime.config.SinkConnectorConfig;
import dev.sluice.runtime.plugins.LoaderSwap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connector instance on its own thread, {@code connector-thread-<name>}, so that plugin code
 * ({@code initialize}, {@code start}, {@code stop}, {@code taskConfigs}, {@code validate}) never runs on
 * the caller's (the herder's) thread. Requests are queued to that thread and answered with futures; the
 * thread runs with the connector's loader as context class loader and {@code [<name>|worker] } as MDC
 * logging context.
 *
 * <p>Target states follow Apache 4.3.1: PAUSED and STOPPED both stop the connector instance (PAUSED reports
 * PAUSED and keeps the tasks, STOPPED reports STOPPED); STARTED starts it again and reports RUNNING. A
 * failed connector can only be moved to STOPPED, and is not stopped again when it shuts down.
 */
public final class ConnectorRunner {

    /** Prefix of the connector thread's name, as Apache names it: {@code connector-thread-<name>}. */
    public static final String THREAD_NAME_PREFIX = "connector-thread-";

    private static final Logger log = LoggerFactory.getLogger(ConnectorRunner.class);

    /** Where the connector instance is in its life; written only on the connector thread. */
    private enum Phase { INIT, STARTED, PAUSED, STOPPED, FAILED }

    private final String name;
    private final Connector connector;
    private final ConnectorConfig config;
    private final Map<String, String> originals;
    private final ClassLoader loader;
    private final ConnectorStatusListener statusListener;
    private final WorkerConnectorContext context;
    private final ExecutorService thread;
    private final AtomicBoolean startRequested = new AtomicBoolean();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final Object reportLock = new Object();
    private boolean cancelled;
    private volatile Phase phase = Phase.INIT;
    private volatile String version;

    /**
     * A runner for {@code connector}; nothing runs until {@link #start(TargetState)}.
     *
     * @param originals        the connector configuration passed to {@code Connector.start}
     * @param offsetReader     the offset reader for a source connector; ignored (may be null) for a sink
     * @param pluginMetrics    the metrics the connector registers through its context; closed at shutdown
     */
    ConnectorRunner(String name, Connector connector, ConnectorConfig config, Map<String, String> originals,
                    ClassLoader loader, ConnectorStatusListener statusListener,
                    TaskReconfigurationListener reconfigurations, OffsetStorageReader offsetReader,
                    PluginMetricsImpl pluginMetrics) {
        this.name = Objects.requireNonNull(name, "name");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.config = Objects.requireNonNull(config, "config");
        this.originals = Map.copyOf(originals);
        this.loader = Objects.requireNonNull(loader, "loader");
        this.statusListener = Objects.requireNonNull(statusListener, "statusListener");
        Consumer<Throwable> failures = this::fail;
        this.context = connector instanceof SourceConnector && offsetReader != null
            ? WorkerConnectorContext.forSource(name, failures, reconfigurations, pluginMetrics, offsetReader)
            : WorkerConnectorContext.forSink(name, failures, reconfigurations, pluginMetrics);
        this.thread = Executors.newSingleThreadExecutor(this::newConnectorThread);
    }

    /** The connector's name. */
    public String name() {
        return name;
    }

    /** The loader of the connector's plugin; the context class loader of the connector thread. */
    public ClassLoader loader() {
        return loader;
    }

    /** The connector plugin's version, known once the instance is initialized; {@code null} before. */
    public String version() {
        return version;
    }

    /** Whether the connector is a sink connector. */
    public boolean isSink() {
        return connector instanceof SinkConnector;
    }

    /** Whether the connector instance is started (not paused, stopped, failed or shut down). */
    public boolean isRunning() {
        return phase == Phase.STARTED;
    }

    /**
     * Initializes the connector and moves it to {@code initialState}, on the connector thread. RUNNING is
     * reported when it starts, PAUSED or STOPPED when it begins in those states, FAILED on an error.
     *
     * @return completes with {@code initialState} once reached, or exceptionally if that failed
     */
    public CompletableFuture<TargetState> start(TargetState initialState) {
        Objects.requireNonNull(initialState, "initialState");
        if (!startRequested.compareAndSet(false, true)) {
            throw new IllegalStateException("Connector " + name + " has already been started");
        }
        return onConnectorThread("start", () -> {
            initialize();
            return moveTo(initialState);
        });
    }

    /**
     * Moves the connector to {@code target} on the connector thread; requests are applied in order.
     *
     * @return completes with {@code target} once reached, or exceptionally if the connector failed or cannot
     *     move there
     */
    public CompletableFuture<TargetState> transitionTo(TargetState target) {
        Objects.requireNonNull(target, "target");
        return onConnectorThread("change the state to " + target, () -> moveTo(target));
    }

    /**
     * Asks the started connector for its task configurations, with its {@code tasks.max}. The result has
     * {@code task.class} (and for sinks {@code topics}/{@code topics.regex}) added to each map. More
     * configurations than {@code tasks.max} fail the connector if {@code tasks.max.enforce} is true.
     *
     * @return the task configurations, or exceptionally a {@link TooManyTasksException}, the connector's
     *     own exception, or a {@link ConnectException} if the connector is not started
     */
    public CompletableFuture<List<Map<String, String>>> taskConfigs() {
        return onConnectorThread("generate task configurations", this::generateTaskConfigs);
    }

    /** Validates {@code connectorConfig} with the connector's own {@code validate}, on the connector thread. */
    public CompletableFuture<Config> validate(Map<String, String> connectorConfig) {
        Map<String, String> copy = Map.copyOf(connectorConfig);
        return onConnectorThread("validate a configuration", () -> {
            try (ConnectorMdc.Scope validation = ConnectorMdc.enter(ConnectorMdc.forValidation(name))) {
                return connector.validate(copy);
            }
        });
    }

    /**
     * Marks the connector FAILED with {@code cause} as its trace, on the connector thread; what
     * {@code ConnectorContext.raiseError} does. Ignored once shutdown has been scheduled.
     */
    public void fail(Throwable cause) {
        Objects.requireNonNull(cause, "cause");
        onConnectorThread("fail", () -> {
            markFailed(cause);
            return null;
        }).whenComplete((ignored, error) -> {
            if (error != null) {
                log.warn("Connector {} reported a failure that was not recorded: {}", name, error.getMessage(), cause);
            }
        });
    }

    /**
     * Schedules the shutdown: after the requests already queued, the connector is stopped (if started),
     * UNASSIGNED is reported and its context closed. Returns at once; see {@link #awaitStop(Duration)}.
     */
    public void stop() {
        if (!stopRequested.compareAndSet(false, true)) {
            return;
        }
        log.info("Scheduling shutdown of connector {}", name);
        try {
            thread.execute(this::shutdown);
        } finally {
            thread.shutdown();
        }
    }

    /** Waits up to {@code timeout} for the connector thread to finish after {@link #stop()}. */
    public boolean awaitStop(Duration timeout) {
        try {
            return thread.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Gives up on a connector that did not stop in time: UNASSIGNED is reported now, its context is closed
     * and whatever its thread does later is no longer reported. The thread is left to finish on its own.
     */
    public void cancel() {
        synchronized (reportLock) {
            if (!cancelled) {
                safely(() -> statusListener.onShutdown(name), "shutdown");
                cancelled = true;
            }
        }
        context.close();
    }

    @Override
    public String toString() {
        return "ConnectorRunner{" + name + "}";
    }

    private Thread newConnectorThread(Runnable work) {
        Thread connectorThread = new Thread(() -> {
            try (ConnectorMdc.Scope mdc = ConnectorMdc.enter(ConnectorMdc.forConnector(name));
                 LoaderSwap swap = LoaderSwap.to(loader)) {
                work.run();
            }
        }, THREAD_NAME_PREFIX + name);
        connectorThread.setUncaughtExceptionHandler((t, e) ->
            log.error("Connector thread {} of connector {} ended with an uncaught error", t.getName(), name, e));
        return connectorThread;
    }

    private <T> CompletableFuture<T> onConnectorThread(String request, Callable<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    result.complete(action.call());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new ConnectException("Cannot " + request + " for connector " + name
                + ": the connector has been scheduled for shutdown"));
        }
        return result;
    }

    private void initialize() {
        log.debug("Initializing connector {}", name);
        try {
            version = connector.version();
            if (connector instanceof SinkConnector) {
                SinkConnectorConfig.validate(originals);
            } else if (!(connector instanceof SourceConnector)) {
                throw new ConnectException("Connector " + name + " is a " + connector.getClass().getName()
                    + ", which extends neither SourceConnector nor SinkConnector; connector implementations must be a"
                    + " subclass of either SourceConnector or SinkConnector");
            } else if (!(context instanceof org.apache.kafka.connect.source.SourceConnectorContext)) {
                throw new ConnectException("Source connector " + name + " has no offset reader");
            }
            connector.initialize(context);
        } catch (Throwable t) {
            log.error("Connector {} cannot be initialized", name, t);
            markFailed(t);
        }
    }

    private TargetState moveTo(TargetState target) {
        log.debug("Moving connector {} from {} to target state {}", name, phase, target);
        if (phase == Phase.FAILED && target != TargetState.STOPPED) {
            throw new ConnectException("Connector " + name + " cannot move to " + target + " because it has failed");
        }
        try {
            switch (target) {
                case STARTED -> startOrResume();
                case PAUSED -> suspend(Phase.PAUSED);
                case STOPPED -> suspend(Phase.STOPPED);
                default -> throw new IllegalArgumentException("Unknown target state " + target);
            }
        } catch (Throwable t) {
            throw new ConnectException("Connector " + name + " could not move to target state " + target, t);
        }
        return target;
    }

    private void startOrResume() {
        if (phase == Phase.STARTED) {
            return;
        }
        boolean firstStart = phase == Phase.INIT;
        try {
            connector.start(originals);
        } catch (Throwable t) {
            log.error("Connector {} failed to start", name, t);
            markFailed(t);
            throw t;
        }
        phase = Phase.STARTED;
        if (firstStart) {
            report(() -> statusListener.onStartup(name), "startup");
        } else {
            report(() -> statusListener.onResume(name), "resume");
        }
    }

    private void suspend(Phase next) {
        if (phase == next) {
            return;
        }
        boolean pausing = next == Phase.PAUSED;
        try {
            if (phase == Phase.STARTED) {
                connector.stop();
            }
            phase = next;
        } catch (Throwable t) {
            log.error("Connector {} failed while {}", name, pausing ? "pausing" : "stopping", t);
            if (pausing) {
                markFailed(t);
                return;
            }
            phase = Phase.STOPPED;
        }
        if (pausing) {
            report(() -> statusListener.onPause(name), "pause");
        } else {
            report(() -> statusListener.onStop(name), "stop");
        }
    }

    private List<Map<String, String>> generateTaskConfigs() {
        if (phase != Phase.STARTED) {
            throw new ConnectException("Connector " + name + " is not running (it is " + phase
                + "), so it cannot generate task configurations");
        }
        int maxTasks = config.tasksMax();
        List<Map<String, String>> generated = connector.taskConfigs(maxTasks);
        int count = generated == null ? 0 : generated.size();
        try {
            TasksMax.check(name, count, maxTasks, config.enforceTasksMax());
        } catch (TooManyTasksException e) {
            markFailed(e);
            throw e;
        }
        return GeneratedTaskConfigs.complete(name, generated, connector.taskClass().getName(), originals);
    }

    private void shutdown() {
        try {
            if (phase == Phase.STARTED) {
                connector.stop();
            }
            phase = Phase.STOPPED;
            report(() -> statusListener.onShutdown(name), "shutdown");
            log.info("Connector {} has shut down", name);
        } catch (Throwable t) {
            log.error("Connector {} failed while shutting down", name, t);
            phase = Phase.FAILED;
            report(() -> statusListener.onFailure(name, t), "failure");
        } finally {
            context.close();
        }
    }

    private void markFailed(Throwable cause) {
        if (phase == Phase.FAILED) {
            return;
        }
        phase = Phase.FAILED;
        report(() -> statusListener.onFailure(name, cause), "failure");
    }

    private void report(Runnable event, String what) {
        synchronized (reportLock) {
            if (cancelled) {
                log.debug("Connector {} was cancelled; not reporting its {}", name, what);
                return;
            }
            safely(event, what);
        }
    }

    private void safely(Runnable event, String what) {
        try {
            event.run();
        } catch (RuntimeException e) {
            log.error("Cannot report the {} of connector {} to its status listener", what, name, e);
        }
    }
}
