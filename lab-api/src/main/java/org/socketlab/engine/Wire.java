package org.socketlab.engine;

/**
 * Where a socket event happened: the protocol, both addresses, the {@code conn} id and, when the other end
 * is outside the lab, the name a case gave it. Fixed for a TCP connection; a UDP socket has one for each
 * datagram.
 */
public record Wire(String protocol, String local, String remote, Integer conn, String peer) {

    /**
     * @param local  the local address
     * @param remote the remote address, or {@code null}
     * @param conn   the connection's id, or {@code null}
     * @param peer   the name a case gave the other end, or {@code null}
     * @return a TCP wire
     */
    public static Wire tcp(String local, String remote, Integer conn, String peer) {
        return new Wire("tcp", local, remote, conn, peer);
    }
}
