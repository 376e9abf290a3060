package dev.sluice.runtime.rest.resources;

import dev.sluice.runtime.herder.Herder;
import dev.sluice.runtime.rest.HerderRequests;
import dev.sluice.runtime.rest.entities.ServerInfo;
import dev.sluice.runtime.rest.entities.WorkerStatus;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.errors.ConnectException;

/** {@code GET /} (version and cluster id) and {@code GET /health}. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class RootResource {

    /** The Kafka Connect version this worker implements: what clients see in {@code GET /}. */
    public static final String COMPATIBLE_VERSION = "4.3.1";

    /** Apache's bound on the health check. */
    public static final Duration HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(10);

    private final Herder herder;
    private final HerderRequests requests;

    /** The root resource of {@code herder}'s worker. */
    @Inject
    public RootResource(Herder herder, HerderRequests requests) {
        this.herder = Objects.requireNonNull(herder, "herder");
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    /** The worker's version, the Kafka clients' commit and the Kafka cluster id. */
    @GET
    public ServerInfo serverInfo() {
        return new ServerInfo(COMPATIBLE_VERSION, AppInfoParser.getCommitId(), herder.kafkaClusterId());
    }

    /** 200 healthy, 503 while starting, 500 when the control thread does not answer within 10 s. */
    @GET
    @Path("health")
    public Response health() {
        if (!herder.isReady()) {
            return Response.status(503).entity(WorkerStatus.starting()).build();
        }
        try {
            requests.await(herder.healthCheck(), HEALTH_CHECK_TIMEOUT);
            return Response.ok(WorkerStatus.healthy()).build();
        } catch (ConnectException e) {
            return Response.status(500).entity(WorkerStatus.unhealthy(" " + e.getMessage())).build();
        }
    }
}
