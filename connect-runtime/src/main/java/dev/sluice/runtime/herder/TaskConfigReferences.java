package dev.sluice.runtime.herder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigTransformer;

/**
 * Apache's reverse transform of generated task configurations: a connector generates its task configurations
 * from its resolved configuration, but they are stored with the connector's config provider references
 * ({@code ${file:...}}) wherever the connector's raw value held one, so resolved secrets never reach the config
 * store or {@code GET /connectors/{name}/tasks}. Tasks get them resolved again when they start.
 */
public final class TaskConfigReferences {

    private TaskConfigReferences() {
    }

    /** {@code generated} with the values of the raw connector configuration's referencing keys restored. */
    public static List<Map<String, String>> restore(Map<String, String> rawConnectorConfig,
                                                    List<Map<String, String>> generated) {
        Map<String, String> references = new HashMap<>();
        rawConnectorConfig.forEach((key, value) -> {
            if (value != null && ConfigTransformer.DEFAULT_PATTERN.matcher(value).find()) {
                references.put(key, value);
            }
        });
        if (references.isEmpty()) {
            return generated;
        }
        List<Map<String, String>> raw = new ArrayList<>(generated.size());
        for (Map<String, String> config : generated) {
            Map<String, String> restored = new HashMap<>(config);
            references.forEach(restored::replace);
            raw.add(restored);
        }
        return raw;
    }
}
