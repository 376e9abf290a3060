package dev.sluice.runtime.herder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The result of validating a connector configuration: every key definition that applies (framework keys,
 * transformation and predicate keys, the connector's own keys), every validated value, and the groups, in the
 * order {@code PUT /connector-plugins/{plugin}/config/validate} reports them.
 *
 * @param connectorClass the {@code connector.class} value as given
 * @param keys           the key definitions, framework keys first, then the connector's
 * @param values         the validated values; a value may have no definition (e.g. a client override verdict)
 * @param groups         the groups of the definitions, framework groups first
 */
public record ConfigValidation(String connectorClass, Map<String, ConfigDef.ConfigKey> keys, List<ConfigValue> values,
                               List<String> groups) {

    /**
     * One reported item: a definition with its value, or a value without a definition.
     *
     * @param definition the key's definition, or {@code null} for a value that has none
     * @param value      the key's validated value, or {@code null} if it was not validated
     */
    public record Entry(ConfigDef.ConfigKey definition, ConfigValue value) {
    }

    /** Copies the collections, keeping their order. */
    public ConfigValidation {
        Objects.requireNonNull(connectorClass, "connectorClass");
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        values = List.copyOf(values);
        groups = List.copyOf(groups);
    }

    /** How many error messages the reported values carry in total: Apache's {@code error_count}. */
    public int errorCount() {
        return errorMessages().size();
    }

    /** Every error message of the reported values, in {@link #entries()} order. */
    public List<String> errorMessages() {
        List<String> messages = new ArrayList<>();
        for (Entry entry : entries()) {
            if (entry.value() != null) {
                messages.addAll(entry.value().errorMessages());
            }
        }
        return messages;
    }

    /**
     * The reported items: first the values that have no definition, then every definition (in definition order)
     * with its value, if any. When a key was validated twice (framework and connector), the later value counts.
     */
    public List<Entry> entries() {
        Map<String, ConfigValue> byName = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (ConfigValue value : values) {
            byName.put(value.name(), value);
        }
        for (ConfigValue value : byName.values()) {
            if (!keys.containsKey(value.name())) {
                entries.add(new Entry(null, value));
            }
        }
        for (ConfigDef.ConfigKey key : keys.values()) {
            entries.add(new Entry(key, byName.get(key.name)));
        }
        return entries;
    }

    /** Each erroneous key with its errors, one line each: {@code <key>: <error>; <error>}. */
    public List<String> errorLines() {
        List<String> lines = new ArrayList<>();
        for (Entry entry : entries()) {
            ConfigValue value = entry.value();
            if (value != null && !value.errorMessages().isEmpty()) {
                lines.add(value.name() + ": " + String.join("; ", value.errorMessages()));
            }
        }
        return lines;
    }

    /**
     * The message with which a create or update is rejected, worded as Apache's: the error count, one line per
     * error message, and where to get the full validation.
     */
    public String failureMessage() {
        List<String> messages = errorMessages();
        return "Connector configuration is invalid and contains the following " + messages.size() + " error(s):\n"
            + String.join("\n", messages) + "\n"
            + "You can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`";
    }
}
