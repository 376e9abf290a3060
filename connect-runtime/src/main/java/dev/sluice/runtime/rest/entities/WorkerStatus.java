package dev.sluice.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /health}: {@code healthy}, {@code starting} or {@code unhealthy}, with Apache's messages.
 */
public record WorkerStatus(@JsonProperty("status") String status, @JsonProperty("message") String message) {

    /** The worker answers requests. */
    public static WorkerStatus healthy() {
        return new WorkerStatus("healthy", "Worker has completed startup and is ready to handle requests.");
    }

    /** The worker has not finished starting. */
    public static WorkerStatus starting() {
        return new WorkerStatus("starting", "Worker is still starting up.");
    }

    /** The worker's control thread did not answer in time. */
    public static WorkerStatus unhealthy(String detail) {
        return new WorkerStatus("unhealthy",
            "Worker was unable to handle this request and may be unable to handle other requests." + detail);
    }
}
