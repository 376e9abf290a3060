package dev.sluice.runtime.rest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;

/**
 * One entry of {@code listeners}: {@code protocol://host:port}, where the host may be empty (all interfaces), a
 * name, an IPv4 address or an IPv6 address in brackets, and port 0 picks a free port.
 *
 * @param protocol {@code http} or {@code https}
 * @param host     the host to bind, or {@code null} for all interfaces
 * @param port     the port, 0 for any free port
 */
public record RestListener(String protocol, String host, int port) {

    private static final Pattern FORM = Pattern.compile("^([A-Za-z]+)://(\\[[^\\]]*\\]|[^:/\\[\\]]*):(\\d+)/?$");

    /**
     * Parses one listener.
     *
     * @throws ConfigException naming {@code listeners} if it has not the form {@code protocol://host:port}
     */
    public static RestListener parse(String listener) {
        Matcher matcher = FORM.matcher(listener.trim());
        if (!matcher.matches()) {
            throw new ConfigException("listeners", listener,
                "A listener must have the form protocol://host:port, e.g. http://:8083 or http://localhost:8083");
        }
        String protocol = matcher.group(1).toLowerCase(Locale.ROOT);
        if (!protocol.equals("http") && !protocol.equals("https")) {
            throw new ConfigException("listeners", listener, "The protocol must be http or https");
        }
        String host = matcher.group(2);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = Integer.parseInt(matcher.group(3));
        if (port > 65535) {
            throw new ConfigException("listeners", listener, "The port must be between 0 and 65535");
        }
        return new RestListener(protocol, host.isEmpty() ? null : host, port);
    }
}
