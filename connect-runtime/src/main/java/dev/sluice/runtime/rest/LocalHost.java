package dev.sluice.runtime.rest;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This machine's host name, for an advertised URL whose listener binds all interfaces. */
final class LocalHost {

    private LocalHost() {
    }

    static String name() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
