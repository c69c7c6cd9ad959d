package org.socketlab.server.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A thread with a selector that serves many connections: it reads what is ready, parses heads, and writes
 * the answers handlers give without blocking, as nginx's and Jetty's event loops do; one {@code epoll_wait}
 * collects many ready connections, and a keep-alive request costs a read and a write, no thread switch.
 * Requests that may block go to worker threads with their connection ({@link Connection}). The first loop
 * also accepts connections and deals them out to the loops in turn. Deadlines (head, idle, lingering close)
 * are checked by a sweep every quarter of the shortest; stalled writes are the {@link WriteWatchdog}'s.
 */
final class ConnectionLoop implements Runnable {

    private static final int ACCEPTS_PER_ROUND = 64;
    private static final int READ_BUFFER_BYTES = 16 * 1024;
    private static final long ACCEPT_FAILURE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final HttpServer server;
    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    // Loop thread only: the connections registered here, for the sweep.
    private final List<Connection> connections = new ArrayList<>();
    private List<HandOff> handOffs = new ArrayList<>();
    private List<HandOff> spareHandOffs = new ArrayList<>();
    private final Consumer<SelectionKey> serveKey = this::serve;
    // One output for every connection of the loop: a response is built here and written at once, and only
    // what the socket does not take is copied to the connection.
    private final ChannelOutput sink = new ChannelOutput();
    private final ResponseOutput output = new ResponseOutput(sink);
    private final ResponseWriter writer;
    // Read into by every connection of the loop that holds no bytes of its own (see RequestInput.borrow).
    private final byte[] readBuffer = new byte[READ_BUFFER_BYTES];
    private final long sweepPeriodNanos;
    // The access log's entries of this round, handed over together at its end.
    private AccessLogEntry[] logBatch = new AccessLogEntry[64];
    private int logged;
    private ServerSocketChannel listener;
    private SelectionKey listenerKey;
    private ConnectionLoop[] loops;
    private int nextLoop;
    private long acceptPausedUntilNanos;
    private volatile boolean running = true;

    ConnectionLoop(HttpServer server, String name) throws IOException {
        this.server = server;
        this.selector = Selector.open();
        this.writer = new ResponseWriter(output, server.date());
        HttpServerConfig config = server.config();
        long shortest = Math.min(Math.min(config.readTimeoutMillis(), config.idleTimeoutMillis()),
                Connection.LINGER_MILLIS);
        this.sweepPeriodNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(5, Math.min(250, shortest / 4)));
        // Not a daemon, as the accept thread before it: a started server keeps the JVM alive until stopped.
        this.thread = new Thread(this, name);
    }

    /** Makes this loop the one that accepts, dealing connections out to all the loops. */
    void accept(ServerSocketChannel channel, ConnectionLoop[] all) throws IOException {
        this.listener = channel;
        this.loops = all;
        this.listenerKey = channel.register(selector, SelectionKey.OP_ACCEPT);
    }

    void start() {
        thread.start();
    }

    /** Stops the loop and closes what is still registered; returns when it ended, or after the limit. */
    void stop(long waitMillis) {
        running = false;
        selector.wakeup();
        try {
            thread.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Wakes the loop from another thread, e.g. to close a registered channel for good. */
    void wakeupIfOtherThread() {
        if (Thread.currentThread() != thread) {
            selector.wakeup();
        }
    }

    @Override
    public void run() {
        long nextSweep = System.nanoTime() + sweepPeriodNanos;
        try {
            while (running) {
                long waitMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextSweep - System.nanoTime()));
                // The ready keys go straight to serve(), without the selected-key set (a HashSet entry and an
                // iterator per ready connection).
                selector.select(serveKey, waitMillis);
                runTasks();
                flushLog();
                startHandOffs();
                long now = System.nanoTime();
                if (now - nextSweep >= 0) {
                    sweep(now);
                    flushLog();
                    nextSweep = now + sweepPeriodNanos;
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            server.reportFailure("a connection loop failed", e);
        } finally {
            flushLog();
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() instanceof Connection connection) {
                    connection.forceClose();
                }
            }
            // Backwards: each close takes the connection out of the list.
            for (int i = connections.size() - 1; i >= 0; i--) {
                connections.get(i).forceClose();
            }
            try {
                selector.close();
            } catch (IOException e) {
                // Closing; nothing left to do.
            }
        }
    }

    private void serve(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key == listenerKey) {
            try {
                acceptReady();
            } catch (RuntimeException | Error e) {
                // A bug of ours must not end the loop; the next connection is accepted all the same.
                server.reportFailure("accepting a connection failed", e);
            }
            return;
        }
        Connection connection = (Connection) key.attachment();
        try {
            int ops = key.readyOps();
            byte[] loopBuffer = readBuffer;
            connection.input.borrow(loopBuffer);
            try {
                if ((ops & SelectionKey.OP_WRITE) != 0) {
                    connection.onWritable();
                }
                if ((ops & SelectionKey.OP_READ) != 0 && key.isValid()) {
                    connection.onReadable();
                }
            } finally {
                connection.input.keepOwnBytes(loopBuffer, connection.isOnWorker());
            }
        } catch (RuntimeException | Error e) {
            // A bug of ours must not end the loop, and with it every other connection.
            discardUnsent();
            server.reportFailure("serving a connection failed", e);
            connection.forceClose();
        }
    }

    private void acceptReady() {
        for (int i = 0; i < ACCEPTS_PER_ROUND; i++) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                if (!server.isStopping()) {
                    // E.g. out of file descriptors: pause accepting so as not to spin, then try again.
                    server.reportFailure("accepting a connection failed", e);
                    listenerKey.interestOps(0);
                    acceptPausedUntilNanos = System.nanoTime() + ACCEPT_FAILURE_PAUSE_NANOS;
                }
                return;
            }
            if (channel == null) {
                return;
            }
            ConnectionLoop loop = loops[nextLoop];
            nextLoop = (nextLoop + 1) % loops.length;
            Connection connection = server.admit(channel, loop);
            if (connection != null) {
                loop.adopt(connection);
            }
        }
    }

    /** Registers a connection with this loop, new or back from a worker; any thread. */
    void adopt(Connection connection) {
        if (Thread.currentThread() == thread) {
            register(connection);
        } else if (running) {
            tasks.add(() -> register(connection));
            selector.wakeup();
        } else {
            connection.forceClose();
        }
    }

    private void register(Connection connection) {
        SelectionKey key;
        try {
            connection.channel.configureBlocking(false);
            key = connection.channel.register(selector, SelectionKey.OP_READ, connection);
        } catch (ClosedChannelException e) {
            connection.forceClose();
            return;
        } catch (IOException e) {
            connection.forceClose();
            return;
        }
        if (connection.loopSlot < 0) {
            connection.loopSlot = connections.size();
            connections.add(connection);
        }
        connection.withLoopBuffer(() -> connection.registered(key));
    }

    /**
     * Hands a connection whose key was cancelled to a worker; the job starts once the selector has dropped
     * the key, since a channel can only go back to blocking mode when registered nowhere.
     */
    void handOff(Connection connection, Runnable job) {
        handOffs.add(new HandOff(connection, job));
    }

    private record HandOff(Connection connection, Runnable job) {
    }

    private void startHandOffs() throws IOException {
        while (!handOffs.isEmpty()) {
            List<HandOff> starting = handOffs;
            handOffs = spareHandOffs;
            // Deregisters the cancelled keys; what it finds ready is served now (and may hand off more).
            selector.selectNow(serveKey);
            flushLog();
            for (HandOff handOff : starting) {
                try {
                    handOff.connection.channel.configureBlocking(true);
                    server.workers().execute(handOff.job);
                } catch (IOException | RuntimeException e) {
                    // Closed meanwhile, or the server is stopping (RejectedExecutionException).
                    handOff.connection.forceClose();
                }
            }
            starting.clear();
            spareHandOffs = starting;
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                discardUnsent();
                server.reportFailure("registering a connection failed", e);
            }
        }
    }

    private void sweep(long now) {
        if (listenerKey != null && acceptPausedUntilNanos != 0 && now - acceptPausedUntilNanos > 0
                && listenerKey.isValid()) {
            acceptPausedUntilNanos = 0;
            listenerKey.interestOps(SelectionKey.OP_ACCEPT);
        }
        for (int i = connections.size() - 1; i >= 0; i--) {
            Connection connection = connections.get(i);
            boolean stays;
            try {
                stays = connection.sweep(now);
            } catch (RuntimeException | Error e) {
                discardUnsent();
                server.reportFailure("checking a connection's deadlines failed", e);
                connection.forceClose();
                stays = false;
            }
            if (!stays) {
                forget(connection);
            }
        }
    }

    /**
     * Drops a connection from the sweep's list; loop thread only. A connection closed on the loop leaves at
     * once: kept until the next sweep, the thousands a second of short connections would outlive a young
     * collection and be copied, and tenured, for nothing.
     */
    void forget(Connection connection) {
        int slot = connection.loopSlot;
        if (slot < 0 || Thread.currentThread() != thread) {
            return;
        }
        connection.loopSlot = -1;
        // Order does not matter: move the last one into the gap.
        Connection last = connections.remove(connections.size() - 1);
        if (last != connection) {
            connections.set(slot, last);
            last.loopSlot = slot;
        }
    }

    /** Logs an answer at the end of this round of the selector. */
    void log(AccessLogEntry entry) {
        if (logged == logBatch.length) {
            logBatch = Arrays.copyOf(logBatch, 2 * logged);
        }
        logBatch[logged++] = entry;
    }

    private void flushLog() {
        if (logged == 0) {
            return;
        }
        AccessLog log = server.accessLog();
        if (log instanceof AsyncAccessLog async) {
            async.logAll(logBatch, logged);
        } else {
            for (int i = 0; i < logged; i++) {
                log.log(logBatch[i]);
            }
        }
        Arrays.fill(logBatch, 0, logged, null);
        logged = 0;
    }

    byte[] readBuffer() {
        return readBuffer;
    }

    /** The loop's response writer, sending to this connection. */
    ResponseWriter writerFor(Connection connection) {
        sink.target = connection;
        return writer;
    }

    /** Drops what a failed response left in the shared output, so it cannot reach the next connection. */
    void discardUnsent() {
        output.discardBuffered();
    }

    /** The shared output's end: the connection of the response being written takes the bytes. */
    private static final class ChannelOutput extends OutputStream {
        private Connection target;
        private ByteBuffer wrapped;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.writeOrKeep(wrap(b, off, len));
        }

        // The output's own buffer is nearly always the one written: its wrapper is made once.
        private ByteBuffer wrap(byte[] b, int off, int len) {
            if (wrapped == null || wrapped.array() != b) {
                wrapped = ByteBuffer.wrap(b);
            }
            wrapped.limit(off + len).position(off);
            return wrapped;
        }
    }

    /** Sets the options of an accepted connection's socket. */
    static void configure(SocketChannel channel) throws IOException {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }
}
