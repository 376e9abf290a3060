package org.apache.kafka.connect.components;

/**
 * A plugin that can report the version of its implementation. The worker shows this version in
 * the REST API and in the logs, and uses it to choose between several installed versions.
 */
public interface Versioned {

    /**
     * Returns the version of this plugin implementation.
     *
     * @return the version, never meant to be null
     */
    String version();
}
