package org.apache.kafka.connect.source;

import org.apache.kafka.connect.connector.ConnectorContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * The context of a {@link SourceConnector}: adds read access to the connector's committed offsets.
 */
public interface SourceConnectorContext extends ConnectorContext {

    /**
     * Returns a reader of the offsets committed for this connector.
     *
     * @return the offset reader
     */
    OffsetStorageReader offsetStorageReader();
}
