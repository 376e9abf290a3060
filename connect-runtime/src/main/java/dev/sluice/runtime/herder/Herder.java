package dev.sluice.runtime.herder;

import dev.sluice.runtime.plugins.PluginDescriptor;
import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.TargetState;
import dev.sluice.runtime.worker.TaskStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;

/**
 * The control plane of one worker: what the REST API and the command line ask for. Standalone and
 * distributed workers implement it. Changes are applied on the herder's own control thread; each method that
 * changes something returns at once with a future of its outcome. Reads answer from the latest config
 * snapshot and status store without waiting for the control thread, so a busy or stuck plugin never delays
 * them.
 *
 * <p>Failures complete the futures exceptionally with: {@link org.apache.kafka.connect.errors.NotFoundException}
 * for an unknown connector or task, {@link org.apache.kafka.connect.errors.AlreadyExistsException} when creating a
 * connector that exists, {@link InvalidConnectorConfigException} for a configuration that fails validation, and
 * {@link org.apache.kafka.connect.errors.ConnectException} for anything else.
 */
public interface Herder {

    /** Starts the control thread and the stores; the herder accepts requests afterwards. */
    void start();

    /** Stops every connector and task on this worker, then the control thread. */
    void stop();

    /** Whether the herder has started and is not stopping: what {@code GET /health} reports. */
    boolean isReady();

    /**
     * Completes once the control thread has run a no-op request: what {@code GET /health} checks, so that a stuck
     * control thread shows as unhealthy.
     */
    CompletableFuture<Void> healthCheck();

    /**
     * The installed plugins that {@code GET /connector-plugins} lists, in Apache's order: sink and source
     * connectors, then (unless {@code connectorsOnly}) transformations, predicates, converters and header converters,
     * each sorted by class name.
     */
    List<PluginDescriptor> plugins(boolean connectorsOnly);

    /** The id of the Kafka cluster the worker uses, or {@code null} if unknown. */
    String kafkaClusterId();

    /** The configured connectors, sorted. */
    SortedSet<String> connectors();

    /** The connector's configuration, tasks and type; fails with NotFoundException if it does not exist. */
    CompletableFuture<ConnectorInfo> connectorInfo(String connector);

    /** The connector's raw configuration; fails with NotFoundException if it does not exist. */
    CompletableFuture<Map<String, String>> connectorConfig(String connector);

    /** The connector's tasks and their raw configurations; fails with NotFoundException if it does not exist. */
    CompletableFuture<List<TaskInfo>> taskConfigs(String connector);

    /**
     * Creates or updates a connector. The configuration is validated first (plugin code, off the control
     * thread); an existing connector is stopped with its tasks and started again with the new configuration.
     *
     * @param initialState  the target state of a new connector; ignored for an update (which keeps its state)
     * @param allowReplace  false to fail with AlreadyExistsException if the connector exists
     * @return completes once the connector reached its target state and its tasks were started
     */
    CompletableFuture<Created<ConnectorInfo>> putConnectorConfig(String connector, Map<String, String> config,
                                                                 TargetState initialState, boolean allowReplace);

    /** Stops and removes a connector and its tasks; fails with NotFoundException if it does not exist. */
    CompletableFuture<Void> deleteConnector(String connector);

    /** The connector's status and its tasks' statuses, or empty if no status is known. */
    Optional<ConnectorStateInfo> connectorStatus(String connector);

    /** The task's status, or empty if no status is known. */
    Optional<TaskStatus> taskStatus(ConnectorTaskId id);

    /** The topics the connector has used (KIP-558), sorted; empty for an unknown connector. */
    List<String> connectorActiveTopics(String connector);

    /** Forgets the topics the connector has used. */
    void resetConnectorActiveTopics(String connector);

    /** Restarts the connector instance (not its tasks); completes once it is started again. */
    CompletableFuture<Void> restartConnector(String connector);

    /** Restarts one task; completes once it is started again. */
    CompletableFuture<Void> restartTask(ConnectorTaskId id);

    /**
     * Restarts what {@code request} selects; completes once the restarts are under way, with the statuses in
     * which the selected instances show as RESTARTING.
     */
    CompletableFuture<ConnectorStateInfo> restartConnectorAndTasks(RestartRequest request);

    /** Pauses the connector and its tasks (target state PAUSED). */
    CompletableFuture<Void> pauseConnector(String connector);

    /** Resumes a paused or stopped connector (target state STARTED). */
    CompletableFuture<Void> resumeConnector(String connector);

    /** Stops the connector and removes its tasks (target state STOPPED). */
    CompletableFuture<Void> stopConnector(String connector);

    /**
     * Validates a connector configuration without storing anything (plugin code, off the control thread).
     *
     * @throws InvalidConnectorConfigException (in the future) if there is no or an unknown connector class
     */
    CompletableFuture<ConfigValidation> validateConnectorConfig(Map<String, String> config);
}
