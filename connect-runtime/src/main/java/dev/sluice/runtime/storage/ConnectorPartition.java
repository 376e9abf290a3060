package dev.sluice.runtime.storage;

import java.util.Map;

/**
 * A decoded offset key: the connector that owns the offset and the source partition it is for.
 *
 * @param connector the connector name
 * @param partition the source partition, as read back from JSON (integers are {@code Long})
 */
public record ConnectorPartition(String connector, Map<String, Object> partition) {
}
