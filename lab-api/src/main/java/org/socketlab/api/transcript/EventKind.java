package org.socketlab.api.transcript;

import java.util.Locale;

/** What a transcript event records. The JSON API writes these in lowercase. */
public enum EventKind {
    /** A server socket (TCP) or a bound datagram socket (UDP) is ready on a local address. */
    LISTEN,
    /** A TCP connection was established by the connecting side. */
    CONNECT,
    /** A TCP connection was taken from a listening socket. */
    ACCEPT,
    /** Bytes were written to a connection or a datagram was sent. */
    SEND,
    /** One read returned: how many bytes were asked for and how many came back (0 = peer closed). */
    RECV,
    /** A socket was closed, or its sending half shut down. */
    CLOSE,
    /** A line the exercise's program prints on its console. */
    OUTPUT,
    /** An explanation from the case, not something a socket did. */
    NOTE,
    /** A socket operation failed (refused, timed out, reset, unknown host, …). */
    ERROR;

    /** @return the name used in JSON: {@code listen}, {@code send}, … */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
