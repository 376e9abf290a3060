package dev.sluice.runtime.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Accepts a positive number, or {@code -1} meaning "whatever the broker's default is": the rule for the
 * partition count and replication factor of topics that the worker or a connector creates.
 */
public final class PositiveOrBrokerDefault implements ConfigDef.Validator {

    private final String what;

    private PositiveOrBrokerDefault(String what) {
        this.what = what;
    }

    /** For partition counts. */
    public static PositiveOrBrokerDefault partitions() {
        return new PositiveOrBrokerDefault("a partition count");
    }

    /** For replication factors. */
    public static PositiveOrBrokerDefault replicationFactor() {
        return new PositiveOrBrokerDefault("a replication factor");
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (!(value instanceof Number number)) {
            throw new ConfigException(name, value, "Expected " + what + ": a positive number, or -1 for the broker's default");
        }
        long n = number.longValue();
        if (n < 1 && n != -1) {
            throw new ConfigException(name, value, "Must be " + what + " above zero, or -1 for the broker's default");
        }
    }

    @Override
    public String toString() {
        return "a positive number, or -1 for the broker's default";
    }
}
