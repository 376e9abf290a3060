package dev.sluice.runtime.worker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code tasks.max} rule: more task configurations than {@code tasks.max} fail the connector (or the
 * task being started) when {@code tasks.max.enforce} is true, and are only logged as a warning when it is
 * false (the deprecated escape hatch).
 */
public final class TasksMax {

    private static final Logger log = LoggerFactory.getLogger(TasksMax.class);

    private TasksMax() {
    }

    /**
     * Checks {@code numTasks} against {@code maxTasks}.
     *
     * @throws TooManyTasksException if there are too many and {@code enforce} is true
     */
    public static void check(String connector, int numTasks, int maxTasks, boolean enforce) {
        if (numTasks <= maxTasks) {
            return;
        }
        if (enforce) {
            throw new TooManyTasksException(connector, numTasks, maxTasks);
        }
        log.warn("Connector {} has generated {} task configurations, more than its tasks.max of {}; they are used"
            + " because tasks.max.enforce is false. This is a bug of the connector: ask its maintainers to make"
            + " taskConfigs() respect maxTasks.", connector, numTasks, maxTasks);
    }
}
