package org.socketlab.server.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An access log written by one daemon thread from a bounded queue, so request threads never wait on
 * output. Profiling under load showed the cost was not the formatting but the hand-off: a blocking
 * queue woke the writer (a futex call) on every request, and a PrintStream wrote each line with its own
 * system call. Here a request thread wakes the writer only when it sleeps, the writer gathers what
 * arrives within {@link #BATCH_NANOS} and writes it in one call.
 */
final class AsyncAccessLog implements AccessLog {

    /** Entries waiting to be written before new ones are dropped. */
    static final int QUEUE_ENTRIES = 16_384;
    /** How long the writer waits for more entries after a batch, before it sleeps until woken. */
    static final long BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final int FLUSH_BYTES = 64 * 1024;

    static final AccessLog NONE = new AccessLog() {
        @Override
        public void log(AccessLogEntry entry) {
        }

        @Override
        public boolean enabled() {
            return false;
        }
    };

    private final OutputStream out;
    // Batches: a connection loop hands over the entries of a whole round at once (see logAll).
    private final Queue<AccessLogEntry[]> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean sleeping;
    // Used by the writer thread alone.
    private final StringBuilder text = new StringBuilder(FLUSH_BYTES + 1024);
    private long formattedSecond = Long.MIN_VALUE;
    private String formattedTime;
    // Lines in a row mostly come from the same client address: format it once, not once a line.
    private InetAddress formattedRemote;
    private String formattedAddress;
    // And the same request: under load most lines differ from the one before only in their time and duration.
    private AccessLogEntry formattedRequestOf;
    private String formattedRequest;

    AsyncAccessLog(OutputStream out) {
        this.out = out;
        this.writer = new Thread(this::writeForever, "socketlab-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void log(AccessLogEntry entry) {
        enqueue(new AccessLogEntry[] {entry});
    }

    /**
     * Queues the first {@code count} entries of the array (copied: the caller may reuse it). A connection loop logs the answers of one round of its selector this way: one hand-off per round, not
     * one per request, as the queue's node and its counter, shared with the writer's thread, cost more
     * than the entry itself once a request took a few microseconds.
     */
    void logAll(AccessLogEntry[] entries, int count) {
        enqueue(Arrays.copyOf(entries, count));
    }

    private void enqueue(AccessLogEntry[] batch) {
        int count = batch.length;
        if (queued.addAndGet(count) > QUEUE_ENTRIES) {
            queued.addAndGet(-count);
            dropped.addAndGet(count);
            return;
        }
        queue.add(batch);
        if (sleeping) {
            LockSupport.unpark(writer);
        }
    }

    private void writeForever() {
        while (true) {
            if (!drain()) {
                // Nothing came during the batch window: sleep until a request thread wakes us. The
                // flag is set before the queue is checked again, so an entry added meanwhile is seen
                // either here or by its producer, which then unparks.
                sleeping = true;
                if (queue.isEmpty()) {
                    LockSupport.park(this);
                }
                sleeping = false;
            } else {
                LockSupport.parkNanos(this, BATCH_NANOS);
            }
            if (Thread.interrupted()) {
                return;
            }
        }
    }

    /** Writes everything queued; returns whether there was anything. */
    private boolean drain() {
        boolean any = false;
        AccessLogEntry[] batch;
        while ((batch = queue.poll()) != null) {
            queued.addAndGet(-batch.length);
            any = true;
            for (AccessLogEntry entry : batch) {
                text.append(address(entry.remote())).append(" - - [").append(time(entry.time())).append("] ")
                        .append(request(entry));
                entry.appendDuration(text).append('\n');
                if (text.length() >= FLUSH_BYTES) {
                    write(false);
                }
            }
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            text.append("access log: ").append(lost).append(" entries dropped, the output was too slow\n");
        }
        if (any || lost > 0) {
            write(true);
        }
        return any;
    }

    private String time(Instant time) {
        long second = time.getEpochSecond();
        if (second != formattedSecond) {
            formattedTime = AccessLogEntry.formatTime(time);
            formattedSecond = second;
        }
        return formattedTime;
    }

    private String request(AccessLogEntry entry) {
        if (formattedRequestOf == null || !entry.sameRequestPart(formattedRequestOf)) {
            formattedRequest = entry.appendRequest(new StringBuilder(128)).toString();
            formattedRequestOf = entry;
        }
        return formattedRequest;
    }

    private String address(InetSocketAddress remote) {
        if (remote == null) {
            return AccessLogEntry.formatAddress(null);
        }
        if (!remote.getAddress().equals(formattedRemote)) {
            formattedAddress = AccessLogEntry.formatAddress(remote);
            formattedRemote = remote.getAddress();
        }
        return formattedAddress;
    }

    private void write(boolean flush) {
        try {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            if (flush) {
                out.flush();
            }
        } catch (IOException e) {
            // A log that cannot be written must not stop the server; the lines are lost.
        }
        text.setLength(0);
    }
}
