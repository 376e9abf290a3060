package org.apache.kafka.connect.source;

import java.util.Map;
import org.apache.kafka.connect.connector.Connector;

/**
 * A connector that copies data from another system into Kafka; its tasks extend {@link SourceTask}.
 */
public abstract class SourceConnector extends Connector {

    /**
     * Creates a source connector.
     */
    public SourceConnector() {
    }

    /**
     * Returns the context, typed for source connectors.
     *
     * @return the context
     */
    @Override
    protected SourceConnectorContext context() {
        return (SourceConnectorContext) context;
    }

    /**
     * Says whether this connector can deliver exactly once with the given configuration. The
     * default returns null, meaning the connector does not say; the worker then only allows it
     * when exactly-once support is not required.
     *
     * @param connectorConfig the connector configuration being validated
     * @return the support, or null if unknown
     */
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return null;
    }

    /**
     * Says whether this connector can define its own transaction boundaries with the given
     * configuration. The default is {@link ConnectorTransactionBoundaries#UNSUPPORTED}.
     *
     * @param connectorConfig the connector configuration being validated
     * @return whether the connector defines transaction boundaries
     */
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
        return ConnectorTransactionBoundaries.UNSUPPORTED;
    }

    /**
     * Called when an operator changes the offsets of this connector through the REST API, so the
     * connector can reject offsets it cannot resume from. The default accepts nothing special and
     * returns false, meaning the worker changes the offsets without the connector's involvement.
     *
     * @param connectorConfig the connector's configuration
     * @param offsets the new offsets by source partition; a null value resets that partition
     * @return true if this connector has checked and accepted the change
     */
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        return false;
    }
}
