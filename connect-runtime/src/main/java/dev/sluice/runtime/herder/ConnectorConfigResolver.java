package dev.sluice.runtime.herder;

import java.util.Map;

/**
 * Resolves the config provider references ({@code ${provider:path:key}}) in a stored connector or task
 * configuration just before it is handed to the worker, so that secrets never reach the config store or
 * the REST API.
 */
@FunctionalInterface
public interface ConnectorConfigResolver {

    /** A resolver that leaves configurations as they are. */
    ConnectorConfigResolver NONE = (connector, config) -> config;

    /**
     * The configuration with its references resolved; references that cannot be resolved stay as written.
     *
     * @param connector the connector the configuration belongs to, for messages
     */
    Map<String, String> resolve(String connector, Map<String, String> config);
}
