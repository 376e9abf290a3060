package org.apache.kafka.connect.health;

import java.util.Objects;

/**
 * The state of a connector or task as the REST extension API reports it: the state name, the
 * worker running it, and the trace of the error if it failed.
 */
public abstract class AbstractState {

    private final String state;
    private final String traceMessage;
    private final String workerId;

    /**
     * Creates a state.
     *
     * @param state the state name, e.g. {@code RUNNING}; must not be null or empty
     * @param workerId the id of the worker running the connector or task; must not be null or empty
     * @param traceMessage the error trace, or null
     * @throws IllegalArgumentException if the state or worker id is missing
     */
    public AbstractState(String state, String workerId, String traceMessage) {
        if (state == null || state.isEmpty()) {
            throw new IllegalArgumentException("State must not be null or empty");
        }
        if (workerId == null || workerId.isEmpty()) {
            throw new IllegalArgumentException("Worker ID must not be null or empty");
        }
        this.state = state;
        this.workerId = workerId;
        this.traceMessage = traceMessage;
    }

    /** @return the state name */
    public String state() {
        return state;
    }

    /** @return the id of the worker running the connector or task */
    public String workerId() {
        return workerId;
    }

    /** @return the error trace, or null if there was no error */
    public String traceMessage() {
        return traceMessage;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        AbstractState that = (AbstractState) o;
        return state.equals(that.state)
            && Objects.equals(traceMessage, that.traceMessage)
            && workerId.equals(that.workerId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, traceMessage, workerId);
    }
}
