package dev.sluice.runtime.worker;

/**
 * Builds the concrete runner for a task (source or sink data path); how the source and sink runners plug
 * into the {@link Worker}. Called on the caller's thread of {@code Worker.startTask}; it must not start the
 * runner.
 */
@FunctionalInterface
public interface TaskRunnerFactory {

    /**
     * A runner for {@code setup}, not started.
     *
     * @throws RuntimeException if the runner cannot be built; the task is then reported FAILED with it
     */
    TaskRunner create(TaskSetup setup);
}
