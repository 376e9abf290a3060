package org.apache.kafka.connect.sink;

import org.apache.kafka.connect.connector.ConnectorContext;

/**
 * The context of a {@link SinkConnector}; no additions to {@link ConnectorContext} so far.
 */
public interface SinkConnectorContext extends ConnectorContext {
}
