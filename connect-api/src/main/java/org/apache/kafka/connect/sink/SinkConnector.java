package org.apache.kafka.connect.sink;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.connector.Connector;

/**
 * A connector that copies data from Kafka topics into another system; its tasks extend
 * {@link SinkTask}.
 */
public abstract class SinkConnector extends Connector {

    /** The configuration key listing the topics to consume. */
    public static final String TOPICS_CONFIG = "topics";

    /**
     * Creates a sink connector.
     */
    public SinkConnector() {
    }

    /**
     * Returns the context, typed for sink connectors.
     *
     * @return the context
     */
    @Override
    protected SinkConnectorContext context() {
        return (SinkConnectorContext) context;
    }

    /**
     * Called when an operator changes the committed offsets of this connector through the REST API,
     * so a connector that keeps offsets in the target system can change them as well. The default
     * does nothing and returns false, meaning the worker alone changes the consumer group offsets.
     *
     * @param connectorConfig the connector's configuration
     * @param offsets the new offsets; a null value means the offset is reset
     * @return true if this connector changed the offsets it keeps itself
     */
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<TopicPartition, Long> offsets) {
        return false;
    }
}
