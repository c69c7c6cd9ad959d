package org.socketlab.server.http;

import java.io.PrintStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/** An access log printed by one daemon thread from a bounded queue, so request threads never wait on output. */
final class AsyncAccessLog implements AccessLog {

    /** Entries waiting to be printed before new ones are dropped. */
    static final int QUEUE_ENTRIES = 16_384;

    private final PrintStream out;
    private final BlockingQueue<AccessLogEntry> queue = new ArrayBlockingQueue<>(QUEUE_ENTRIES);
    private final AtomicLong dropped = new AtomicLong();

    AsyncAccessLog(PrintStream out) {
        this.out = out;
        Thread writer = new Thread(this::printForever, "socketlab-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void log(AccessLogEntry entry) {
        if (!queue.offer(entry)) {
            dropped.incrementAndGet();
        }
    }

    private void printForever() {
        try {
            while (true) {
                AccessLogEntry entry = queue.take();
                do {
                    out.println(entry.format());
                    entry = queue.poll();
                } while (entry != null);
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    out.println("access log: " + lost + " entries dropped, the output was too slow");
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
