package org.apache.kafka.connect.health;

import java.util.Locale;

/**
 * The kind of a connector. Its string form is the lower-case name ({@code source}, {@code sink},
 * {@code unknown}), as used in the REST API.
 */
public enum ConnectorType {
    /** A connector that copies data from another system into Kafka. */
    SOURCE,
    /** A connector that copies data from Kafka into another system. */
    SINK,
    /** A connector whose kind could not be determined, e.g. because its plugin is missing. */
    UNKNOWN;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
