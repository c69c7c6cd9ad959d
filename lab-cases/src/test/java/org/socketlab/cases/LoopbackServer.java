package org.socketlab.cases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A plain {@code java.net} TCP server on 127.0.0.1 port 0 that plays "the student's own server" in tests
 * of a case's {@code target} parameter: each accepted connection goes to a handler, one at a time or
 * each on a thread of its own.
 */
public final class LoopbackServer implements AutoCloseable {
    private static final int SOCKET_TIMEOUT_MILLIS = 5_000;

    /** What the server does with one connection, knowing how many it has accepted. */
    @FunctionalInterface
    public interface CountingHandler {
        /**
         * @param socket the accepted connection, closed after the handler returns
         * @param count  how many connections this server has accepted, this one included
         */
        void handle(Socket socket, int count) throws Exception;
    }

    /** What the server does with one connection. */
    @FunctionalInterface
    public interface Handler {
        /** @param socket the accepted connection, closed after the handler returns */
        void handle(Socket socket) throws Exception;
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicInteger accepted = new AtomicInteger();

    private LoopbackServer(ServerSocket server, CountingHandler handler, boolean threaded) {
        this.server = server;
        this.acceptor = new Thread(() -> acceptLoop(handler, threaded), "test-server-" + server.getLocalPort());
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** @return a server that handles one connection at a time until closed */
    public static LoopbackServer start(CountingHandler handler) throws IOException {
        return start(handler, false);
    }

    /** @return a server that handles one connection at a time until closed */
    public static LoopbackServer start(Handler handler) throws IOException {
        return start(handler, false);
    }

    /** @param threaded a thread per connection; else one at a time @return the running server */
    public static LoopbackServer start(Handler handler, boolean threaded) throws IOException {
        return start((socket, count) -> handler.handle(socket), threaded);
    }

    /** @param threaded a thread per connection; else one at a time @return the running server */
    public static LoopbackServer start(CountingHandler handler, boolean threaded) throws IOException {
        return new LoopbackServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), handler, threaded);
    }

    /** @return the port it listens on */
    public int port() {
        return server.getLocalPort();
    }

    /** @return {@code 127.0.0.1:port}, as a case's {@code target} parameter takes it */
    public String target() {
        return "127.0.0.1:" + port();
    }

    /** @return the handler's first failure other than the server being closed, or {@code null} */
    public Throwable failure() {
        return failure.get();
    }

    private void acceptLoop(CountingHandler handler, boolean threaded) {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
                socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            } catch (IOException e) {
                return;
            }
            int count = accepted.incrementAndGet();
            Runnable work = () -> {
                try (socket) {
                    handler.handle(socket, count);
                } catch (Exception e) {
                    // The case's transcript shows what the client saw; the test may also look at failure().
                    if (!server.isClosed()) {
                        failure.compareAndSet(null, e);
                    }
                }
            };
            if (threaded) {
                Thread worker = new Thread(work, "test-worker");
                worker.setDaemon(true);
                worker.start();
            } else {
                work.run();
            }
        }
    }

    /** Reads what one read returns (at most 64 KiB), as the handouts' servers do with one recv. */
    public static String readOnce(Socket socket) throws IOException {
        byte[] buffer = new byte[65_536];
        int n = socket.getInputStream().read(buffer);
        return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * Reads a request's head, up to and including the blank line, byte by byte.
     *
     * @return the head as ISO-8859-1 text; what came before the peer closed if it never ended
     */
    public static String readHead(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Writes {@code text} as UTF-8 in one write and flushes. */
    public static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            acceptor.join(SOCKET_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
