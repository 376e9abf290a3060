package org.apache.kafka.connect.health;

/**
 * The state of a connector, as reported to REST extensions.
 */
public class ConnectorState extends AbstractState {

    /**
     * Creates a connector state.
     *
     * @param state the state name; must not be null or empty
     * @param workerId the worker running the connector; must not be null or empty
     * @param traceMessage the error trace, or null
     */
    public ConnectorState(String state, String workerId, String traceMessage) {
        super(state, workerId, traceMessage);
    }

    @Override
    public String toString() {
        return "ConnectorState{"
            + "state='" + state() + '\''
            + ", traceMessage='" + traceMessage() + '\''
            + ", workerId='" + workerId() + '\''
            + '}';
    }
}
