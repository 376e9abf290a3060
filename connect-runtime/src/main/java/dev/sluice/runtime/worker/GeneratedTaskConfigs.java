package dev.sluice.runtime.worker;

import dev.sluice.runtime.config.SinkConnectorConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Turns what {@code Connector.taskConfigs()} returned into the task configurations the herder stores:
 * each map gets {@code task.class}, and the connector's {@code topics} / {@code topics.regex} are copied in.
 */
public final class GeneratedTaskConfigs {

    /** The key naming the task class in a stored task configuration. */
    public static final String TASK_CLASS = "task.class";

    private GeneratedTaskConfigs() {
    }

    /**
     * The stored form of {@code generated}.
     *
     * @throws ConnectException if the connector returned null or a null map
     */
    public static List<Map<String, String>> complete(String connector, List<Map<String, String>> generated,
                                                     String taskClass, Map<String, String> connectorConfig) {
        if (generated == null) {
            throw new ConnectException("Connector " + connector + " returned null from taskConfigs(); it must return a list");
        }
        List<Map<String, String>> result = new ArrayList<>(generated.size());
        for (Map<String, String> config : generated) {
            if (config == null) {
                throw new ConnectException("Connector " + connector + " returned a null task configuration from taskConfigs()");
            }
            Map<String, String> completed = new HashMap<>(config);
            completed.put(TASK_CLASS, taskClass);
            copyIfPresent(connectorConfig, completed, SinkConnectorConfig.TOPICS);
            copyIfPresent(connectorConfig, completed, SinkConnectorConfig.TOPICS_REGEX);
            result.add(completed);
        }
        return result;
    }

    private static void copyIfPresent(Map<String, String> from, Map<String, String> to, String key) {
        if (from.containsKey(key)) {
            to.put(key, from.get(key));
        }
    }
}
