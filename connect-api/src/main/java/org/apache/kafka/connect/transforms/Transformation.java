package org.apache.kafka.connect.transforms;

import java.io.Closeable;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.connect.components.ConnectPlugin;
import org.apache.kafka.connect.connector.ConnectRecord;

/**
 * A single message transformation: changes, replaces or drops one record at a time, between a
 * connector and its converters. Listed in a connector's {@code transforms} configuration.
 *
 * @param <R> the record type, source or sink
 */
public interface Transformation<R extends ConnectRecord<R>> extends Configurable, Closeable, ConnectPlugin {

    /**
     * Transforms one record. Must not mutate the given record other than its headers; produce a
     * changed copy with {@link ConnectRecord#newRecord} instead.
     *
     * @param record the record
     * @return the transformed record, or null to drop it
     */
    R apply(R record);

    /**
     * Returns the transformation's version; transformations that do not say report
     * {@code "undefined"}, as Apache does.
     *
     * @return the version
     */
    @Override
    default String version() {
        return "undefined";
    }

    /**
     * Releases resources when the connector stops.
     */
    @Override
    void close();
}
