package org.socketlab.server;

import java.net.Inet6Address;
import java.net.InetSocketAddress;

/** The URL people type to reach a listening address. */
final class Urls {
    private Urls() {
    }

    static String of(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        if (address.getAddress().isAnyLocalAddress()) {
            host = address.getAddress() instanceof Inet6Address ? "::1" : "127.0.0.1";
        }
        int zone = host.indexOf('%');
        if (zone >= 0) {
            host = host.substring(0, zone);
        }
        return "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort() + "/";
    }
}
