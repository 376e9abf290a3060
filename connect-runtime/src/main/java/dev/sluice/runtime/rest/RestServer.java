package dev.sluice.runtime.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import dev.sluice.runtime.config.RestServerKeys;
import dev.sluice.runtime.config.WorkerConfig;
import dev.sluice.runtime.herder.Herder;
import dev.sluice.runtime.rest.errors.ErrorMapper;
import dev.sluice.runtime.rest.resources.ConnectorPluginsResource;
import dev.sluice.runtime.rest.resources.ConnectorsResource;
import dev.sluice.runtime.rest.resources.RootResource;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's REST API: Jetty 12 with Jersey 3 on every {@code listeners} entry, Apache's resources, JSON
 * bodies and error body. Built in two steps, as Apache's: {@link #bind()} opens the ports (so the worker id,
 * which is the advertised {@code host:port}, is known before the herder exists), then {@link #serve(Herder)}
 * installs the resources.
 */
public final class RestServer {

    private static final Logger log = LoggerFactory.getLogger(RestServer.class);

    private final WorkerConfig config;
    private final List<RestListener> listeners = new ArrayList<>();
    private final Server server = new Server();
    private final ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    private final List<ServerConnector> connectors = new ArrayList<>();

    /**
     * A server for the worker's {@code listeners}; nothing is bound yet.
     *
     * @throws ConfigException for a listener that cannot be used (e.g. https, which this version does not serve)
     */
    public RestServer(WorkerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        for (String listener : config.getList(RestServerKeys.LISTENERS)) {
            RestListener parsed = RestListener.parse(listener);
            if (parsed.protocol().equals("https")) {
                throw new ConfigException(RestServerKeys.LISTENERS, listener, "https listeners are not supported by"
                    + " this version of Sluice; use http, or put a TLS-terminating proxy in front of the worker");
            }
            listeners.add(parsed);
        }
        if (listeners.isEmpty()) {
            throw new ConfigException(RestServerKeys.LISTENERS, "", "At least one listener is required");
        }
        warnIfSet(RestServerKeys.REST_EXTENSION_CLASSES, config.getList(RestServerKeys.REST_EXTENSION_CLASSES));
        warnIfSet(RestServerKeys.ACCESS_CONTROL_ALLOW_ORIGIN, config.getString(RestServerKeys.ACCESS_CONTROL_ALLOW_ORIGIN));
        warnIfSet(RestServerKeys.RESPONSE_HTTP_HEADERS, config.getString(RestServerKeys.RESPONSE_HTTP_HEADERS));
        warnIfSet(RestServerKeys.ADMIN_LISTENERS, config.getList(RestServerKeys.ADMIN_LISTENERS));
    }

    /** Settings Apache's REST server honours and ours does not yet: accepted (Apache's files load), but said so. */
    private static void warnIfSet(String key, Object value) {
        boolean set = value instanceof List<?> list ? !list.isEmpty() : value != null && !value.toString().isBlank();
        if (set) {
            log.warn("Worker setting {}={} is not supported by this version of Sluice and has no effect;"
                + " see docs/rest-api.md", key, value);
        }
    }

    /**
     * Opens every listener's port; requests get 404 until {@link #serve(Herder)}.
     *
     * @throws ConnectException naming the listener if a port cannot be bound
     */
    public void bind() {
        for (RestListener listener : listeners) {
            ServerConnector connector = new ServerConnector(server);
            connector.setHost(listener.host());
            connector.setPort(listener.port());
            connector.setName(listener.protocol());
            server.addConnector(connector);
            connectors.add(connector);
        }
        CustomRequestLog requestLog = new CustomRequestLog(new Slf4jRequestLogWriter(),
            CustomRequestLog.EXTENDED_NCSA_FORMAT + " %{ms}T");
        server.setRequestLog(requestLog);
        server.setHandler(context);
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            throw new ConnectException("Cannot start the REST server on listeners " + config.getList(RestServerKeys.LISTENERS)
                + ": " + e.getMessage() + ". Is another process using the port? Change 'listeners' in the worker"
                + " properties.", e);
        }
        log.info("REST server listening at {}, advertised URL {}", boundUrls(), advertisedUrl());
    }

    /** Installs Apache's resources over {@code herder}. */
    public void serve(Herder herder) {
        HerderRequests requests = new HerderRequests(HerderRequests.DEFAULT_TIMEOUT);
        ResourceConfig resources = new ResourceConfig();
        resources.register(new JacksonJsonProvider(new ObjectMapper()));
        resources.register(new ErrorMapper());
        resources.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(herder).to(Herder.class);
                bind(requests).to(HerderRequests.class);
                bind(TopicTracking.of(config)).to(TopicTracking.class);
            }
        });
        resources.register(RootResource.class);
        resources.register(ConnectorsResource.class);
        resources.register(ConnectorPluginsResource.class);
        resources.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        ServletHolder servlet = new ServletHolder("rest", new ServletContainer(resources));
        context.addServlet(servlet, "/*");
        try {
            servlet.start();
            servlet.initialize();
        } catch (Exception e) {
            throw new ConnectException("Cannot start the REST resources: " + e.getMessage(), e);
        }
        log.info("REST resources installed");
    }

    /** The port the first listener is bound to (useful with port 0). */
    public int port() {
        return connectors.isEmpty() ? -1 : connectors.get(0).getLocalPort();
    }

    /**
     * The URL other workers and clients should use: {@code rest.advertised.listener}'s protocol (else the first
     * listener's), {@code rest.advertised.host.name} (else the listener's host, else this machine's name) and
     * {@code rest.advertised.port} (else the bound port).
     */
    public URI advertisedUrl() {
        RestListener first = listeners.get(0);
        String protocol = config.getString(RestServerKeys.ADVERTISED_LISTENER);
        String host = config.getString(RestServerKeys.ADVERTISED_HOST_NAME);
        Integer port = config.getInt(RestServerKeys.ADVERTISED_PORT);
        String scheme = protocol == null || protocol.isBlank() ? first.protocol() : protocol.toLowerCase(java.util.Locale.ROOT);
        String advertisedHost = host != null && !host.isBlank() ? host
            : first.host() != null ? first.host() : LocalHost.name();
        int advertisedPort = port != null ? port : port();
        String hostPart = advertisedHost.contains(":") ? "[" + advertisedHost + "]" : advertisedHost;
        return URI.create(scheme + "://" + hostPart + ":" + advertisedPort + "/");
    }

    /** Stops serving; requests in flight are given a moment to finish. */
    public void stop() {
        try {
            server.stop();
            log.info("REST server stopped");
        } catch (Exception e) {
            log.warn("Failed to stop the REST server cleanly", e);
        }
    }

    private List<String> boundUrls() {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < connectors.size(); i++) {
            RestListener listener = listeners.get(i);
            urls.add(listener.protocol() + "://" + (listener.host() == null ? "" : listener.host()) + ":"
                + connectors.get(i).getLocalPort());
        }
        return urls;
    }
}
