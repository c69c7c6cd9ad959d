package org.socketlab.engine;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Formats socket addresses the one way transcripts show them: {@code 127.0.0.1:8080}, {@code [::1]:8080}. */
public final class Endpoints {
    private Endpoints() {
    }

    public static String format(SocketAddress address) {
        if (!(address instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            return address == null ? null : address.toString();
        }
        return format(inet.getAddress(), inet.getPort());
    }

    public static String format(InetAddress address, int port) {
        String host = address.getHostAddress();
        int zone = host.indexOf('%');
        if (zone >= 0) {
            host = host.substring(0, zone);
        }
        return address instanceof Inet6Address ? "[" + host + "]:" + port : host + ":" + port;
    }

    public static String format(String host, int port) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
