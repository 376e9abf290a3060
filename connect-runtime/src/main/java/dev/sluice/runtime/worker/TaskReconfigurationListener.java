package dev.sluice.runtime.worker;

/**
 * The owner of a connector (its herder) learns through this that the connector called
 * {@code ConnectorContext.requestTaskReconfiguration()}. Called on whatever thread the plugin used; the
 * implementation should only queue the request for its own thread.
 */
@FunctionalInterface
public interface TaskReconfigurationListener {

    /** The connector asked for its task configurations to be generated again. */
    void onTaskReconfigurationRequested(String connector);
}
