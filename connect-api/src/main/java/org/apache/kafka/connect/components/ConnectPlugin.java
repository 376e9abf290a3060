package org.apache.kafka.connect.components;

import org.apache.kafka.common.config.ConfigDef;

/**
 * Common contract of Connect plugins that take configuration: they describe the configuration they
 * accept, so the worker can validate it and document it, and they report their version.
 */
public interface ConnectPlugin extends Versioned {

    /**
     * Returns the definition of the configuration this plugin accepts.
     *
     * @return the configuration definition
     */
    ConfigDef config();
}
