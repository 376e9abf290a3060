package dev.sluice.runtime.worker;

import dev.sluice.runtime.config.ConnectorConfig;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * A connector generated more task configurations than its {@code tasks.max} while
 * {@code tasks.max.enforce} is true. The message is Apache's, since it reaches users in the status trace.
 */
public class TooManyTasksException extends ConnectException {

    private static final long serialVersionUID = 1L;

    /** The connector {@code connector} generated {@code numTasks} task configurations, more than {@code maxTasks}. */
    public TooManyTasksException(String connector, int numTasks, int maxTasks) {
        super(String.format("The connector %s has generated %d tasks, which is greater than %d, the maximum number of"
            + " tasks it is configured to create. This behaviour should be considered a bug and is disallowed. If"
            + " necessary, it can be permitted by reconfiguring the connector with '%s' set to false; however, this"
            + " option will be removed in a future release of Kafka Connect.",
            connector, numTasks, maxTasks, ConnectorConfig.TASKS_MAX_ENFORCE));
    }
}
