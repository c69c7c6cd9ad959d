package org.socketlab.cases.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.cases.scan.ConnectScan.Verdict;

/** The probes of the fast scan, on ports of the test's own listeners on loopback. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConnectScanTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    private ServerSocket listener(int backlog) throws IOException {
        ServerSocket listener = new ServerSocket(0, backlog, LOOPBACK);
        resources.add(listener);
        return listener;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            return probe.getLocalPort();
        }
    }

    /**
     * A listener that answers no SYN: its accept queue (backlog 1) holds two connections nobody accepts, so
     * the kernel drops further SYNs, as a firewall that drops packets would.
     */
    private int silentPort() throws IOException {
        ServerSocket listener = listener(1);
        for (int i = 0; i < 2; i++) {
            Socket filler = new Socket();
            resources.add(filler);
            filler.connect(new InetSocketAddress(LOOPBACK, listener.getLocalPort()), 5_000);
        }
        return listener.getLocalPort();
    }

    @Test
    void an_open_port_is_open_and_a_port_where_nobody_listens_is_closed() throws Exception {
        int open = listener(50).getLocalPort();
        int closed = freePort();

        Verdict[] verdicts = ConnectScan.probe(LOOPBACK, List.of(closed, open), 4, SECOND, System.nanoTime() + 10 * SECOND);

        assertArrayEquals(new Verdict[] {Verdict.CLOSED, Verdict.OPEN}, verdicts);
    }

    @Test
    void a_port_that_answers_no_syn_is_filtered_after_the_time_out() throws Exception {
        int silent = silentPort();

        Verdict[] verdicts = ConnectScan.probe(LOOPBACK, List.of(silent), 4, SECOND / 5, System.nanoTime() + 10 * SECOND);

        assertArrayEquals(new Verdict[] {Verdict.FILTERED}, verdicts);
    }

    @Test
    void no_more_connects_than_parallel_are_in_flight() throws Exception {
        // Two silent ports hold both connects in flight until their time-out (3 s), well past the deadline (1 s)
        // after which no probe starts: the third port is reached only if a third connect may be in flight.
        List<Integer> ports = List.of(silentPort(), silentPort(), listener(50).getLocalPort());

        Verdict[] two = ConnectScan.probe(LOOPBACK, ports, 2, 3 * SECOND, System.nanoTime() + SECOND);
        Verdict[] three = ConnectScan.probe(LOOPBACK, ports, 3, SECOND / 5, System.nanoTime() + 10 * SECOND);

        assertEquals(Verdict.FILTERED, two[0]);
        assertEquals(Verdict.FILTERED, two[1]);
        assertNull(two[2], "not probed: no connect was free before the deadline");
        assertArrayEquals(new Verdict[] {Verdict.FILTERED, Verdict.FILTERED, Verdict.OPEN}, three);
    }

    /** Runs a scan that starts with blocking connects, watched as the fast scan watches it. */
    private static Verdict[] probeBlockingFirst(List<Integer> ports, long timeoutNanos) throws Exception {
        ConnectScan scan = new ConnectScan(LOOPBACK, ports, 4, timeoutNanos, System.nanoTime() + 10 * SECOND, true);
        CountDownLatch done = new CountDownLatch(1);
        FutureTask<Verdict[]> run = new FutureTask<>(() -> {
            try {
                return scan.run();
            } finally {
                done.countDown();
            }
        });
        new Thread(run, "blocking scan").start();
        ConnectScan.watch(List.of(scan), done);
        return run.get(10, TimeUnit.SECONDS);
    }

    @Test
    void blocking_connects_on_loopback_find_the_same_verdicts() throws Exception {
        int open = listener(50).getLocalPort();
        int closed = freePort();

        assertArrayEquals(new Verdict[] {Verdict.CLOSED, Verdict.OPEN}, probeBlockingFirst(List.of(closed, open), SECOND));
    }

    @Test
    void a_blocking_connect_left_unanswered_is_closed_by_the_watcher_and_the_rest_go_on_without_blocking()
            throws Exception {
        List<Integer> ports = List.of(listener(50).getLocalPort(), silentPort(), silentPort(), freePort(),
                listener(50).getLocalPort());

        Verdict[] verdicts = probeBlockingFirst(ports, SECOND / 5);

        assertArrayEquals(new Verdict[] {Verdict.OPEN, Verdict.FILTERED, Verdict.FILTERED, Verdict.CLOSED, Verdict.OPEN},
                verdicts);
    }

    @Test
    void stripes_of_one_list_write_their_own_slots_of_one_verdict_array() throws Exception {
        List<Integer> ports = List.of(freePort(), listener(50).getLocalPort(), freePort(), listener(50).getLocalPort(),
                freePort());
        Verdict[] verdicts = new Verdict[ports.size()];
        ConnectScan odd = new ConnectScan(LOOPBACK, ports, 1, 2, verdicts, 4, SECOND, System.nanoTime() + 10 * SECOND,
                true);
        CountDownLatch done = new CountDownLatch(1);
        FutureTask<Verdict[]> run = new FutureTask<>(() -> {
            try {
                return odd.run();
            } finally {
                done.countDown();
            }
        });
        new Thread(run, "odd stripe").start();
        ConnectScan.watch(List.of(odd), done);

        assertArrayEquals(new Verdict[] {null, Verdict.OPEN, null, Verdict.OPEN, null}, run.get(10, TimeUnit.SECONDS));
        // The other stripe, without blocking connects, fills the rest of the same array.
        new ConnectScan(LOOPBACK, ports, 0, 2, verdicts, 4, SECOND, System.nanoTime() + 10 * SECOND, false).run();
        assertArrayEquals(new Verdict[] {Verdict.CLOSED, Verdict.OPEN, Verdict.CLOSED, Verdict.OPEN, Verdict.CLOSED},
                verdicts);
    }

    @Test
    void a_stripe_must_fit_its_list() {
        List<Integer> ports = List.of(1, 2, 3);
        long deadline = System.nanoTime() + SECOND;
        assertThrows(IllegalArgumentException.class,
                () -> new ConnectScan(LOOPBACK, ports, 0, 0, new Verdict[3], 1, SECOND, deadline, false));
        assertThrows(IllegalArgumentException.class,
                () -> new ConnectScan(LOOPBACK, ports, 0, 1, new Verdict[2], 1, SECOND, deadline, false));
    }

    @Test
    void the_tally_counts_every_verdict_and_keeps_the_indices_the_summary_and_the_evidence_need() {
        Verdict[] verdicts = new Verdict[3_000];
        Arrays.fill(verdicts, Verdict.CLOSED);
        for (int i = 0; i < 3_000; i += 2) {
            verdicts[i] = Verdict.OPEN;
        }
        verdicts[1] = null;
        verdicts[5] = Verdict.FILTERED;

        ParallelScan.Tally tally = new ParallelScan.Tally(verdicts);

        assertEquals(1_500, tally.count(Verdict.OPEN));
        assertEquals(1_498, tally.count(Verdict.CLOSED));
        assertEquals(1, tally.count(Verdict.FILTERED));
        assertEquals(1, tally.notScanned);
        assertEquals(ParallelScan.LISTED_OPEN, tally.listedOpen);
        assertEquals(0, tally.open[0]);
        assertEquals(2 * (ParallelScan.LISTED_OPEN - 1), tally.open[ParallelScan.LISTED_OPEN - 1]);
        // Closed ports after the first port only, and no more than are recorded.
        assertEquals(ParallelScan.RECORDED_CLOSED, tally.listedClosed);
        assertArrayEquals(new int[] {3, 7, 9}, tally.closed);
    }

    @Test
    void a_connect_that_met_itself_is_told_from_a_connection_to_a_listener() throws Exception {
        // A socket bound to a port and connected to that same port completes a handshake with itself (a
        // simultaneous open): what a scan's connect to a free port meets when the kernel picks that very port.
        try (SocketChannel self = SocketChannel.open()) {
            self.bind(new InetSocketAddress(LOOPBACK, 0));
            self.connect(self.getLocalAddress());
            assertTrue(self.isConnected());
            assertTrue(ConnectScan.isSelfConnect(self));
        }
        try (SocketChannel client = SocketChannel.open(new InetSocketAddress(LOOPBACK, listener(50).getLocalPort()))) {
            assertFalse(ConnectScan.isSelfConnect(client));
        }
    }

    @Test
    void counts_are_grouped_and_seconds_rounded_as_nmap_prints_them() {
        assertEquals("0", ParallelScan.count(0));
        assertEquals("999", ParallelScan.count(999));
        assertEquals("1,000", ParallelScan.count(1_000));
        assertEquals("65,535", ParallelScan.count(65_535));
        assertEquals("1,234,567", ParallelScan.count(1_234_567));
        assertEquals("0.45", ParallelScan.seconds(449_700_000));
        assertEquals("0.05", ParallelScan.seconds(50_000_000));
        assertEquals("12.00", ParallelScan.seconds(11_996_000_000L));
    }
}
