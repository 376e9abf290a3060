package org.apache.kafka.connect.file;

import java.util.Map;
import org.apache.kafka.common.utils.LogContext;
import org.slf4j.Logger;

/**
 * Creates loggers whose lines start with the connector's name and the plugin class, such as
 * {@code [my-file-source|FileStreamSourceTask] }, so that an operator can tell connectors apart.
 */
final class PluginLoggers {

    /** The connector configuration key that holds the connector's name. */
    private static final String CONNECTOR_NAME_CONFIG = "name";

    private PluginLoggers() {
    }

    /** A logger for {@code plugin}, before its configuration (and so its connector's name) is known. */
    static Logger unnamed(Class<?> plugin) {
        return forConnector(plugin, null);
    }

    /** A logger for {@code plugin} that names the connector given in {@code props}. */
    static Logger forConnector(Class<?> plugin, Map<String, String> props) {
        String connector = props == null ? null : props.get(CONNECTOR_NAME_CONFIG);
        String prefix = "[" + (connector == null || connector.isBlank() ? "unnamed" : connector)
            + "|" + plugin.getSimpleName() + "] ";
        return new LogContext(prefix).logger(plugin);
    }
}
