package org.socketlab.api;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.socketlab.api.transcript.EventKind;
import org.socketlab.engine.Endpoints;
import org.socketlab.engine.Failures;
import org.socketlab.engine.RecordingContext;
import org.socketlab.engine.Wire;

/**
 * A UDP socket on 127.0.0.1 that records every datagram sent and received under its actor's name. Open
 * one with {@link Actor#udp()} (a client) or {@link Actor#bindUdp(int)} (a server). A datagram sent to a
 * port where nobody listens is lost without an error, as UDP does: the transcript shows the send and no
 * recv.
 *
 * <p>Its events carry its {@link #conn()} id, and each datagram's event the {@code peerConn} of the lab
 * socket at the other end, if it is one; {@link #namePeers(String)} names the other ends outside the lab.
 */
public final class UdpEndpoint implements AutoCloseable {
    /** The largest payload of a UDP datagram over IPv4. */
    public static final int MAX_DATAGRAM_BYTES = 65_507;

    private final Actor actor;
    private final RecordingContext context;
    private final DatagramSocket socket;
    private final String local;
    private final int conn;
    private volatile int timeoutMillis;
    private volatile String peerName;
    private volatile boolean closed;

    UdpEndpoint(Actor actor, RecordingContext context, DatagramSocket socket) {
        this.actor = actor;
        this.context = context;
        this.socket = socket;
        this.local = Endpoints.format(socket.getLocalSocketAddress());
        this.conn = context.connectionIds().udpBound((InetSocketAddress) socket.getLocalSocketAddress());
        this.timeoutMillis = context.millis(context.ioTimeout());
        context.register(socket);
    }

    /** @return the local port */
    public int port() {
        return socket.getLocalPort();
    }

    /** @return the local address, {@code 127.0.0.1:port} */
    public String local() {
        return local;
    }

    /**
     * The id of this socket in the run's transcript: the {@code conn} of its events, and the
     * {@code peerConn} of the datagrams other lab sockets exchange with it.
     *
     * @return the id, unique within the run
     * @since 1.1
     */
    public int conn() {
        return conn;
    }

    /**
     * Names the sockets outside the lab that this socket exchanges datagrams with ("Your client"): the
     * events of those datagrams carry it as {@code peer}, and the page draws them on a lane of that name.
     * Datagrams from and to lab sockets are not affected.
     *
     * @param name the name, not blank; {@code null} to stop naming them
     * @since 1.1
     */
    public void namePeers(String name) {
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("a peer needs a name");
        }
        this.peerName = name;
    }

    /** @return the actor that owns it */
    public Actor actor() {
        return actor;
    }

    /** @param timeout how long one {@link #receive(int)} waits */
    public void setTimeout(Duration timeout) {
        this.timeoutMillis = context.millis(timeout);
    }

    /**
     * Sends one datagram to {@code host:port}; records {@code send}.
     *
     * @param data the payload, at most {@link #MAX_DATAGRAM_BYTES}
     * @param host a host the run's policy allows
     * @param port the port
     * @throws IOException if it could not be sent (recorded as an error)
     */
    public void send(byte[] data, String host, int port) throws IOException {
        InetAddress address = context.resolve(actor, "udp", host, port, Endpoints.format(host, port));
        sendTo(data, new InetSocketAddress(address, port));
    }

    /**
     * Sends {@code text} as UTF-8 in one datagram.
     *
     * @param text the payload
     * @param host a host the run's policy allows
     * @param port the port
     * @throws IOException if it could not be sent (recorded as an error)
     * @see #send(byte[], String, int)
     */
    public void send(String text, String host, int port) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8), host, port);
    }

    /**
     * Sends one datagram back to the sender of {@code to}.
     *
     * @param to   a datagram this socket received
     * @param data the payload
     * @throws IOException if it could not be sent
     */
    public void reply(Datagram to, byte[] data) throws IOException {
        sendTo(data, to.sender());
    }

    /**
     * {@link #reply(Datagram, byte[])} with {@code text} as UTF-8.
     *
     * @param to   a datagram this socket received
     * @param text the payload
     * @throws IOException if it could not be sent
     */
    public void reply(Datagram to, String text) throws IOException {
        reply(to, text.getBytes(StandardCharsets.UTF_8));
    }

    private void sendTo(byte[] data, InetSocketAddress target) throws IOException {
        if (data.length > MAX_DATAGRAM_BYTES) {
            throw new IllegalArgumentException("a UDP datagram holds at most " + MAX_DATAGRAM_BYTES + " bytes");
        }
        Integer peerConn = context.connectionIds().udpSocketAt(target);
        Wire wire = toward(target, peerConn);
        long started = System.nanoTime();
        try {
            socket.send(new DatagramPacket(data, data.length, target));
        } catch (IOException e) {
            fail(e, wire, "sendto failed: " + Failures.describe(e));
            throw e;
        }
        context.recorder().stampedEvent(started, actor.name(), EventKind.SEND, wire, data, null, peerConn);
    }

    /**
     * Waits for one datagram and returns at most {@code maxBytes} of it (the rest of a longer datagram is
     * lost, as with {@code recvfrom}); records {@code recv}.
     *
     * @param maxBytes the buffer size, at least 1
     * @return the datagram
     * @throws SocketTimeoutException if none came within the time-out (recorded as an error)
     * @throws IOException            if the socket failed (recorded as an error)
     */
    public Datagram receive(int maxBytes) throws IOException {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("receive needs at least 1 byte of buffer, got " + maxBytes);
        }
        DatagramPacket packet = new DatagramPacket(new byte[maxBytes], maxBytes);
        try {
            socket.setSoTimeout(timeoutMillis);
            socket.receive(packet);
        } catch (IOException e) {
            IOException failure = Failures.clearer(e, "recvfrom", timeoutMillis);
            fail(failure, own(), failure == e ? "recvfrom failed: " + Failures.describe(e) : failure.getMessage());
            throw failure;
        }
        byte[] data = Arrays.copyOf(packet.getData(), packet.getLength());
        InetSocketAddress sender = (InetSocketAddress) packet.getSocketAddress();
        Integer peerConn = context.connectionIds().udpSocketAt(sender);
        context.recorder().received(actor.name(), toward(sender, peerConn), maxBytes, data, null, peerConn);
        return new Datagram(data, sender);
    }

    /** Closes the socket; records {@code close}. Closing twice does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        context.close(socket);
        context.recorder().socketEvent(actor.name(), EventKind.CLOSE, own());
    }

    private Wire own() {
        return new Wire("udp", local, null, conn, null);
    }

    /** This socket toward {@code other}, named with the peer's name when it is not a lab socket. */
    private Wire toward(InetSocketAddress other, Integer otherConn) {
        return new Wire("udp", local, Endpoints.format(other), conn, otherConn == null ? peerName : null);
    }

    private void fail(IOException e, Wire wire, String message) {
        if (!closed) {
            context.recorder().failure(actor.name(), wire, e, message);
        }
    }
}
