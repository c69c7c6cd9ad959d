package org.socketlab.cases.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.socketlab.api.Actor;
import org.socketlab.api.RunContext;
import org.socketlab.api.Task;
import org.socketlab.api.TcpConnection;
import org.socketlab.api.TcpListener;

/**
 * A small web server on loopback that stands in for a remote host of a handout (google.com,
 * gaia.cs.umass.edu, an Apache on port 80). It is an actor of the run, so its side of every exchange is
 * recorded too. It answers each request with a fixed page, or 404, and closes the connection, as an
 * HTTP/1.1 server does after {@code Connection: close}.
 */
public final class StandInWebServer implements AutoCloseable {
    private static final int RECV_BYTES = 1024;
    private static final int MAX_HEAD_BYTES = 16 * 1024;

    private final TcpListener listener;
    private final Task<Void> task;

    private StandInWebServer(TcpListener listener, Task<Void> task) {
        this.listener = listener;
        this.task = task;
    }

    /**
     * Starts building a stand-in served by {@code actorName}.
     *
     * @param context the run
     * @param actorName the lane it appears on ("Web server")
     * @return a builder
     */
    public static Builder builder(RunContext context, String actorName) {
        return new Builder(context, context.actor(actorName));
    }

    /** @return the port it listens on, on 127.0.0.1 */
    public int port() {
        return listener.port();
    }

    /** Waits until it has served every connection it was built for, and reports its failure if any. */
    public void awaitDone() {
        task.join();
    }

    /** Stops listening (a connection being served is finished first by its own task). */
    @Override
    public void close() {
        listener.close();
    }

    /** Chooses the pages and how many connections to serve; not thread-safe. */
    public static final class Builder {
        private final RunContext context;
        private final Actor actor;
        private final Map<String, byte[]> responses = new LinkedHashMap<>();
        private int connections = 1;
        private int port;
        private int sendChunkBytes = Integer.MAX_VALUE;

        private Builder(RunContext context, Actor actor) {
            this.context = context;
            this.actor = actor;
        }

        /**
         * Serves {@code body} with status 200 at {@code path}.
         *
         * @return this builder
         */
        public Builder page(String path, String contentType, String body) {
            return response(path, HttpMessages.response("200 OK", contentType, body.getBytes(StandardCharsets.UTF_8)));
        }

        /**
         * Serves these exact bytes (status line, headers and body) at {@code path}.
         *
         * @return this builder
         */
        public Builder response(String path, byte[] rawResponse) {
            responses.put(path, rawResponse.clone());
            return this;
        }

        /** @param count how many connections to serve before it stops listening @return this builder */
        public Builder connections(int count) {
            this.connections = count;
            return this;
        }

        /** @param listenPort the port to listen on, 0 for any free one @return this builder */
        public Builder port(int listenPort) {
            this.port = listenPort;
            return this;
        }

        /**
         * Sends each response in pieces of at most this many bytes, one send each, as a server writing a
         * file block by block does.
         *
         * @return this builder
         */
        public Builder sendChunkBytes(int bytes) {
            this.sendChunkBytes = bytes;
            return this;
        }

        /**
         * Starts listening and serving on a task of the run.
         *
         * @return the running stand-in
         * @throws IOException if it cannot listen
         */
        public StandInWebServer start() throws IOException {
            TcpListener listener = actor.listen(port);
            Map<String, byte[]> pages = Map.copyOf(responses);
            int count = connections;
            int chunk = sendChunkBytes;
            Task<Void> task = context.start(actor.name(), () -> {
                try (listener) {
                    for (int i = 0; i < count; i++) {
                        try (TcpConnection connection = listener.accept()) {
                            serve(connection, pages, chunk);
                        }
                    }
                }
            });
            return new StandInWebServer(listener, task);
        }

        private static void serve(TcpConnection connection, Map<String, byte[]> pages, int chunk) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (HttpMessages.headEnd(head.toByteArray()) < 0 && head.size() < MAX_HEAD_BYTES) {
                byte[] data = connection.recv(RECV_BYTES);
                if (data.length == 0) {
                    return;
                }
                head.writeBytes(data);
            }
            String path = HttpMessages.requestPath(head.toByteArray());
            byte[] response = pages.get(path);
            if (response == null) {
                response = HttpMessages.response("404 Not Found", "text/html; charset=utf-8",
                        "<html><body><h1>404 Not Found</h1></body></html>".getBytes(StandardCharsets.UTF_8));
            }
            for (int offset = 0; offset < response.length; offset += chunk) {
                int end = (int) Math.min(response.length, (long) offset + chunk);
                connection.send(java.util.Arrays.copyOfRange(response, offset, end));
            }
        }
    }
}
