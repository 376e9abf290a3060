package dev.sluice.runtime.storage;

import dev.sluice.runtime.worker.ConnectorStatus;
import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.TaskStatus;
import dev.sluice.runtime.worker.TopicStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The latest status of every connector and task: in memory for standalone workers, the compacted status
 * topic for distributed ones. Written from connector and task threads (through the herder's status
 * listener), read from any thread; implementations are thread-safe.
 */
public interface StatusStore {

    /** Loads what is stored and starts accepting writes. */
    void start();

    /** Stops accepting writes and releases resources. */
    void stop();

    /** Records the connector's latest status. */
    void put(ConnectorStatus status);

    /** Records the task's latest status. */
    void put(TaskStatus status);

    /** Forgets the connector's status (the connector was deleted); its tasks' statuses are kept. */
    void remove(String connector);

    /** Forgets the task's status (the task was deleted). */
    void remove(ConnectorTaskId id);

    /** The connector's latest status, if any. */
    Optional<ConnectorStatus> get(String connector);

    /** The task's latest status, if any. */
    Optional<TaskStatus> get(ConnectorTaskId id);

    /** The latest statuses of the connector's tasks, ordered by task number. */
    List<TaskStatus> tasks(String connector);

    /** The connectors that have a status, sorted. */
    Set<String> connectors();

    /** Records that a connector uses a topic; recording it again keeps the first record. */
    void put(TopicStatus status);

    /** The topics the connector has used, sorted by topic. */
    List<TopicStatus> topics(String connector);

    /** Forgets the topics the connector has used. */
    void removeTopics(String connector);
}
