package dev.sluice.runtime.rest.resources;

import dev.sluice.runtime.config.ConnectorConfig;
import dev.sluice.runtime.herder.Herder;
import dev.sluice.runtime.plugins.PluginDescriptor;
import dev.sluice.runtime.rest.HerderRequests;
import dev.sluice.runtime.rest.entities.ConfigInfosJson;
import dev.sluice.runtime.rest.entities.PluginInfoJson;
import dev.sluice.runtime.rest.errors.RestException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** {@code /connector-plugins}: the installed plugins, and validation of a connector configuration. */
@Path("/connector-plugins")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ConnectorPluginsResource {

    private static final String CONNECTOR_SUFFIX = "Connector";

    private final Herder herder;
    private final HerderRequests requests;

    /** The plugins of {@code herder}'s worker. */
    @Inject
    public ConnectorPluginsResource(Herder herder, HerderRequests requests) {
        this.herder = Objects.requireNonNull(herder, "herder");
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    /** The installed connectors or, with {@code connectorsOnly=false}, all listable plugins. */
    @GET
    public List<PluginInfoJson> listConnectorPlugins(
        @QueryParam("connectorsOnly") @DefaultValue("true") boolean connectorsOnly) {
        Set<PluginInfoJson> listed = new LinkedHashSet<>();
        for (PluginDescriptor plugin : herder.plugins(connectorsOnly)) {
            listed.add(new PluginInfoJson(plugin.className(), plugin.type().typeName(), plugin.version()));
        }
        return new ArrayList<>(listed);
    }

    /**
     * Validates a connector configuration; errors are in the body (200), not in the status. 400 if the body has no
     * {@code connector.class} or one that does not match {@code plugin}.
     */
    @PUT
    @Path("/{plugin}/config/validate")
    public ConfigInfosJson validateConfigs(@PathParam("plugin") String plugin, Map<String, String> config) {
        if (config == null) {
            throw RestException.badRequest("The request body is missing; send the connector configuration as a JSON object");
        }
        String connectorClass = config.get(ConnectorConfig.CONNECTOR_CLASS);
        if (connectorClass == null) {
            throw RestException.badRequest("The configuration has no '" + ConnectorConfig.CONNECTOR_CLASS
                + "'; set it to the connector's class name or alias");
        }
        if (!withoutSuffix(connectorClass).endsWith(withoutSuffix(plugin))) {
            throw RestException.badRequest("Included connector type " + connectorClass
                + " does not match request type " + plugin);
        }
        return ConfigInfosJson.of(requests.await(herder.validateConnectorConfig(config)));
    }

    private static String withoutSuffix(String name) {
        return name.endsWith(CONNECTOR_SUFFIX) ? name.substring(0, name.length() - CONNECTOR_SUFFIX.length()) : name;
    }
}
