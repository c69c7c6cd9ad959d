package org.socketlab.cases.scan;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.StandardProtocolFamily;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Probes TCP ports the way nmap's connect scan ({@code -sT}) does: a non-blocking {@code connect()} per
 * port, many in flight at once, one thread waiting on all of them with a selector. A completed
 * handshake means open, a reset (connection refused) closed, silence until the time-out filtered.
 * On loopback, where the kernel answers within the call, blocking connects one at a time come first
 * ({@link #runBlocking()}). Nothing here is recorded: the caller records what it keeps as evidence.
 */
final class ConnectScan {

    /** What a probe found, named as nmap names it. */
    enum Verdict {
        /** The handshake completed: something listens. */
        OPEN("open"),
        /** The host answered with a reset: nothing listens. */
        CLOSED("closed"),
        /** No answer before the time-out, or the host is unreachable: a firewall may drop the packets. */
        FILTERED("filtered"),
        /** The probe failed on this machine (e.g. out of local ports or file descriptors). */
        ERROR("error");

        private final String nmapName;

        Verdict(String nmapName) {
            this.nmapName = nmapName;
        }

        /** @return the word nmap prints in its STATE column */
        String nmapName() {
            return nmapName;
        }
    }

    /**
     * How often a port is tried again when the connect met itself. On loopback a connect to a port where
     * nobody listens may get that very port as its own source port: the SYN then reaches the socket that
     * sent it, and the handshake completes with itself (a TCP simultaneous open, RFC 9293 §3.5). That is no
     * listener: like nmap ("Detected likely self-connect"), the port is tried again from another source port.
     */
    static final int SELF_CONNECT_TRIES = 3;

    private static final long WATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** One connect in flight. */
    private record Probe(int index, int tries, long startedNanos, SocketChannel channel) {
    }

    private final InetAddress address;
    private final List<Integer> ports;
    private final int step;
    private final Verdict[] verdicts;
    private final int parallel;
    private final long timeoutNanos;
    private final long deadline;
    private final boolean blockingFirst;
    private final ArrayDeque<Probe> inFlight = new ArrayDeque<>();
    private int next;
    // The blocking connect in progress and when it started, for the watcher (written in this order).
    private volatile long blockingSince;
    private volatile SocketChannel blocking;

    /**
     * A scan of every port of the list.
     *
     * @param address       the host
     * @param ports         the ports to probe
     * @param parallel      how many connects may be in flight at once, at least 1
     * @param timeoutNanos  how long one connect may wait for an answer
     * @param deadline      a {@link System#nanoTime()} after which no new probe starts
     * @param blockingFirst probe one port at a time with blocking connects, until one goes unanswered (see
     *                      {@link #runBlocking()}); only with a watcher calling {@link #expireBlocked}
     */
    ConnectScan(InetAddress address, List<Integer> ports, int parallel, long timeoutNanos, long deadline,
                boolean blockingFirst) {
        this(address, ports, 0, 1, new Verdict[ports.size()], parallel, timeoutNanos, deadline, blockingFirst);
    }

    /**
     * A scan of one stripe of the list, the ports at {@code first}, {@code first + step}, ...: scans of the other
     * stripes run on other threads and write their own slots of the same verdict array. (The stripes used to be
     * copied into lists of their own and their verdicts merged back: two loops of 65,535 iterations in the
     * interpreter, before and after the probes of a whole-range scan.)
     *
     * @param address       the host
     * @param ports         the whole list of ports
     * @param first         the index of this scan's first port
     * @param step          the distance between this scan's ports in the list, at least 1
     * @param verdicts      where this scan writes the verdict of each of its ports, at the port's index; as long as
     *                      the list
     * @param parallel      how many connects may be in flight at once, at least 1
     * @param timeoutNanos  how long one connect may wait for an answer
     * @param deadline      a {@link System#nanoTime()} after which no new probe starts
     * @param blockingFirst probe one port at a time with blocking connects, until one goes unanswered (see
     *                      {@link #runBlocking()}); only with a watcher calling {@link #expireBlocked}
     */
    ConnectScan(InetAddress address, List<Integer> ports, int first, int step, Verdict[] verdicts, int parallel,
                long timeoutNanos, long deadline, boolean blockingFirst) {
        if (step < 1 || first < 0 || verdicts.length != ports.size()) {
            throw new IllegalArgumentException("a stripe from " + first + " every " + step + " of " + ports.size()
                    + " ports, " + verdicts.length + " verdicts");
        }
        this.address = address;
        this.ports = ports;
        this.next = first;
        this.step = step;
        this.verdicts = verdicts;
        this.parallel = Math.max(1, parallel);
        this.timeoutNanos = timeoutNanos;
        this.deadline = deadline;
        this.blockingFirst = blockingFirst;
    }

    /**
     * Probes the ports in order, at most {@code parallel} at once, with non-blocking connects.
     *
     * @param address      the host
     * @param ports        the ports to probe
     * @param parallel     how many connects may be in flight at once, at least 1
     * @param timeoutNanos how long one connect may wait for an answer
     * @param deadline     a {@link System#nanoTime()} after which no new probe starts
     * @return a verdict for each port, in the order given; null for a port not probed before the deadline
     * @throws IOException          if no selector can be opened
     * @throws InterruptedException if the thread was interrupted (the run was stopped); every socket is closed
     */
    static Verdict[] probe(InetAddress address, List<Integer> ports, int parallel, long timeoutNanos, long deadline)
            throws IOException, InterruptedException {
        return new ConnectScan(address, ports, parallel, timeoutNanos, deadline, false).run();
    }

    /**
     * Probes the ports in order.
     *
     * @return the verdict array: a verdict for each of this scan's ports, at its index; null for a port not probed
     *         before the deadline (and for the ports of other stripes)
     * @throws IOException          if no selector can be opened
     * @throws InterruptedException if the thread was interrupted (the run was stopped); every socket is closed
     */
    Verdict[] run() throws IOException, InterruptedException {
        if (blockingFirst && runBlocking()) {
            return verdicts;
        }
        try (Selector selector = Selector.open()) {
            run(selector, parallel, deadline);
        } finally {
            closeAll();
        }
        return verdicts;
    }

    /**
     * Probes one port at a time with blocking connects: on loopback the kernel answers a connect within the
     * system call (a reset or a completed handshake), so a blocking connect costs three system calls
     * (socket, connect, close) where a non-blocking one costs seven (two {@code fcntl}, {@code poll} and
     * {@code getsockopt} more), and less Java code to interpret and compile: 5-10% of the scan's CPU time
     * (docs/benchmarks.md). A port that does not answer (a listener whose queue is full, a firewall rule that drops
     * packets) would hold the thread for the kernel's SYN retries, minutes: the watcher closes a connect
     * older than the time-out ({@link #expireBlocked}), the port is filtered, and the rest of the ports go
     * to the selector, many in flight, since more may be silent.
     *
     * @return whether every port was probed or the deadline passed; false: go on with the selector
     */
    private boolean runBlocking() throws InterruptedException {
        for (int tries = 1; next < ports.size() && System.nanoTime() - deadline < 0; ) {
            SocketChannel channel;
            try {
                channel = open();
            } catch (IOException e) {
                verdicts[next] = Verdict.ERROR;
                next += step;
                tries = 1;
                continue;
            }
            blockingSince = System.nanoTime();
            blocking = channel;
            try {
                channel.connect(new InetSocketAddress(address, ports.get(next)));
                boolean self = isSelfConnect(channel);
                if (self && tries < SELF_CONNECT_TRIES) {
                    tries++;
                    continue;
                }
                // Only a port nobody is bound to can be a connect's own source port.
                verdicts[next] = self ? Verdict.CLOSED : Verdict.OPEN;
            } catch (ClosedByInterruptException e) {
                throw new InterruptedException("the scan was stopped");
            } catch (AsynchronousCloseException e) {
                verdicts[next] = Verdict.FILTERED;
                next += step;
                return false;
            } catch (ClosedChannelException e) {
                // Closed by the watcher before the connect began (this thread stalled longer than the time-out):
                // the port was not probed; the selector tries it.
                return false;
            } catch (IOException e) {
                verdicts[next] = verdictOf(e);
            } finally {
                blocking = null;
                close(channel);
            }
            next += step;
            tries = 1;
        }
        return true;
    }

    /**
     * Called by the watcher: closes the blocking connect in progress if it has waited longer than the
     * time-out, which makes that port filtered.
     *
     * @param now a {@link System#nanoTime()}
     */
    void expireBlocked(long now) {
        // Read in the opposite order of the writes: a channel read here started no earlier than the time read.
        SocketChannel channel = blocking;
        if (channel != null && now - blockingSince >= timeoutNanos) {
            close(channel);
        }
    }

    /**
     * Watches blocking scans until {@code done} reaches zero, closing connects that waited too long; every
     * quarter of the time-out or 50 ms, whichever is shorter, so that no connect outlives the time-out by more
     * than 50 ms (the scan's stop margin covers that).
     *
     * @param scans the scans, each running on its own thread
     * @param done  counted down as each scan ends
     * @throws InterruptedException if the watching thread is interrupted
     */
    static void watch(List<ConnectScan> scans, CountDownLatch done) throws InterruptedException {
        long timeout = scans.stream().mapToLong(scan -> scan.timeoutNanos).min().orElse(WATCH_NANOS);
        long period = Math.max(1, Math.min(WATCH_NANOS, timeout / 4));
        while (!done.await(period, TimeUnit.NANOSECONDS)) {
            long now = System.nanoTime();
            scans.forEach(scan -> scan.expireBlocked(now));
        }
    }

    private SocketChannel open() throws IOException {
        // An IPv4 socket for an IPv4 host: a dual-stack socket costs more in the kernel per connect.
        return address instanceof Inet4Address ? SocketChannel.open(StandardProtocolFamily.INET) : SocketChannel.open();
    }

    private void run(Selector selector, int parallel, long deadline) throws IOException, InterruptedException {
        while (true) {
            while (inFlight.size() < parallel && next < ports.size() && System.nanoTime() - deadline < 0) {
                start(selector, next, 1);
                next += step;
            }
            if (inFlight.isEmpty()) {
                return;
            }
            long waitNanos = inFlight.peekFirst().startedNanos + timeoutNanos - System.nanoTime();
            selector.select(Math.max(1, (waitNanos + 999_999) / 1_000_000));
            for (SelectionKey key : selector.selectedKeys()) {
                finish(selector, (Probe) key.attachment());
            }
            selector.selectedKeys().clear();
            expire();
            if (Thread.interrupted()) {
                throw new InterruptedException("the scan was stopped");
            }
        }
    }

    private void start(Selector selector, int index, int tries) throws IOException {
        SocketChannel channel;
        try {
            channel = open();
        } catch (IOException e) {
            // Out of file descriptors, most likely (other runs, the server's connections): this port is
            // reported as not probed rather than ending the scan.
            verdicts[index] = Verdict.ERROR;
            return;
        }
        try {
            channel.configureBlocking(false);
            // On loopback the answer comes within the connect() call (the reset or the SYN-ACK is handled
            // before it returns), so asking at once spares most probes the selector's registration,
            // wake-up and deregistration: about a third of the scan's system calls.
            if (channel.connect(new InetSocketAddress(address, ports.get(index))) || channel.finishConnect()) {
                connected(selector, index, tries, channel);
                return;
            }
        } catch (IOException e) {
            verdicts[index] = verdictOf(e);
            channel.close();
            return;
        }
        Probe probe = new Probe(index, tries, System.nanoTime(), channel);
        channel.register(selector, SelectionKey.OP_CONNECT, probe);
        inFlight.addLast(probe);
    }

    private void finish(Selector selector, Probe probe) throws IOException {
        try {
            probe.channel.finishConnect();
        } catch (IOException e) {
            verdicts[probe.index] = verdictOf(e);
            close(probe.channel);
            return;
        }
        connected(selector, probe.index, probe.tries, probe.channel);
    }

    // A completed handshake is open, unless it was with the probe's own socket: then nobody listens there.
    private void connected(Selector selector, int index, int tries, SocketChannel channel) throws IOException {
        boolean self = isSelfConnect(channel);
        close(channel);
        if (!self) {
            verdicts[index] = Verdict.OPEN;
        } else if (tries < SELF_CONNECT_TRIES) {
            start(selector, index, tries + 1);
        } else {
            // Only a port nobody is bound to can be a connect's own source port.
            verdicts[index] = Verdict.CLOSED;
        }
    }

    /**
     * @param channel a connected channel
     * @return whether it is connected to itself: the same address and port at both ends
     * @throws IOException if the channel is closed
     */
    static boolean isSelfConnect(SocketChannel channel) throws IOException {
        return channel.getLocalAddress().equals(channel.getRemoteAddress());
    }

    // Probes start in order and share one time-out, so the oldest in flight is always first to expire. A probe
    // that was answered (or tried again after a self-connect) has had its channel closed.
    private void expire() {
        long now = System.nanoTime();
        while (!inFlight.isEmpty()) {
            Probe oldest = inFlight.peekFirst();
            if (!oldest.channel.isOpen()) {
                inFlight.removeFirst();
            } else if (now - oldest.startedNanos >= timeoutNanos) {
                inFlight.removeFirst();
                verdicts[oldest.index] = Verdict.FILTERED;
                close(oldest.channel);
            } else {
                return;
            }
        }
    }

    private static Verdict verdictOf(IOException e) {
        if (e instanceof NoRouteToHostException) {
            return Verdict.FILTERED;
        }
        if (e instanceof ConnectException) {
            // ECONNREFUSED is a reset from the host; ETIMEDOUT from the kernel means no answer at all.
            String message = String.valueOf(e.getMessage());
            return message.contains("timed out") ? Verdict.FILTERED : Verdict.CLOSED;
        }
        return Verdict.ERROR;
    }

    private void closeAll() {
        inFlight.forEach(probe -> close(probe.channel));
        inFlight.clear();
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing more to do with a probe socket that fails to close.
        }
    }
}
