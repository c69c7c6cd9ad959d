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
 * @param atMs      milliseconds since the run started
 * @param actor     who did it ("Alice", "Bob", "Scanner"); {@code "Lab"} for the lab's own notes
 * @param kind      what happened
 * @param protocol  {@code "tcp"} or {@code "udp"} for socket events, else {@code null}
 * @param local     the local address ({@code "127.0.0.1:40123"}), or {@code null}
 * @param remote    the peer's address, or {@code null}
 * @param requested for {@link EventKind#RECV}: how many bytes the read asked for; else {@code null}
 * @param size      for send and recv: how many bytes went or came; else {@code null}
 * @param bytes     for send and recv: exactly those bytes (a copy); else {@code null}
 * @param text      for send and recv: the bytes as UTF-8 when they are valid UTF-8, else {@code null};
 *                  for output, note and error: the message
 */
public record TranscriptEvent(double atMs, String actor, EventKind kind, String protocol, String local, String remote,
                              Integer requested, Integer size, byte[] bytes, String text) {

    /** @throws NullPointerException if the actor or kind is null */
    public TranscriptEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(kind, "kind");
        bytes = bytes == null ? null : bytes.clone();
    }

    /** @return a copy of the bytes sent or received, or {@code null} */
    @Override
    public byte[] bytes() {
        return bytes == null ? null : bytes.clone();
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
                && Objects.equals(text, e.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(atMs, actor, kind, protocol, local, remote, requested, size, text)
                + 31 * java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return String.format("%8.3f ms %-8s %-7s %s", atMs, actor, kind.jsonName(),
                text != null ? text : (remote != null ? remote : Objects.toString(local, "")));
    }
}
