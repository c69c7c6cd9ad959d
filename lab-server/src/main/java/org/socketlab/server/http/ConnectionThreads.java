package org.socketlab.server.http;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates the threads connections run on: virtual threads on Java 21+, else a bounded platform pool. */
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
        // Core = max with core threads timing out: a thread per connection up to the limit, none
        // kept once idle. The queue is only reached in the instant between a connection's end and
        // its thread's return to the pool.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(maxConnections, maxConnections, POOL_KEEP_ALIVE_SECONDS,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemonThreads());
        pool.allowCoreThreadTimeOut(true);
        return pool;
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
