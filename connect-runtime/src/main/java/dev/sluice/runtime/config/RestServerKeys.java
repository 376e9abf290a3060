package dev.sluice.runtime.config;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The worker keys of the REST server, shared by standalone and distributed mode: where it listens, what
 * address it advertises to other workers, CORS, extra response headers, REST extensions and the admin
 * listeners.
 */
public final class RestServerKeys {

    /** Key: the URLs the REST server binds. */
    public static final String LISTENERS = "listeners";
    /** Default of {@link #LISTENERS}. */
    public static final List<String> LISTENERS_DEFAULT = List.of("http://:8083");
    /** Key: the host name given to other workers. */
    public static final String ADVERTISED_HOST_NAME = "rest.advertised.host.name";
    /** Key: the port given to other workers. */
    public static final String ADVERTISED_PORT = "rest.advertised.port";
    /** Key: the protocol (http or https) given to other workers. */
    public static final String ADVERTISED_LISTENER = "rest.advertised.listener";
    /** Key: CORS allowed origins. */
    public static final String ACCESS_CONTROL_ALLOW_ORIGIN = "access.control.allow.origin";
    /** Key: CORS allowed methods. */
    public static final String ACCESS_CONTROL_ALLOW_METHODS = "access.control.allow.methods";
    /** Key: rules for headers added to every REST response. */
    public static final String RESPONSE_HTTP_HEADERS = "response.http.headers.config";
    /** Key: whether https listeners require or request client certificates. */
    public static final String SSL_CLIENT_AUTH = "ssl.client.auth";
    /** Key: REST extension classes to load. */
    public static final String REST_EXTENSION_CLASSES = "rest.extension.classes";
    /** Key: listeners for the admin endpoints; null means the main listeners, empty disables them. */
    public static final String ADMIN_LISTENERS = "admin.listeners";
    /** Prefix of SSL settings that apply only to https {@link #LISTENERS}. */
    public static final String LISTENERS_HTTPS_PREFIX = "listeners.https.";
    /** Prefix of SSL settings that apply only to https {@link #ADMIN_LISTENERS}. */
    public static final String ADMIN_LISTENERS_HTTPS_PREFIX = "admin.listeners.https.";

    private RestServerKeys() {
    }

    /** Adds the REST keys to {@code definition}, in Apache's order. */
    public static ConfigDef addTo(ConfigDef definition) {
        return definition
            .define(LISTENERS, Type.LIST, LISTENERS_DEFAULT, new ListenersValidator(), Importance.LOW,
                "Comma-separated URLs the REST API listens on, as protocol://host:port with protocol http or https."
                    + " An empty host binds all interfaces, e.g. http://:8083.")
            .define(ADVERTISED_HOST_NAME, Type.STRING, null, Importance.LOW,
                "Host name this worker tells other workers to use for reaching its REST API, if different from"
                    + " the one it binds.")
            .define(ADVERTISED_PORT, Type.INT, null, Importance.LOW,
                "Port this worker tells other workers to use for reaching its REST API, if different from the"
                    + " one it binds.")
            .define(ADVERTISED_LISTENER, Type.STRING, null, Importance.LOW,
                "Protocol (http or https) this worker tells other workers to use for reaching its REST API.")
            .define(ACCESS_CONTROL_ALLOW_ORIGIN, Type.STRING, "", Importance.LOW,
                "Value of the Access-Control-Allow-Origin header for cross-origin REST requests: * for any"
                    + " origin, or a comma-separated list of origins. Empty disables cross-origin access.")
            .define(ACCESS_CONTROL_ALLOW_METHODS, Type.STRING, "", Importance.LOW,
                "Value of the Access-Control-Allow-Methods header for cross-origin REST requests. Empty means"
                    + " the browser defaults (GET, POST, HEAD).")
            .define(RESPONSE_HTTP_HEADERS, Type.STRING, "", new ResponseHeaderRulesValidator(), Importance.LOW,
                "Rules for HTTP headers added to every REST response, e.g. 'set X-Frame-Options: DENY'.")
            .define(SSL_CLIENT_AUTH, Type.STRING, "none", ConfigDef.ValidString.in("required", "requested", "none"),
                Importance.LOW,
                "Whether https listeners require (required), ask for (requested) or ignore (none) client"
                    + " certificates.")
            .define(REST_EXTENSION_CLASSES, Type.LIST, "", ConfigDef.ValidList.anyNonDuplicateValues(true, false),
                Importance.LOW,
                "Comma-separated ConnectRestExtension classes to load, in order, when the REST server starts.")
            .define(ADMIN_LISTENERS, Type.LIST, null, ConfigDef.ValidList.anyNonDuplicateValues(true, true),
                Importance.LOW,
                "Comma-separated URLs for the admin REST endpoints (such as /admin/loggers). Unset serves them on"
                    + " the main listeners; an empty value disables them.");
    }
}
