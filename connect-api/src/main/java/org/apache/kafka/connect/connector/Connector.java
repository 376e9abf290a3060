package org.apache.kafka.connect.connector;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.components.ConnectPlugin;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * A connector manages the copying of data between Kafka and another system: it validates its
 * configuration, splits the work into task configurations and watches the other system for changes
 * that need new tasks. The tasks do the copying. Implementations extend
 * {@link org.apache.kafka.connect.source.SourceConnector} or {@link org.apache.kafka.connect.sink.SinkConnector}.
 */
public abstract class Connector implements ConnectPlugin {

    /** The context the worker handed to {@link #initialize(ConnectorContext)}. */
    protected ConnectorContext context;

    /**
     * Creates a connector; the worker calls {@link #initialize(ConnectorContext)} before {@link #start(Map)}.
     */
    public Connector() {
    }

    /**
     * Gives the connector the context it runs in.
     *
     * @param ctx the context
     */
    public void initialize(ConnectorContext ctx) {
        this.context = ctx;
    }

    /**
     * Gives the connector the context it runs in, together with the task configurations it
     * generated before. The default implementation keeps only the context: a connector that wants
     * to resume from its previous task configurations overrides this method.
     *
     * @param ctx the context
     * @param taskConfigs the task configurations currently in use
     */
    public void initialize(ConnectorContext ctx, List<Map<String, String>> taskConfigs) {
        this.context = ctx;
    }

    /**
     * Returns the context this connector was initialized with.
     *
     * @return the context, or null before initialization
     */
    protected ConnectorContext context() {
        return context;
    }

    /**
     * Starts the connector with its configuration.
     *
     * @param props the connector configuration
     */
    public abstract void start(Map<String, String> props);

    /**
     * Applies a new configuration. The default implementation stops the connector and starts it
     * again with the new configuration; connectors that can change their configuration in place
     * may override it.
     *
     * @param props the new connector configuration
     */
    public void reconfigure(Map<String, String> props) {
        stop();
        start(props);
    }

    /**
     * Returns the task implementation this connector uses.
     *
     * @return the task class
     */
    public abstract Class<? extends Task> taskClass();

    /**
     * Produces the configurations of at most {@code maxTasks} tasks.
     *
     * @param maxTasks the largest number of tasks the worker will run
     * @return one configuration per task
     */
    public abstract List<Map<String, String>> taskConfigs(int maxTasks);

    /**
     * Stops the connector.
     */
    public abstract void stop();

    /**
     * Validates a connector configuration against {@link #config()} and reports, per
     * configuration key, the value, its errors and its recommended values. Connectors override this
     * to add checks that span several keys.
     *
     * @param connectorConfigs the configuration to validate
     * @return the validation result
     */
    public Config validate(Map<String, String> connectorConfigs) {
        ConfigDef configDef = config();
        if (configDef == null) {
            throw new ConnectException(getClass().getName() + ".config() must return a ConfigDef that is not null.");
        }
        List<ConfigValue> configValues = configDef.validate(connectorConfigs);
        return new Config(configValues);
    }

    /**
     * Returns the definition of this connector's configuration.
     *
     * @return the configuration definition; must not be null
     */
    @Override
    public abstract ConfigDef config();
}
