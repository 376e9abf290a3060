package org.apache.kafka.connect.health;

import java.util.Objects;

/**
 * The state of one task of a connector, as reported to REST extensions.
 */
public class TaskState extends AbstractState {

    private final int taskId;

    /**
     * Creates a task state.
     *
     * @param taskId the task number within its connector
     * @param state the state name; must not be null or empty
     * @param workerId the worker running the task; must not be null or empty
     * @param traceMessage the error trace, or null
     */
    public TaskState(int taskId, String state, String workerId, String traceMessage) {
        super(state, workerId, traceMessage);
        this.taskId = taskId;
    }

    /** @return the task number within its connector */
    public int taskId() {
        return taskId;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!super.equals(o)) {
            return false;
        }
        return taskId == ((TaskState) o).taskId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), taskId);
    }

    @Override
    public String toString() {
        // Apache's text has no separator after taskId; kept byte for byte.
        return "TaskState{"
            + "taskId='" + taskId + '\''
            + "state='" + state() + '\''
            + ", traceMessage='" + traceMessage() + '\''
            + ", workerId='" + workerId() + '\''
            + '}';
    }
}
