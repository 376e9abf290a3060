package org.apache.kafka.connect.transforms.predicates;

import org.apache.kafka.common.Configurable;
import org.apache.kafka.connect.components.ConnectPlugin;
import org.apache.kafka.connect.connector.ConnectRecord;

/**
 * A condition on records that decides whether a transformation applies to a record (the
 * {@code predicate} and {@code negate} properties of a transformation).
 *
 * @param <R> the record type, source or sink
 */
public interface Predicate<R extends ConnectRecord<R>> extends Configurable, AutoCloseable, ConnectPlugin {

    /**
     * Tests one record. Must not change the record.
     *
     * @param record the record
     * @return true if the condition holds for the record
     */
    boolean test(R record);

    /**
     * Returns the predicate's version; predicates that do not say report {@code "undefined"}, as Apache does.
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
