package org.socketlab.engine;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Formats socket addresses the one way transcripts show them: {@code 127.0.0.1:8080}, {@code [::1]:8080}. */
public final class Endpoints {
    private Endpoints() {
    }

    /**
     * @param address a socket's address
     * @return it as {@code 127.0.0.1:8080} or {@code [::1]:8080}; its {@code toString()} when not an IP address
     */
    public static String format(SocketAddress address) {
        if (!(address instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            return address == null ? null : address.toString();
        }
        return format(inet.getAddress(), inet.getPort());
    }

    /**
     * @param address an IP address (an IPv6 zone is left out)
     * @param port    a port
     * @return {@code 127.0.0.1:8080} or {@code [::1]:8080}
     */
    public static String format(InetAddress address, int port) {
        String host = address.getHostAddress();
        int zone = host.indexOf('%');
        if (zone >= 0) {
            host = host.substring(0, zone);
        }
        return address instanceof Inet6Address ? "[" + host + "]:" + port : host + ":" + port;
    }

    /**
     * @param host a host name or IP literal, as a case gave it
     * @param port a port
     * @return {@code host:port}, an IPv6 literal in brackets
     */
    public static String format(String host, int port) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
