package org.socketlab.server.http;

import java.io.IOException;
import java.net.Socket;
import java.nio.channels.SocketChannel;

/** Answers 503 on a connection accepted beyond maxConnections, from the accepting loop. */
final class Rejection {

    private Rejection() {
    }

    /**
     * Sends 503 with Connection: close and closes. A new socket's send buffer is empty and far
     * larger than this short response, so the write completes without waiting on the client.
     */
    static void answerBusy(Socket socket, HttpServer server) {
        try (socket) {
            HttpResponse response = server.renderError(Status.SERVICE_UNAVAILABLE,
                    "the server is at its connection limit, try again later", null)
                    // RFC 9110 §10.2.3: when the client may try again.
                    .withHeader("Retry-After", "1");
            ResponseOutput output = new ResponseOutput(socket.getOutputStream());
            new ResponseWriter(output, server.date()).write(response, false, true, true);
            socket.shutdownOutput();
        } catch (IOException e) {
            // The client is gone already: nothing to answer.
        }
    }

    /** Closes a connection that is not served. */
    static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Gone already.
        }
    }
}
