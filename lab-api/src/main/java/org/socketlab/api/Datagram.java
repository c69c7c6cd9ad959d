package org.socketlab.api;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.socketlab.engine.Endpoints;

/**
 * One received UDP datagram.
 *
 * @param data   the bytes (a copy); cut to the size asked for, as with Python's {@code recvfrom}
 * @param sender who sent it; reply to it with {@link UdpEndpoint#reply}
 */
public record Datagram(byte[] data, InetSocketAddress sender) {

    /**
     * Copies the bytes.
     *
     * @param data the bytes (a copy); cut to the size asked for, as with Python's {@code recvfrom}
     * @param sender who sent it; reply to it with {@link UdpEndpoint#reply}
     */
    public Datagram {
        Objects.requireNonNull(sender, "sender");
        data = data.clone();
    }

    /** @return a copy of the bytes */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** @return the bytes decoded as UTF-8 */
    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** @return the sender as {@code 127.0.0.1:port} */
    public String senderAddress() {
        return Endpoints.format(sender);
    }
}
