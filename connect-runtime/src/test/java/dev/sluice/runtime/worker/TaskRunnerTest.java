package dev.sluice.runtime.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final StatusRecorder statuses = new StatusRecorder("worker-1");
    private final URLClassLoader pluginLoader = new URLClassLoader("test-plugin", new URL[0], getClass().getClassLoader());
    private final List<ScriptedTaskRunner> runners = new CopyOnWriteArrayList<>();
    private final List<CountDownLatch> blockers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopRunners() throws Exception {
        blockers.forEach(CountDownLatch::countDown);
        for (ScriptedTaskRunner runner : runners) {
            runner.stop();
            runner.awaitStop(WAIT);
        }
        pluginLoader.close();
    }

    @Test
    void taskRunsPausesWithoutExecutingResumesAndStops() throws Exception {
        ConnectorTaskId id = new ConnectorTaskId("orders", 0);
        ScriptedTaskRunner runner = runner(id, TargetState.STARTED);
        runner.start();
        statuses.awaitTask(id, LifecycleState.RUNNING, WAIT);
        CountDownLatch executing = new CountDownLatch(1);
        runner.work.add(executing::countDown);
        assertTrue(executing.await(10, TimeUnit.SECONDS), "execute() runs while the task is started");

        runner.transitionTo(TargetState.PAUSED);
        statuses.awaitTask(id, LifecycleState.PAUSED, WAIT);
        CountDownLatch executedAfterPause = new CountDownLatch(1);
        runner.work.add(executedAfterPause::countDown);
        assertFalse(executedAfterPause.await(300, TimeUnit.MILLISECONDS), "execute() must not be called while paused");

        runner.transitionTo(TargetState.STARTED);
        statuses.awaitTask(id, LifecycleState.RUNNING, WAIT);
        assertTrue(executedAfterPause.await(10, TimeUnit.SECONDS), "execute() is called again once resumed");

        runner.stop();
        assertTrue(runner.awaitStop(WAIT), "the task thread finishes after stop()");
        assertEquals(List.of(LifecycleState.RUNNING, LifecycleState.PAUSED, LifecycleState.RUNNING, LifecycleState.UNASSIGNED),
            states(id));
        assertEquals("task-thread-orders-0", runner.observation("close").thread(), "close() runs on the task thread");
    }

    @Test
    void pluginCodeRunsOnTheNamedTaskThreadWithMdcAndThePluginLoader() throws Exception {
        ConnectorTaskId id = new ConnectorTaskId("orders", 3);
        ScriptedTaskRunner runner = runner(id, TargetState.STARTED);
        runner.start();
        statuses.awaitTask(id, LifecycleState.RUNNING, WAIT);
        CountDownLatch executed = new CountDownLatch(1);
        runner.work.add(executed::countDown);
        assertTrue(executed.await(10, TimeUnit.SECONDS));
        runner.stop();
        assertTrue(runner.awaitStop(WAIT));

        for (String step : List.of("start", "execute", "close")) {
            ScriptedTaskRunner.Observation seen = runner.observation(step);
            assertEquals("task-thread-orders-3", seen.thread(), step + " runs on the task's own thread");
            assertEquals("[orders|task-3] ", seen.mdc(), step + " sees the MDC connector.context of the task");
            assertSame(pluginLoader, seen.loader(), step + " sees the plugin's loader as context class loader");
        }
    }

    @Test
    void exceptionInExecuteFailsTheTaskWithItsStackTrace() throws Exception {
        ConnectorTaskId id = new ConnectorTaskId("broken", 1);
        ScriptedTaskRunner runner = runner(id, TargetState.STARTED);
        runner.onExecute = r -> {
            throw new IllegalStateException("poll exploded");
        };
        runner.start();

        TaskStatus failed = statuses.awaitTask(id, LifecycleState.FAILED, WAIT);
        assertTrue(failed.trace().startsWith("java.lang.IllegalStateException: poll exploded"), failed.trace());
        assertTrue(failed.trace().contains("\tat "), "the trace is a full stack trace");
        assertTrue(runner.awaitStop(WAIT), "a failed task's thread ends");
        runner.observation("close");
    }

    @Test
    void exceptionInStartFailsTheTaskAndExecuteNeverRuns() throws Exception {
        ConnectorTaskId id = new ConnectorTaskId("broken", 2);
        ScriptedTaskRunner runner = runner(id, TargetState.STARTED);
        runner.onStart = r -> {
            throw new IllegalArgumentException("bad task config");
        };
        runner.start();

        TaskStatus failed = statuses.awaitTask(id, LifecycleState.FAILED, WAIT);
        assertTrue(failed.trace().contains("bad task config"), failed.trace());
        assertTrue(runner.awaitStop(WAIT));
        assertEquals(0, runner.executions.get(), "execute() must not run after start() failed");
        assertEquals(List.of(LifecycleState.FAILED), states(id), "RUNNING is never reported");
        runner.observation("close");
    }

    @Test
    void exceptionAfterAStopRequestIsNotAFailure() throws Exception {
        ConnectorTaskId id = new ConnectorTaskId("late", 0);
        ScriptedTaskRunner runner = runner(id, TargetState.STARTED);
        CountDownLatch stopRequested = blocker();
        runner.onExecute = r -> {
            TestConnectors.awaitQuietly(stopRequested);
            throw new IllegalStateException("interrupted by stop");
        };
        runner.onStopRequested = stopRequested::countDown;
        runner.start();
        statuses.awaitTask(id, LifecycleState.RUNNING, WAIT);

        runner.stop();

        assertTrue(runner.awaitStop(WAIT));
        assertEquals(List.of(LifecycleState.RUNNING, LifecycleState.UNASSIGNED), states(id));
    }

    @Test
    void stopFromAnotherThreadUnblocksAnIterationBlockedInACall() throws Exception {
        ConnectorTaskId id = new ConnectorTaskId("blocked", 0);
        ScriptedTaskRunner runner = runner(id, TargetState.STARTED);
        CountDownLatch wakeUp = blocker();
        CountDownLatch blockedInPoll = new CountDownLatch(1);
        runner.onExecute = r -> {
            blockedInPoll.countDown();
            TestConnectors.awaitQuietly(wakeUp);
        };
        runner.onStopRequested = wakeUp::countDown;
        runner.start();
        assertTrue(blockedInPoll.await(10, TimeUnit.SECONDS));

        long before = System.nanoTime();
        runner.stop();
        assertTrue(runner.awaitStop(Duration.ofSeconds(5)), "stop() must unblock the blocked iteration");
        assertTrue(Duration.ofNanos(System.nanoTime() - before).toMillis() < 5000);

        assertEquals(Thread.currentThread().getName(), runner.observation("stopRequested").thread(),
            "the wake-up hook runs on the stopping thread");
        assertNotEquals(Thread.currentThread().getName(), runner.observation("close").thread());
        assertEquals("task-thread-blocked-0", runner.observation("close").thread(),
            "the plugin task is stopped in close(), on its own thread, as Apache 4.3.1 does");
        assertEquals(LifecycleState.UNASSIGNED, statuses.taskStatus(id).orElseThrow().state());
    }

    @Test
    void taskCreatedPausedReportsPausedAndStartsOnlyWhenResumed() throws Exception {
        ConnectorTaskId id = new ConnectorTaskId("born-paused", 0);
        ScriptedTaskRunner runner = runner(id, TargetState.PAUSED);
        runner.start();
        statuses.awaitTask(id, LifecycleState.PAUSED, WAIT);
        assertTrue(runner.observations.isEmpty(), "nothing of the task runs while it waits to be resumed");

        runner.transitionTo(TargetState.STARTED);
        statuses.awaitTask(id, LifecycleState.RUNNING, WAIT);
        runner.observation("start");
        assertEquals(List.of(LifecycleState.PAUSED, LifecycleState.RUNNING), states(id));
    }

    @Test
    void taskStoppedWhilePausedBeforeStartIsClosedWithoutStarting() throws Exception {
        ConnectorTaskId id = new ConnectorTaskId("never-started", 0);
        ScriptedTaskRunner runner = runner(id, TargetState.PAUSED);
        runner.start();
        statuses.awaitTask(id, LifecycleState.PAUSED, WAIT);

        runner.stop();

        assertTrue(runner.awaitStop(WAIT));
        assertEquals(java.util.Set.of("stopRequested", "close"),
            runner.observations.stream().map(ScriptedTaskRunner.Observation::step).collect(java.util.stream.Collectors.toSet()),
            "the task is closed but never started");
        assertEquals(List.of(LifecycleState.PAUSED, LifecycleState.UNASSIGNED), states(id));
    }

    @Test
    void cancelledTaskReportsNothingMore() throws Exception {
        ConnectorTaskId id = new ConnectorTaskId("stuck", 0);
        ScriptedTaskRunner runner = runner(id, TargetState.STARTED);
        CountDownLatch release = blocker();
        runner.onClose = r -> TestConnectors.awaitQuietly(release);
        runner.start();
        statuses.awaitTask(id, LifecycleState.RUNNING, WAIT);

        runner.stop();
        assertFalse(runner.awaitStop(Duration.ofMillis(200)), "close() of this task blocks");
        runner.cancel();
        release.countDown();

        assertTrue(runner.awaitStop(WAIT));
        assertTrue(runner.isCancelled());
        assertEquals(List.of(LifecycleState.RUNNING), states(id), "the abandoned task must not report its shutdown");
    }

    private ScriptedTaskRunner runner(ConnectorTaskId id, TargetState initial) {
        ScriptedTaskRunner runner = new ScriptedTaskRunner(id, pluginLoader, initial, statuses);
        runners.add(runner);
        return runner;
    }

    private CountDownLatch blocker() {
        CountDownLatch latch = new CountDownLatch(1);
        blockers.add(latch);
        return latch;
    }

    private List<LifecycleState> states(ConnectorTaskId id) {
        return statuses.taskHistory(id).stream().map(TaskStatus::state).toList();
    }
}
