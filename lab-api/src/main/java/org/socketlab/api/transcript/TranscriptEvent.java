package org.socketlab.api.transcript;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One thing that happened during a run, recorded when it happened. Socket events are written by the
 * recorded sockets themselves, never by a case.
 *
 * <p>Each payload is held once, as bytes: {@link #text()} decodes them when asked.
 *
 * @param atMs      milliseconds since the run started
 * @param actor     who did it ("Alice", "Bob", "Scanner"); {@code "Lab"} for the lab's own notes
 * @param kind      what happened
 * @param protocol  {@code "tcp"} or {@code "udp"} for socket events, else {@code null}
 * @param local     the local address ({@code "127.0.0.1:40123"}), or {@code null}
 * @param remote    the peer's address, or {@code null}
 * @param requested for {@link EventKind#RECV}: how many bytes the read asked for; else {@code null}
 * @param size      for send and recv: how many bytes went or came; else {@code null}
 * @param bytes     for send and recv: exactly those bytes (a copy); else {@code null}
 * @param text      for output, note and error: the message; for send and recv it is derived from
 *                  {@code bytes} (see {@link #text()}), so the argument is ignored and not kept
 * @param conn      for TCP events on a connection (connect, accept, send, recv, close, errors): the id of
 *                  the connection within the run, the same at both ends when both are lab sockets; for
 *                  UDP events: the id of the socket; else {@code null} (since 1.1)
 * @param offset    for TCP send and recv: the position of the first byte in this direction of the
 *                  stream, counted from 0, so a recv's bytes are the bytes sent at the same offsets on
 *                  the same {@code conn}; else {@code null} (since 1.1)
 * @param peer      the name a case gave to the other end of this connection or datagram when that end
 *                  is not a lab socket (see {@code TcpListener.namePeers}); else {@code null} (since 1.1)
 * @param peerConn  for UDP send and recv: the {@code conn} of the lab socket at the other end (the
 *                  destination of a send, the sender of a received datagram); {@code null} when that
 *                  socket is not in the lab, and for TCP (since 1.1)
 * @param program   the file name of the program whose line made this event (one of the case's
 *                  {@code CaseInfo.programs()}), when the actor said where it was with {@code Actor.at};
 *                  else {@code null} (since 1.1)
 * @param line      the line of {@code program} that made this event, from 1; {@code null} when
 *                  {@code program} is (since 1.1)
 */
public record TranscriptEvent(double atMs, String actor, EventKind kind, String protocol, String local, String remote,
                              Integer requested, Integer size, byte[] bytes, String text, Integer conn, Long offset,
                              String peer, Integer peerConn, String program, Integer line) {

    /**
     * Copies the bytes; drops {@code text} when there are bytes, since it is derived from them.
     *
     * @param atMs milliseconds since the run started
     * @param actor who did it ("Alice", "Bob", "Scanner"); {@code "Lab"} for the lab's own notes
     * @param kind what happened
     * @param protocol {@code "tcp"} or {@code "udp"} for socket events, else {@code null}
     * @param local the local address ({@code "127.0.0.1:40123"}), or {@code null}
     * @param remote the peer's address, or {@code null}
     * @param requested for {@link EventKind#RECV}: how many bytes the read asked for; else {@code null}
     * @param size for send and recv: how many bytes went or came; else {@code null}
     * @param bytes for send and recv: exactly those bytes (a copy); else {@code null}
     * @param text for output, note and error: the message; for send and recv it is derived from {@code bytes} (see
     *        {@link #text()}), so the argument is ignored and not kept
     * @param conn for TCP events on a connection (connect, accept, send, recv, close, errors): the id of the
     *        connection within the run, the same at both ends when both are lab sockets; for UDP events: the id of
     *        the socket; else {@code null} (since 1.1)
     * @param offset for TCP send and recv: the position of the first byte in this direction of the stream, counted
     *        from 0, so a recv's bytes are the bytes sent at the same offsets on the same {@code conn}; else
     *        {@code null} (since 1.1)
     * @param peer the name a case gave to the other end of this connection or datagram when that end is not a lab
     *        socket (see {@code TcpListener.namePeers}); else {@code null} (since 1.1)
     * @param peerConn for UDP send and recv: the {@code conn} of the lab socket at the other end (the destination
     *        of a send, the sender of a received datagram); {@code null} when that socket is not in the lab, and
     *        for TCP (since 1.1)
     * @param program the file name of the program whose line made this event (one of the case's {@code
     *        CaseInfo.programs()}), when the actor said where it was with {@code Actor.at}; else {@code null}
     *        (since 1.1)
     * @param line the line of {@code program} that made this event, from 1; {@code null} when {@code program} is
     *        (since 1.1)
     * @throws NullPointerException     if the actor or kind is null
     * @throws IllegalArgumentException if only one of {@code program} and {@code line} is given
     * @since 1.1
     */
    public TranscriptEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(kind, "kind");
        bytes = bytes == null ? null : bytes.clone();
        text = bytes == null ? text : null;
        if ((program == null) != (line == null)) {
            throw new IllegalArgumentException("an event names a program line with both the program and the line");
        }
    }

    /**
     * An event with connection facts but no program line ({@code program} and {@code line} are
     * {@code null}).
     *
     * @param atMs      milliseconds since the run started
     * @param actor     who did it
     * @param kind      what happened
     * @param protocol  {@code "tcp"}, {@code "udp"} or {@code null}
     * @param local     the local address or {@code null}
     * @param remote    the peer's address or {@code null}
     * @param requested for recv: the bytes asked for, else {@code null}
     * @param size      for send and recv: the number of bytes, else {@code null}
     * @param bytes     for send and recv: the bytes, else {@code null}
     * @param text      for output, note and error: the message (ignored when there are bytes)
     * @param conn      the connection's or UDP socket's id, or {@code null}
     * @param offset    for TCP send and recv: the stream offset, else {@code null}
     * @param peer      the name of an outside peer, or {@code null}
     * @param peerConn  for UDP send and recv: the other lab socket's id, else {@code null}
     * @throws NullPointerException if the actor or kind is null
     * @since 1.1
     */
    public TranscriptEvent(double atMs, String actor, EventKind kind, String protocol, String local, String remote,
                           Integer requested, Integer size, byte[] bytes, String text, Integer conn, Long offset,
                           String peer, Integer peerConn) {
        this(atMs, actor, kind, protocol, local, remote, requested, size, bytes, text, conn, offset, peer, peerConn,
                null, null);
    }

    /**
     * The constructor of lab-api 1.0: an event without connection facts ({@code conn}, {@code offset},
     * {@code peer} and {@code peerConn} are {@code null}).
     *
     * @param atMs      milliseconds since the run started
     * @param actor     who did it
     * @param kind      what happened
     * @param protocol  {@code "tcp"}, {@code "udp"} or {@code null}
     * @param local     the local address or {@code null}
     * @param remote    the peer's address or {@code null}
     * @param requested for recv: the bytes asked for, else {@code null}
     * @param size      for send and recv: the number of bytes, else {@code null}
     * @param bytes     for send and recv: the bytes, else {@code null}
     * @param text      for output, note and error: the message (ignored when there are bytes)
     * @throws NullPointerException if the actor or kind is null
     */
    public TranscriptEvent(double atMs, String actor, EventKind kind, String protocol, String local, String remote,
                           Integer requested, Integer size, byte[] bytes, String text) {
        this(atMs, actor, kind, protocol, local, remote, requested, size, bytes, text, null, null, null, null, null,
                null);
    }

    /** @return a copy of the bytes sent or received, or {@code null} */
    @Override
    public byte[] bytes() {
        return bytes == null ? null : bytes.clone();
    }

    /**
     * The text of the event, as in lab-api 1.0: for send and recv, the bytes decoded as UTF-8 when they
     * are valid UTF-8, else {@code null} (decoded on each call: the payload is kept once, as bytes); for
     * output, note and error, the message.
     *
     * @return the text or {@code null}
     */
    @Override
    public String text() {
        return bytes == null ? text : utf8OrNull(bytes);
    }

    /**
     * Decodes bytes for the {@code text} field.
     *
     * @param bytes any bytes
     * @return the text if the bytes are valid UTF-8, else {@code null} (a read may split a character; the
     *         exact bytes stay available either way)
     */
    public static String utf8OrNull(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TranscriptEvent e && atMs == e.atMs && actor.equals(e.actor) && kind == e.kind
                && Objects.equals(protocol, e.protocol) && Objects.equals(local, e.local)
                && Objects.equals(remote, e.remote) && Objects.equals(requested, e.requested)
                && Objects.equals(size, e.size) && java.util.Arrays.equals(bytes, e.bytes)
                && Objects.equals(text, e.text) && Objects.equals(conn, e.conn) && Objects.equals(offset, e.offset)
                && Objects.equals(peer, e.peer) && Objects.equals(peerConn, e.peerConn)
                && Objects.equals(program, e.program) && Objects.equals(line, e.line);
    }

    @Override
    public int hashCode() {
        return Objects.hash(atMs, actor, kind, protocol, local, remote, requested, size, text, conn, offset, peer,
                peerConn, program, line) + 31 * java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        String shown = text();
        return String.format("%8.3f ms %-8s %-7s %s", atMs, actor, kind.jsonName(),
                shown != null ? shown : (remote != null ? remote : Objects.toString(local, "")));
    }
}
