package org.socketlab.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A plain {@code java.net} TCP server on 127.0.0.1 port 0 that plays "the student's own server" in tests
 * of a case's {@code target} parameter. Each accepted connection is handed to the handler with its
 * number (1, 2, …), on one thread, one connection at a time.
 */
public final class LoopbackServer implements AutoCloseable {
    private static final int SOCKET_TIMEOUT_MILLIS = 5_000;

    /** What the server does with one connection. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param socket the accepted connection, closed after the handler returns
         * @param count  how many connections this server has accepted, this one included
         */
        void handle(Socket socket, int count) throws IOException;
    }

    private final ServerSocket server;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private LoopbackServer(ServerSocket server, Handler handler) {
        this.server = server;
        this.thread = new Thread(() -> serve(handler), "test-loopback-server");
        this.thread.setDaemon(true);
    }

    /** @return a running server that handles connections until closed */
    public static LoopbackServer start(Handler handler) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        LoopbackServer loopback = new LoopbackServer(server, handler);
        loopback.thread.start();
        return loopback;
    }

    /** @return the port it listens on */
    public int port() {
        return server.getLocalPort();
    }

    /** @return {@code 127.0.0.1:port}, as a case's target parameter takes it */
    public String target() {
        return "127.0.0.1:" + port();
    }

    /** @return the handler's first failure other than the server being closed, or {@code null} */
    public Throwable failure() {
        return failure.get();
    }

    private void serve(Handler handler) {
        int count = 0;
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
                handler.handle(socket, ++count);
            } catch (IOException e) {
                if (!server.isClosed()) {
                    failure.compareAndSet(null, e);
                }
            }
        }
    }

    /** Reads what one read returns (at most 64 KiB), as the handouts' servers do with one recv. */
    public static String readOnce(Socket socket) throws IOException {
        byte[] buffer = new byte[65_536];
        int n = socket.getInputStream().read(buffer);
        return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
    }

    /** Reads an HTTP request's head: up to and including the empty line. */
    public static String readHead(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        int c;
        while (!head.toString().endsWith("\r\n\r\n") && (c = in.read()) >= 0) {
            head.append((char) c);
        }
        return head.toString();
    }

    /** Writes {@code text} as UTF-8 and flushes. */
    public static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            thread.join(SOCKET_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
