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
     * Scans and prints the summary.
     *
     * @param first the verdict of the first port, already found by a recorded connect
     * @return the verdict of every port in order, null where the run's time ran out first
     */
    static Verdict[] scan(RunContext context, Actor scanner, String host, List<Integer> ports, Duration timeout,
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
        printSummary(scanner, ports, verdicts, System.nanoTime() - started);
        recordEvidence(context, scanner, host, ports, verdicts, timeout);
        return verdicts;
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
            List<Integer> share = new ArrayList<>();
            for (int i = 1 + stripe; i < ports.size(); i += stripes) {
                share.add(ports.get(i));
            }
            ConnectScan scan = new ConnectScan(address, share, Math.max(1, parallel / stripes), timeout.toNanos(),
                    deadline, address.isLoopbackAddress());
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
        for (int stripe = 0; stripe < stripes; stripe++) {
            Verdict[] found = tasks.get(stripe).join();
            for (int k = 0, i = 1 + stripe; i < ports.size(); k++, i += stripes) {
                verdicts[i] = found[k];
            }
        }
    }

    private static void printSummary(Actor scanner, List<Integer> ports, Verdict[] verdicts, long elapsedNanos) {
        // An int per verdict, not a map: this loop runs once per scan, in the interpreter, 65,535 times.
        int[] counts = new int[Verdict.values().length];
        int notScanned = 0;
        for (Verdict verdict : verdicts) {
            if (verdict == null) {
                notScanned++;
            } else {
                counts[verdict.ordinal()]++;
            }
        }
        List<String> hidden = new ArrayList<>();
        if (counts[Verdict.CLOSED.ordinal()] > 0) {
            hidden.add(count(counts[Verdict.CLOSED.ordinal()]) + " closed tcp ports (conn-refused)");
        }
        if (counts[Verdict.FILTERED.ordinal()] > 0) {
            hidden.add(count(counts[Verdict.FILTERED.ordinal()]) + " filtered tcp ports (no-response)");
        }
        if (counts[Verdict.ERROR.ordinal()] > 0) {
            hidden.add(count(counts[Verdict.ERROR.ordinal()]) + " tcp ports not probed (local error)");
        }
        if (!hidden.isEmpty()) {
            scanner.print("Not shown: " + String.join(", ", hidden));
        }
        int open = counts[Verdict.OPEN.ordinal()];
        if (open > 0) {
            scanner.print(row("PORT", "STATE"));
            int listed = 0;
            for (int i = 0; i < verdicts.length && listed < LISTED_OPEN; i++) {
                if (verdicts[i] == Verdict.OPEN) {
                    scanner.print(row(ports.get(i) + "/tcp", "open"));
                    listed++;
                }
            }
            if (open > listed) {
                scanner.print("... and " + count(open - listed) + " more open ports");
            }
        }
        if (notScanned > 0) {
            scanner.print(count(notScanned) + " ports were not scanned: the run's time was running out");
        }
        scanner.print("Done: " + count(verdicts.length - notScanned) + " ports scanned in " + seconds(elapsedNanos)
                + " seconds (" + count(open) + " open)");
    }

    // Evidence: a recorded connect per open port (up to a bound) and a few recorded refusals.
    private static void recordEvidence(RunContext context, Actor scanner, String host, List<Integer> ports,
                                       Verdict[] verdicts, Duration timeout) {
        int recordedOpen = verdicts[0] == Verdict.OPEN ? 1 : 0;
        int recordedClosed = verdicts[0] == Verdict.CLOSED ? 1 : 0;
        for (int i = 1; i < verdicts.length; i++) {
            boolean open = verdicts[i] == Verdict.OPEN && recordedOpen < RECORDED_OPEN;
            boolean closed = verdicts[i] == Verdict.CLOSED && recordedClosed < RECORDED_CLOSED;
            if (!open && !closed || context.remaining().compareTo(timeout.plus(STOP_MARGIN)) < 0) {
                continue;
            }
            try {
                scanner.connect(host, ports.get(i), timeout).close();
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
