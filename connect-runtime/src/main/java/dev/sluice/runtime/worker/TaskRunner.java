package dev.sluice.runtime.worker;

import dev.sluice.runtime.plugins.LoaderSwap;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task on its own thread, {@code task-thread-<connector>-<task>}: initialize and start the plugin
 * task, call {@link #execute()} until stopped (waiting, not spinning, while paused), then {@link #close()}.
 * The thread runs with the plugin's loader as context class loader and {@code [<connector>|task-<n>] } as
 * MDC logging context. Subclasses (the source and sink runners) supply the data path.
 *
 * <p>Lifecycle and reports follow Apache 4.3.1's worker tasks:
 * <ul>
 *   <li>RUNNING once started; PAUSED / RUNNING when paused and resumed; UNASSIGNED when it ends after a stop;
 *       FAILED with the stack trace when anything escapes {@code initializeAndStart} or {@code execute}
 *       before a stop was requested, or escapes {@code close} at any time.</li>
 *   <li>An exception after {@link #stop()} was requested is logged as a warning and the task still ends
 *       UNASSIGNED.</li>
 *   <li>A task created PAUSED reports PAUSED and is only started once resumed.</li>
 *   <li>{@link #stop()} only signals: the task thread finishes its current iteration and then calls
 *       {@link #close()}, where the plugin task's own {@code stop()} is called. Apache 4.3.1 likewise calls
 *       {@code SourceTask.stop()} / {@code SinkTask.stop()} on the task thread after the loop has ended, not
 *       on the stopping thread. To unblock an iteration that waits (a consumer poll, a wait for records),
 *       a subclass overrides {@link #onStopRequested()}, which runs on the stopping thread, as Apache's sink
 *       task wakes its consumer up.</li>
 *   <li>{@link #cancel()} abandons a task that did not stop in time: its thread is left to finish, and it
 *       reports nothing more.</li>
 * </ul>
 */
public abstract class TaskRunner {

    /** Prefix of the task thread's name, as Apache names it: {@code task-thread-<connector>-<task>}. */
    public static final String THREAD_NAME_PREFIX = "task-thread-";

    private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);

    private final ConnectorTaskId id;
    private final ClassLoader loader;
    private final TaskStatusListener statusListener;
    /** The topics this task has reported using (KIP-558); touched on the task thread only. */
    private final Set<String> activeTopics = new HashSet<>();
    private String lastActiveTopic;
    private final ReentrantLock stateLock = new ReentrantLock();
    private final Condition stateChanged = stateLock.newCondition();
    private final Object reportLock = new Object();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicBoolean launched = new AtomicBoolean();
    private volatile TargetState targetState;
    private volatile boolean stopping;
    private volatile boolean cancelled;

    /**
     * A runner for task {@code id}; its thread starts with {@link #start()}.
     *
     * @param loader         the plugin's loader: the task thread's context class loader
     * @param initialState   STARTED or PAUSED
     * @param statusListener receives the task's state changes
     */
    protected TaskRunner(ConnectorTaskId id, ClassLoader loader, TargetState initialState, TaskStatusListener statusListener) {
        this.id = Objects.requireNonNull(id, "id");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.targetState = Objects.requireNonNull(initialState, "initialState");
        this.statusListener = Objects.requireNonNull(statusListener, "statusListener");
    }

    /** The task this runner runs. */
    public final ConnectorTaskId id() {
        return id;
    }

    /** The plugin's loader, the task thread's context class loader. */
    public final ClassLoader loader() {
        return loader;
    }

    /** Starts the task thread. */
    public final void start() {
        if (!launched.compareAndSet(false, true)) {
            throw new IllegalStateException("Task " + id + " has already been started");
        }
        Thread thread = new Thread(this::run, THREAD_NAME_PREFIX + id);
        thread.setUncaughtExceptionHandler((t, e) ->
            log.error("Task thread {} of task {} ended with an uncaught error", t.getName(), id, e));
        thread.start();
    }

    /**
     * Moves the task to PAUSED or back to STARTED; the task thread applies it between iterations. STOPPED
     * is ignored: the tasks of a stopped connector are shut down by their herder, not by a target state.
     */
    public final void transitionTo(TargetState target) {
        Objects.requireNonNull(target, "target");
        if (target == TargetState.STOPPED) {
            log.debug("Task {} ignores target state STOPPED; it stays {} until it is stopped", id, targetState());
            return;
        }
        stateLock.lock();
        try {
            if (stopping) {
                log.debug("Task {} is stopping; ignoring target state {}", id, target);
                return;
            }
            targetState = target;
            stateChanged.signalAll();
        } finally {
            stateLock.unlock();
        }
        onTargetStateChanged(target);
    }

    /**
     * Asks the task to stop and returns at once: the task thread finishes its current iteration, closes the
     * task and reports UNASSIGNED. {@link #onStopRequested()} runs on this (the calling) thread.
     */
    public final void stop() {
        stateLock.lock();
        try {
            if (stopping) {
                return;
            }
            stopping = true;
            stateChanged.signalAll();
        } finally {
            stateLock.unlock();
        }
        try (LoaderSwap swap = LoaderSwap.to(loader)) {
            onStopRequested();
        } catch (RuntimeException e) {
            log.warn("Task {} could not be woken up for its stop; it stops after its current iteration", id, e);
        }
    }

    /** Waits up to {@code timeout} for the task thread to finish. */
    public final boolean awaitStop(Duration timeout) {
        try {
            return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Abandons the task: from now on it reports nothing, and the results of its thread, which is left to
     * finish on its own, are to be discarded. {@link #onCancelled()} runs on the calling thread.
     */
    public final void cancel() {
        synchronized (reportLock) {
            cancelled = true;
        }
        try (LoaderSwap swap = LoaderSwap.to(loader)) {
            onCancelled();
        } catch (RuntimeException e) {
            log.warn("Task {} could not release its resources on cancel", id, e);
        }
    }

    /** Whether a stop has been requested. */
    public final boolean isStopping() {
        return stopping;
    }

    /** Whether the task has been cancelled; a cancelled task's results must be discarded. */
    public final boolean isCancelled() {
        return cancelled;
    }

    /** Whether the target state is PAUSED. */
    public final boolean isPaused() {
        return targetState() == TargetState.PAUSED;
    }

    /** Initializes the plugin task with its context and starts it. Runs on the task thread. */
    protected abstract void initializeAndStart() throws Exception;

    /**
     * One iteration of the data path (poll and send, or consume and put). Called repeatedly on the task
     * thread while the task is neither paused nor stopping; it should return within a bounded time.
     */
    protected abstract void execute() throws Exception;

    /**
     * Stops the plugin task (if it was started) and releases the runner's resources. Always called once on
     * the task thread at the end, also after a failure or a stop before start.
     */
    protected abstract void close() throws Exception;

    /** Called on the stopping thread after a stop request; wakes up an iteration that waits. */
    protected void onStopRequested() {
    }

    /**
     * Called on the thread that changed the target state, after the change; wakes up an iteration that
     * would otherwise notice it only when it ends (a sink's consumer poll).
     */
    protected void onTargetStateChanged(TargetState target) {
    }

    /** Called on the cancelling thread; releases what must not wait for the abandoned thread. */
    protected void onCancelled() {
    }

    /** Called on the task thread when the task enters a pause, after PAUSED is reported. */
    protected void beforePausing() throws Exception {
    }

    /** Called on the task thread when the task leaves a pause, before RUNNING is reported. */
    protected void afterResuming() throws Exception {
    }

    /**
     * Called repeatedly on the task thread while paused. The default waits until the target state changes
     * or a stop is requested; a runner that must keep doing something while paused (a sink keeping its
     * consumer's group membership alive) overrides it and returns within a bounded time.
     */
    protected void whilePaused() throws Exception {
        awaitStateChange();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + id + "}";
    }

    private void run() {
        try (ConnectorMdc.Scope mdc = ConnectorMdc.enter(ConnectorMdc.forTask(id));
             LoaderSwap swap = LoaderSwap.to(loader)) {
            try {
                runLifecycle();
                report(() -> statusListener.onShutdown(id), "shutdown");
            } catch (Throwable t) {
                report(() -> statusListener.onFailure(id, t), "failure");
                if (t instanceof Error error) {
                    throw error;
                }
            }
        } finally {
            stopping = true;
            finished.countDown();
        }
    }

    private void runLifecycle() throws Exception {
        try {
            if (stopping) {
                return;
            }
            if (isPaused()) {
                report(() -> statusListener.onPause(id), "pause");
                if (!awaitUnpausedBeforeStart()) {
                    return;
                }
            }
            initializeAndStart();
            report(() -> statusListener.onStartup(id), "startup");
            while (!stopping) {
                if (isPaused()) {
                    pauseUntilResumedOrStopped();
                } else {
                    execute();
                }
            }
        } catch (Throwable t) {
            if (cancelled) {
                log.warn("Task {} was abandoned after a stop request and then threw; a newer instance of it may"
                    + " already be running", id, t);
            } else if (stopping) {
                log.warn("Task {} threw after a stop request; it stops anyway", id, t);
            } else {
                log.error("Task {} threw an uncaught exception and is FAILED; it will not recover until it is"
                    + " restarted", id, t);
                throw t;
            }
        } finally {
            closeTask();
        }
    }

    private boolean awaitUnpausedBeforeStart() throws InterruptedException {
        while (isPaused() && !stopping) {
            awaitStateChange();
        }
        return !stopping;
    }

    private void pauseUntilResumedOrStopped() throws Exception {
        report(() -> statusListener.onPause(id), "pause");
        beforePausing();
        while (isPaused() && !stopping) {
            whilePaused();
        }
        if (stopping) {
            return;
        }
        afterResuming();
        report(() -> statusListener.onResume(id), "resume");
    }

    /**
     * Reports that this task wrote to or read from {@code topic}, once per topic while the runner lives; for the
     * connector's active topics. Call on the task thread.
     */
    protected final void recordActiveTopic(String topic) {
        // Called per record: consecutive records usually share a topic, so skip the set lookup for those.
        if (topic.equals(lastActiveTopic)) {
            return;
        }
        lastActiveTopic = topic;
        if (activeTopics.add(topic)) {
            report(() -> statusListener.onTopicUsed(id, topic), "use of topic " + topic);
        }
    }

    private void closeTask() throws Exception {
        try {
            close();
        } catch (Throwable t) {
            log.error("Task {} threw while closing", id, t);
            throw t;
        }
    }

    private void awaitStateChange() throws InterruptedException {
        stateLock.lock();
        try {
            if (targetState == TargetState.PAUSED && !stopping) {
                stateChanged.await();
            }
        } finally {
            stateLock.unlock();
        }
    }

    private TargetState targetState() {
        return targetState;
    }

    private void report(Runnable event, String what) {
        synchronized (reportLock) {
            if (cancelled) {
                log.debug("Task {} was cancelled; not reporting its {}", id, what);
                return;
            }
            try {
                event.run();
            } catch (RuntimeException e) {
                log.error("Cannot report the {} of task {} to its status listener", what, id, e);
            }
        }
    }
}
