package org.socketlab.engine;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Gives the TCP connections and UDP sockets of one run their {@code conn} ids, and tells which end of a
 * connection or datagram is a lab socket.
 *
 * <p>Both ends of a TCP connection between lab sockets must get the same id, whichever records first: a
 * connect is stamped with its start time and is recorded only once it returns, while the kernel completes
 * the handshake before {@code accept()} returns, so the server's accept may be recorded before or after
 * the client's connect and first send. A connecting lab socket therefore binds its port first and
 * registers {client port, server address} before it connects, so the pair is always registered before
 * the SYN can reach a listener; the accept that sees that pair claims the id and removes the entry, so a
 * port used again later in the run gets a new id. An accept with no registered pair came from a client
 * outside the lab.
 */
public final class ConnectionIds {
    private final Map<Pending, Integer> pending = new HashMap<>();
    private final Map<InetSocketAddress, Integer> udpSockets = new HashMap<>();
    private int last;

    /** A connection between a client port and a server address, as both ends see it. */
    private record Pending(int clientPort, InetSocketAddress server) {
        // Written out: a record's generated hashCode() and equals() build their method handles on first use,
        // some 15 ms on a cold JVM at a run's first connect.
        @Override
        public int hashCode() {
            return 31 * clientPort + Objects.hashCode(server);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Pending that && clientPort == that.clientPort && Objects.equals(server, that.server);
        }
    }

    /** What an accepting socket learns about a new connection. */
    public record Accepted(int conn, boolean peerInLab) {
    }

    private synchronized int next() {
        return ++last;
    }

    /**
     * Called by a connecting lab socket, bound but not connected yet.
     *
     * @param clientPort the port it is bound to
     * @param server     the address it connects to
     * @return the connection's id, which the accepting end will claim if it is a lab socket
     */
    public synchronized int connecting(int clientPort, InetSocketAddress server) {
        int conn = next();
        pending.put(new Pending(clientPort, server), conn);
        return conn;
    }

    /**
     * The connect failed: no accept will claim it.
     *
     * @param clientPort the port the connecting socket was bound to
     * @param server     the address it connected to
     */
    public synchronized void connectFailed(int clientPort, InetSocketAddress server) {
        pending.remove(new Pending(clientPort, server));
    }

    /**
     * Whether a connection that an accepting lab socket sees was made by a lab socket of this run. It
     * claims nothing: {@link #accepted} still gives the id.
     *
     * @param client the connection's remote address
     * @param server the connection's local address
     * @return true if a lab socket registered this pair before it connected
     */
    public synchronized boolean fromLab(InetSocketAddress client, InetSocketAddress server) {
        return pending.containsKey(new Pending(client.getPort(), server));
    }

    /**
     * Called by an accepting lab socket.
     *
     * @param client the connection's remote address
     * @param server the connection's local address
     * @return the id the connecting lab socket registered, or a new id when the client is not in the lab
     */
    public synchronized Accepted accepted(InetSocketAddress client, InetSocketAddress server) {
        Integer conn = pending.remove(new Pending(client.getPort(), server));
        return conn != null ? new Accepted(conn, true) : new Accepted(next(), false);
    }

    /**
     * A lab UDP socket was bound; it takes the address over from any earlier lab socket on it.
     *
     * @param local the address it is bound to
     * @return the socket's id
     */
    public synchronized int udpBound(InetSocketAddress local) {
        int conn = next();
        udpSockets.put(local, conn);
        return conn;
    }

    /**
     * The lab UDP socket last bound at {@code address} in this run, even if it has closed since: a
     * datagram may be read after its sender closed.
     *
     * @param address a UDP socket's address
     * @return its id, or {@code null} when no lab socket was bound there
     */
    public synchronized Integer udpSocketAt(InetSocketAddress address) {
        return udpSockets.get(address);
    }
}
