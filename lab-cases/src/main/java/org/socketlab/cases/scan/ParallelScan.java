package org.socketlab.cases.scan;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.socketlab.api.Actor;
import org.socketlab.api.RunContext;
import org.socketlab.api.TargetPolicy;
import org.socketlab.api.Task;
import org.socketlab.cases.scan.ConnectScan.Verdict;

/**
 * The fast scan of the port scanner case ({@code parallel} above 1): many connects in flight, an
 * nmap-like summary instead of a line per port. A whole-range scan would make 65,535 events, more
 * than a transcript holds, so the transcript keeps bounded evidence: the first port's connect (which
 * also checks the host against the run's policy), a recorded connect to every open port up to
 * {@link #RECORDED_OPEN}, and a few refused connects; a note counts what was probed unrecorded.
 */
final class ParallelScan {

    /** Open ports confirmed with a recorded connect; the rest are listed but not recorded. */
    static final int RECORDED_OPEN = 50;
    /** Refused connects recorded as evidence of closed ports. */
    static final int RECORDED_CLOSED = 3;
    /** Open ports listed in the output, so that the console stays readable. */
    static final int LISTED_OPEN = 1_000;
    private static final Duration STOP_MARGIN = Duration.ofMillis(300);
    private static final int MAX_STRIPES = 4;

    private ParallelScan() {
    }

    /**
     * What a scan found.
     *
     * @param verdicts the verdict of every port in order, null where the run's time ran out first
     * @param scanned  how many ports have a verdict
     */
    record Result(Verdict[] verdicts, int scanned) {
    }

    /**
     * Scans and prints the summary.
     *
     * @param firstOpen the verdict of the first port, already found by a recorded connect
     * @return what the scan found
     */
    static Result scan(RunContext context, Actor scanner, String host, List<Integer> ports, Duration timeout,
                       int parallel, boolean firstOpen) throws IOException, InterruptedException {
        long started = System.nanoTime();
        // The first port's recorded connect passed the run's policy, so the host may be reached: resolve
        // it the same way (no DNS for loopback names) to probe the others without recording each.
        InetAddress address = TargetPolicy.anyHost().resolve(host);
        scanner.print("Scanning " + host + " (" + address.getHostAddress() + "): " + count(ports.size()) + " ports, "
                + count(parallel) + " connects in flight");
        long deadline = System.nanoTime() + context.remaining().minus(timeout).minus(STOP_MARGIN).toNanos();
        Verdict[] verdicts = new Verdict[ports.size()];
        verdicts[0] = firstOpen ? Verdict.OPEN : Verdict.CLOSED;
        probeInStripes(context, address, ports, verdicts, parallel, timeout, deadline);
        Tally tally = new Tally(verdicts);
        printSummary(scanner, ports, tally, System.nanoTime() - started);
        recordEvidence(context, scanner, host, ports, verdicts, tally, timeout);
        return new Result(verdicts, verdicts.length - tally.notScanned);
    }

    /**
     * Probes every port but the first. On loopback a connect is answered inside the system call, so
     * one thread is bound by its own system calls, not by connects in flight: the ports are dealt to one
     * task per processor, each with its share of the connects in flight. On loopback they start with
     * blocking connects, which this thread watches for connects left unanswered.
     */
    private static void probeInStripes(RunContext context, InetAddress address, List<Integer> ports,
                                       Verdict[] verdicts, int parallel, Duration timeout, long deadline)
            throws InterruptedException {
        int stripes = Math.max(1, Math.min(Math.min(MAX_STRIPES, Runtime.getRuntime().availableProcessors()),
                Math.min(parallel, ports.size() - 1)));
        List<ConnectScan> scans = new ArrayList<>();
        List<Task<Verdict[]>> tasks = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(stripes);
        for (int stripe = 0; stripe < stripes; stripe++) {
            // Each task writes the verdicts of its own ports, at their indices; join() publishes them to this thread.
            ConnectScan scan = new ConnectScan(address, ports, 1 + stripe, stripes, verdicts,
                    Math.max(1, parallel / stripes), timeout.toNanos(), deadline, address.isLoopbackAddress());
            scans.add(scan);
            tasks.add(context.supply("Scanner " + (stripe + 1), () -> {
                try {
                    return scan.run();
                } finally {
                    done.countDown();
                }
            }));
        }
        ConnectScan.watch(scans, done);
        tasks.forEach(Task::join);
    }

    /**
     * The verdicts counted in one pass, with the indices the summary lists and the evidence connects to: a
     * whole-range scan's 65,535 verdicts are read once, by code that runs once per scan (in the interpreter),
     * where the summary, the evidence and the case's own count used to read them a pass each.
     */
    static final class Tally {
        final int[] counts = new int[Verdict.values().length];
        int notScanned;
        /** The indices of the first open ports, in order: as many as are listed or recorded. */
        final int[] open;
        int listedOpen;
        /** The indices of the first closed ports after the first port, in order. */
        final int[] closed = new int[RECORDED_CLOSED];
        int listedClosed;

        Tally(Verdict[] verdicts) {
            int[] openFound = new int[Math.min(verdicts.length, Math.max(LISTED_OPEN, RECORDED_OPEN))];
            for (int i = 0; i < verdicts.length; i++) {
                Verdict verdict = verdicts[i];
                if (verdict == null) {
                    notScanned++;
                    continue;
                }
                counts[verdict.ordinal()]++;
                if (verdict == Verdict.OPEN && listedOpen < openFound.length) {
                    openFound[listedOpen++] = i;
                } else if (verdict == Verdict.CLOSED && i > 0 && listedClosed < closed.length) {
                    closed[listedClosed++] = i;
                }
            }
            this.open = openFound;
        }

        int count(Verdict verdict) {
            return counts[verdict.ordinal()];
        }
    }

    private static void printSummary(Actor scanner, List<Integer> ports, Tally tally, long elapsedNanos) {
        List<String> hidden = new ArrayList<>();
        if (tally.count(Verdict.CLOSED) > 0) {
            hidden.add(count(tally.count(Verdict.CLOSED)) + " closed tcp ports (conn-refused)");
        }
        if (tally.count(Verdict.FILTERED) > 0) {
            hidden.add(count(tally.count(Verdict.FILTERED)) + " filtered tcp ports (no-response)");
        }
        if (tally.count(Verdict.ERROR) > 0) {
            hidden.add(count(tally.count(Verdict.ERROR)) + " tcp ports not probed (local error)");
        }
        if (!hidden.isEmpty()) {
            scanner.print("Not shown: " + String.join(", ", hidden));
        }
        int open = tally.count(Verdict.OPEN);
        if (open > 0) {
            scanner.print(row("PORT", "STATE"));
            int listed = Math.min(LISTED_OPEN, tally.listedOpen);
            for (int k = 0; k < listed; k++) {
                scanner.print(row(ports.get(tally.open[k]) + "/tcp", "open"));
            }
            if (open > listed) {
                scanner.print("... and " + count(open - listed) + " more open ports");
            }
        }
        if (tally.notScanned > 0) {
            scanner.print(count(tally.notScanned) + " ports were not scanned: the run's time was running out");
        }
        scanner.print("Done: " + count(ports.size() - tally.notScanned) + " ports scanned in "
                + seconds(elapsedNanos) + " seconds (" + count(open) + " open)");
    }

    // Evidence: a recorded connect per open port (up to a bound) and a few recorded refusals, in port order.
    private static void recordEvidence(RunContext context, Actor scanner, String host, List<Integer> ports,
                                       Verdict[] verdicts, Tally tally, Duration timeout) {
        int recordedOpen = verdicts[0] == Verdict.OPEN ? 1 : 0;
        int recordedClosed = verdicts[0] == Verdict.CLOSED ? 1 : 0;
        // The candidates after the first port: the tally's open and closed indices, merged in order.
        int o = verdicts[0] == Verdict.OPEN ? 1 : 0;
        int c = 0;
        while (true) {
            boolean openNext = o < tally.listedOpen && recordedOpen < RECORDED_OPEN;
            boolean closedNext = c < tally.listedClosed && recordedClosed < RECORDED_CLOSED;
            if (!openNext && !closedNext || context.remaining().compareTo(timeout.plus(STOP_MARGIN)) < 0) {
                break;
            }
            boolean open = openNext && (!closedNext || tally.open[o] < tally.closed[c]);
            int index = open ? tally.open[o++] : tally.closed[c++];
            try {
                scanner.connect(host, ports.get(index), timeout).close();
            } catch (IOException e) {
                // Recorded as an error event: the evidence of a refusal.
            }
            if (open) {
                recordedOpen++;
            } else {
                recordedClosed++;
            }
        }
        context.note("The scan probed " + count(verdicts.length - 1) + " ports without recording each connect; as "
                + "evidence the transcript records " + recordedOpen + " connect(s) to open ports and " + recordedClosed
                + " refused connect(s), the first port's included.");
    }

    // The summary is formatted by hand: String.format's first use loads the formatter and the locale data,
    // about 15 ms of a whole-range scan from the command line.

    /** @return e.g. {@code 65,535}, grouped as nmap prints counts */
    static String count(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder out = new StringBuilder(n < 0 ? "-" : "");
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    /** @return the nanoseconds as seconds with two decimals, rounded, e.g. {@code 0.45} */
    static String seconds(long nanos) {
        long hundredths = Math.max(0, (nanos + 5_000_000) / 10_000_000);
        return hundredths / 100 + "." + (hundredths % 100 < 10 ? "0" : "") + hundredths % 100;
    }

    // nmap's PORT and STATE columns.
    private static String row(String port, String state) {
        return port + " ".repeat(Math.max(1, 10 - port.length())) + state;
    }
}
