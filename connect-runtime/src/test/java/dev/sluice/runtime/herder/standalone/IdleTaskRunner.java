package dev.sluice.runtime.herder.standalone;

import dev.sluice.runtime.worker.TaskRunner;
import dev.sluice.runtime.worker.TaskSetup;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A task runner without a data path for the herder tests: it starts and stops the plugin task, idles in
 * short waits, and fails when the test asks it to. It keeps the {@link TaskSetup} it was built with, so a test
 * can see which configuration the worker handed to the task.
 */
final class IdleTaskRunner extends TaskRunner {

    final TaskSetup setup;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean failRequested;

    IdleTaskRunner(TaskSetup setup) {
        super(setup.id(), setup.loader(), setup.initialState(), setup.statusListener());
        this.setup = setup;
    }

    /** Makes the next iteration throw, so that the task is reported FAILED. */
    void failNow() {
        failRequested = true;
        wakeUp.release();
    }

    @Override
    protected void initializeAndStart() {
        setup.task().start(setup.taskConfig());
    }

    @Override
    protected void execute() throws InterruptedException {
        if (failRequested) {
            throw new IllegalStateException("task " + id() + " failed on request of the test");
        }
        wakeUp.tryAcquire(20, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void close() {
        setup.task().stop();
    }

    @Override
    protected void onStopRequested() {
        wakeUp.release();
    }
}
