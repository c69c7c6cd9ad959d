package org.socketlab.server.http;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the worker threads, which take a connection from its loop for a request that may block: virtual
 * threads on Java 21+, else a bounded platform pool.
 */
final class ConnectionThreads {

    /** How long an unused platform thread stays in the pool. */
    static final long POOL_KEEP_ALIVE_SECONDS = 30;

    private ConnectionThreads() {
    }

    /**
     * An executor for at most maxConnections connections at once; the server's permits keep the
     * count, so this executor never needs to refuse work.
     */
    static ExecutorService create(int maxConnections) {
        ExecutorService virtual = virtualThreadPerTask();
        return virtual != null ? virtual : platformPool(maxConnections);
    }

    /** Java 21's Executors.newVirtualThreadPerTaskExecutor(), looked up so the code compiles on 17. */
    static ExecutorService virtualThreadPerTask() {
        try {
            Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return (ExecutorService) factory.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Before Java 19 the method does not exist; on 19 and 20 it throws unless preview
            // features are on.
            return null;
        }
    }

    private static ExecutorService platformPool(int maxConnections) {
        // A hand-off queue: a request goes to an idle thread if there is one (the one idle the
        // shortest time, whose stack is still in cache), else to a new thread; idle threads end after
        // a while. The earlier core = max pool started a new thread for every connection until it
        // held maxConnections threads, which on the Connection: close path meant a thread start per
        // connection for the first thousand and a thousand parked threads after. The server's
        // permits bound the connections; the bound here only adds room for threads that released
        // their permit and are on their way back to the pool.
        return new ThreadPoolExecutor(0, 2 * maxConnections, POOL_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemonThreads());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "socketlab-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
