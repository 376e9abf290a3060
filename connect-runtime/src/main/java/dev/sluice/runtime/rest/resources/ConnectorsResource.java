package dev.sluice.runtime.rest.resources;

import dev.sluice.runtime.config.ConnectorConfig;
import dev.sluice.runtime.herder.ConnectorInfo;
import dev.sluice.runtime.herder.ConnectorStateInfo;
import dev.sluice.runtime.herder.Created;
import dev.sluice.runtime.herder.Herder;
import dev.sluice.runtime.herder.RestartRequest;
import dev.sluice.runtime.rest.HerderRequests;
import dev.sluice.runtime.rest.TopicTracking;
import dev.sluice.runtime.rest.entities.ConnectorInfoJson;
import dev.sluice.runtime.rest.entities.ConnectorStateJson;
import dev.sluice.runtime.rest.entities.CreateConnectorRequest;
import dev.sluice.runtime.rest.entities.TaskInfoJson;
import dev.sluice.runtime.rest.errors.RestException;
import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.TargetState;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.errors.NotFoundException;

/** {@code /connectors}: create, list, inspect, reconfigure, pause, resume, stop, restart and delete connectors. */
@Path("/connectors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ConnectorsResource {

    private final Herder herder;
    private final HerderRequests requests;
    private final TopicTracking topicTracking;

    /** The connectors of {@code herder}'s worker. */
    @Inject
    public ConnectorsResource(Herder herder, HerderRequests requests, TopicTracking topicTracking) {
        this.herder = Objects.requireNonNull(herder, "herder");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.topicTracking = Objects.requireNonNull(topicTracking, "topicTracking");
    }

    /** The connector names, or with {@code expand=status} / {@code expand=info} a map of name to details. */
    @GET
    public Response listConnectors(@QueryParam("expand") List<String> expand) {
        boolean status = expand.contains("status");
        boolean info = expand.contains("info");
        if (!status && !info) {
            return Response.ok(List.copyOf(herder.connectors())).build();
        }
        Map<String, Map<String, Object>> expanded = new LinkedHashMap<>();
        for (String name : herder.connectors()) {
            Map<String, Object> details = new LinkedHashMap<>();
            try {
                if (status) {
                    herder.connectorStatus(name).ifPresent(s -> details.put("status", ConnectorStateJson.of(s)));
                }
                if (info) {
                    details.put("info", ConnectorInfoJson.of(requests.await(herder.connectorInfo(name))));
                }
            } catch (NotFoundException e) {
                continue; // deleted while we listed
            }
            expanded.put(name, details);
        }
        return Response.ok(expanded).build();
    }

    /** Creates a connector: 201 with its info, 409 if it exists, 400 if its configuration is invalid. */
    @POST
    public Response createConnector(CreateConnectorRequest request) {
        if (request == null) {
            throw RestException.badRequest("The request body is missing; send {\"name\": \"...\", \"config\": {...}}");
        }
        String name = request.name() == null ? "" : request.name().trim();
        if (request.config() == null) {
            throw RestException.badRequest("The request body has no 'config' object; send {\"name\": \"" + name
                + "\", \"config\": {\"connector.class\": \"...\", ...}}");
        }
        Map<String, String> config = withName(name, request.config());
        TargetState initialState = initialState(request.initialState());
        Created<ConnectorInfo> created = requests.await(herder.putConnectorConfig(name, config, initialState, false));
        return Response.created(location(name)).entity(ConnectorInfoJson.of(created.result())).build();
    }

    /** The connector's configuration, tasks and type. */
    @GET
    @Path("/{connector}")
    public ConnectorInfoJson getConnector(@PathParam("connector") String connector) {
        return ConnectorInfoJson.of(requests.await(herder.connectorInfo(connector)));
    }

    /** The connector's raw configuration. */
    @GET
    @Path("/{connector}/config")
    public Map<String, String> getConnectorConfig(@PathParam("connector") String connector) {
        return new java.util.TreeMap<>(requests.await(herder.connectorConfig(connector)));
    }

    /** Creates (201) or replaces (200) the connector's configuration. */
    @PUT
    @Path("/{connector}/config")
    public Response putConnectorConfig(@PathParam("connector") String connector, Map<String, String> config) {
        if (config == null) {
            throw RestException.badRequest("The request body is missing; send the connector configuration as a JSON object");
        }
        Created<ConnectorInfo> result = requests.await(herder.putConnectorConfig(connector, withName(connector, config),
            TargetState.STARTED, true));
        ConnectorInfoJson body = ConnectorInfoJson.of(result.result());
        return result.created() ? Response.created(location(connector)).entity(body).build() : Response.ok(body).build();
    }

    /** The connector's status and its tasks' statuses. */
    @GET
    @Path("/{connector}/status")
    public ConnectorStateJson getConnectorStatus(@PathParam("connector") String connector) {
        return herder.connectorStatus(connector).map(ConnectorStateJson::of)
            .orElseThrow(() -> new NotFoundException("No status found for connector " + connector));
    }

    /**
     * Restarts the connector: without flags its instance only (204, once restarted); with {@code includeTasks}
     * or {@code onlyFailed} what those select (202 with the statuses to be restarted shown as RESTARTING).
     */
    @POST
    @Path("/{connector}/restart")
    public Response restartConnector(@PathParam("connector") String connector,
                                     @QueryParam("includeTasks") @DefaultValue("false") boolean includeTasks,
                                     @QueryParam("onlyFailed") @DefaultValue("false") boolean onlyFailed) {
        if (!includeTasks && !onlyFailed) {
            requests.await(herder.restartConnector(connector));
            return Response.noContent().build();
        }
        ConnectorStateInfo planned = requests.await(
            herder.restartConnectorAndTasks(new RestartRequest(connector, onlyFailed, includeTasks)));
        return Response.accepted().entity(ConnectorStateJson.of(planned)).build();
    }

    /** Pauses the connector and its tasks: 202. */
    @PUT
    @Path("/{connector}/pause")
    public Response pauseConnector(@PathParam("connector") String connector) {
        requests.await(herder.pauseConnector(connector));
        return Response.accepted().build();
    }

    /** Resumes a paused or stopped connector: 202. */
    @PUT
    @Path("/{connector}/resume")
    public Response resumeConnector(@PathParam("connector") String connector) {
        requests.await(herder.resumeConnector(connector));
        return Response.accepted().build();
    }

    /** Stops the connector and removes its tasks: 204. */
    @PUT
    @Path("/{connector}/stop")
    public Response stopConnector(@PathParam("connector") String connector) {
        requests.await(herder.stopConnector(connector));
        return Response.noContent().build();
    }

    /** The connector's tasks with their configurations. */
    @GET
    @Path("/{connector}/tasks")
    public List<TaskInfoJson> getTaskConfigs(@PathParam("connector") String connector) {
        return requests.await(herder.taskConfigs(connector)).stream().map(TaskInfoJson::of).toList();
    }

    /** One task's status. */
    @GET
    @Path("/{connector}/tasks/{task}/status")
    public ConnectorStateJson.TaskState getTaskStatus(@PathParam("connector") String connector,
                                                      @PathParam("task") int task) {
        ConnectorTaskId id = taskId(connector, task);
        return herder.taskStatus(id).map(ConnectorStateJson.TaskState::of)
            .orElseThrow(() -> new NotFoundException("No status found for task " + id));
    }

    /** Restarts one task: 204 once restarted. */
    @POST
    @Path("/{connector}/tasks/{task}/restart")
    public Response restartTask(@PathParam("connector") String connector, @PathParam("task") int task) {
        requests.await(herder.restartTask(taskId(connector, task)));
        return Response.noContent().build();
    }

    /** The topics the connector has used: {@code {"<name>": {"topics": [...]}}}; 403 if tracking is disabled. */
    @GET
    @Path("/{connector}/topics")
    public Map<String, Map<String, List<String>>> getConnectorActiveTopics(@PathParam("connector") String connector) {
        if (!topicTracking.enabled()) {
            throw new RestException(403, "Topic tracking is disabled.");
        }
        return Map.of(connector, Map.of("topics", herder.connectorActiveTopics(connector)));
    }

    /** Forgets the topics the connector has used: 202; 403 if tracking or its reset is disabled. */
    @PUT
    @Path("/{connector}/topics/reset")
    public Response resetConnectorActiveTopics(@PathParam("connector") String connector) {
        if (!topicTracking.enabled()) {
            throw new RestException(403, "Topic tracking is disabled.");
        }
        if (!topicTracking.allowReset()) {
            throw new RestException(403, "Topic tracking reset is disabled.");
        }
        herder.resetConnectorActiveTopics(connector);
        return Response.accepted().build();
    }

    /** Deletes the connector: 204. */
    @DELETE
    @Path("/{connector}")
    public Response deleteConnector(@PathParam("connector") String connector) {
        requests.await(herder.deleteConnector(connector));
        return Response.noContent().build();
    }

    private static ConnectorTaskId taskId(String connector, int task) {
        if (task < 0) {
            throw new NotFoundException("Task " + connector + "-" + task + " not found");
        }
        return new ConnectorTaskId(connector, task);
    }

    private static Map<String, String> withName(String name, Map<String, String> config) {
        config.forEach((key, value) -> {
            if (key == null || key.isBlank() || value == null) {
                throw RestException.badRequest("Connector configuration key '" + key + "' has "
                    + (value == null ? "a null value" : "no name") + "; every key needs a name and a string value");
            }
        });
        Map<String, String> named = new LinkedHashMap<>(config);
        String configured = named.get(ConnectorConfig.NAME);
        if (configured != null && !configured.trim().equals(name)) {
            throw RestException.badRequest("Connector name configuration (" + configured
                + ") doesn't match connector name in the URL (" + name + ")");
        }
        named.put(ConnectorConfig.NAME, name);
        return named;
    }

    private static TargetState initialState(String value) {
        if (value == null) {
            return TargetState.STARTED;
        }
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "RUNNING" -> TargetState.STARTED;
            case "PAUSED" -> TargetState.PAUSED;
            case "STOPPED" -> TargetState.STOPPED;
            default -> throw RestException.badRequest("Invalid 'initial_state' '" + value
                + "'; use RUNNING, PAUSED or STOPPED");
        };
    }

    private static URI location(String name) {
        return UriBuilder.fromUri("/connectors").path(name).build();
    }
}
