package org.apache.kafka.connect.connector;

import java.util.Map;

/**
 * A unit of work of a connector. The worker creates tasks from the configurations that
 * {@link Connector#taskConfigs(int)} returns and runs each on its own thread. Implementations
 * extend {@link org.apache.kafka.connect.source.SourceTask} or {@link org.apache.kafka.connect.sink.SinkTask}.
 */
public interface Task {

    /**
     * Returns the version of this task, normally the same as its connector's.
     *
     * @return the version
     */
    String version();

    /**
     * Starts the task with the configuration its connector produced.
     *
     * @param props the task configuration
     */
    void start(Map<String, String> props);

    /**
     * Stops the task. Called from a thread other than the task's own, so implementations must be
     * prepared to be stopped while working.
     */
    void stop();
}
