package dev.sluice.runtime.worker;

import dev.sluice.runtime.config.ConnectorConfig;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Supplies the offset reader that a source connector gets through
 * {@code SourceConnectorContext.offsetStorageReader()}. A reader that is also {@link AutoCloseable} is
 * closed when the connector instance shuts down.
 */
@FunctionalInterface
public interface OffsetReaderFactory {

    /** A reader of the offsets committed for the named source connector. */
    OffsetStorageReader readerFor(String connector, ConnectorConfig config);
}
