package dev.sluice.runtime.cli;

import dev.sluice.runtime.config.RestServerKeys;
import dev.sluice.runtime.config.WorkerConfig;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The worker id that statuses carry: {@code host:port} of the worker's advertised REST address, as Apache
 * derives it — {@code rest.advertised.host.name} and {@code rest.advertised.port} when set, otherwise the host
 * and port of the first of {@code listeners}, with this machine's host name for an empty host.
 */
public final class AdvertisedWorkerId {

    private AdvertisedWorkerId() {
    }

    /** The id of the worker configured by {@code worker}, for a REST listener bound to {@code boundPort} (or -1). */
    public static String of(WorkerConfig worker, int boundPort) {
        String host = worker.getString(RestServerKeys.ADVERTISED_HOST_NAME);
        Integer port = worker.getInt(RestServerKeys.ADVERTISED_PORT);
        List<String> listeners = worker.getList(RestServerKeys.LISTENERS);
        URI listener = listeners.isEmpty() ? null : URI.create(listeners.get(0).trim());
        if (host == null || host.isBlank()) {
            host = listener == null || listener.getHost() == null ? localHostName() : listener.getHost();
        }
        if (port == null) {
            port = boundPort > 0 ? boundPort : listener != null && listener.getPort() > 0 ? listener.getPort() : 8083;
        }
        return host + ":" + port;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
