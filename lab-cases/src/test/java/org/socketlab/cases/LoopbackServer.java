package org.socketlab.cases;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A student's server stand-in for tests: a plain {@link ServerSocket} on 127.0.0.1 at a free port that
 * hands each accepted connection to a handler, one at a time or each in a thread of its own.
 */
public final class LoopbackServer implements AutoCloseable {
    /** What the server does with one connection. */
    @FunctionalInterface
    public interface Handler {
        /** @param socket the accepted connection; closed after the handler returns */
        void handle(Socket socket) throws Exception;
    }

    private static final int SOCKET_TIMEOUT_MILLIS = 5_000;

    private final ServerSocket server;
    private final Thread acceptor;

    private LoopbackServer(ServerSocket server, Handler handler, boolean threaded) {
        this.server = server;
        this.acceptor = new Thread(() -> acceptLoop(handler, threaded), "test-server-" + server.getLocalPort());
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /**
     * @param handler  what to do with each connection
     * @param threaded a thread per connection; else one connection at a time
     * @return the running server
     */
    public static LoopbackServer start(Handler handler, boolean threaded) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return new LoopbackServer(server, handler, threaded);
    }

    /** @return a one-connection-at-a-time server */
    public static LoopbackServer start(Handler handler) throws IOException {
        return start(handler, false);
    }

    /** @return the port it listens on */
    public int port() {
        return server.getLocalPort();
    }

    /** @return {@code 127.0.0.1:port}, as a case's {@code target} parameter */
    public String address() {
        return "127.0.0.1:" + port();
    }

    private void acceptLoop(Handler handler, boolean threaded) {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
                socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            } catch (IOException e) {
                return;
            }
            Runnable work = () -> {
                try (socket) {
                    handler.handle(socket);
                } catch (Exception e) {
                    // The case's transcript shows what the client saw; a failing handler is part of the test.
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

    /**
     * Reads a request's head, up to and including the blank line, byte by byte.
     *
     * @param socket the connection
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

    /**
     * Writes {@code text} as ISO-8859-1 in one write.
     *
     * @param socket the connection
     * @param text   what to send
     */
    public static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
