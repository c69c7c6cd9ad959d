package org.socketlab.cases.scan;

import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.socketlab.api.Actor;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.InvalidParamException;
import org.socketlab.api.LabCase;
import org.socketlab.api.Param;
import org.socketlab.api.ParamSpec;
import org.socketlab.api.Params;
import org.socketlab.api.PortList;
import org.socketlab.api.Program;
import org.socketlab.api.RunContext;
import org.socketlab.api.Task;
import org.socketlab.api.TcpConnection;
import org.socketlab.api.TcpListener;
import org.socketlab.cases.Handouts;
import org.socketlab.cases.support.HandoutPrograms;

/** Handout 000, Task 2: a scanner connects to each port of a host and prints whether it is Open or Close. */
public final class PortScannerCase implements LabCase {
    static final Program SCANNER = HandoutPrograms.reconstructed("Scanner", "h000/scanner.py",
            "Written by the lab from the task's hints and its example input and output: connect in "
                    + "try/except, then Open or Close.");

    /** The most ports one run of the handout's scanner may scan: a line each is enough for a lesson. */
    static final int MAX_PORTS = 1024;
    /** The highest TCP port, which the fast scan may reach: the field is 16 bits wide (RFC 9293 §3.1). */
    private static final int MAX_PORT = 65_535;
    /** The most connects in flight of the fast scan: each holds a file descriptor, and runs share the server's. */
    static final int MAX_PARALLEL = 1024;
    // A refused connect on loopback returns at once, so a few tasks suffice; they matter when an allowed
    // remote host drops packets and every try waits for the whole time-out.
    private static final int SCAN_TASKS = 4;
    private static final Duration TIME_MARGIN = Duration.ofMillis(500);
    private static final int RECV_BYTES = 1024;

    private static final CaseInfo INFO = CaseInfo.builder("port-scanner")
            .title("The Port Scanner Probe")
            .summary("A simple port scanner: connect to each port of a host and report it Open or Close.")
            .tags("tcp", "client", "connect", "scan", "errors")
            .source("Handout 000, Task 2: The Port Scanner Probe")
            .group(Handouts.H000)
            .programs(SCANNER)
            .description("""
                    ## Scenario
                    A detective checks which doors are locked. The scanner tries `connect()` on each port of a \
                    host inside a try/except: if the connection is made, something listens there and the port \
                    is **Open**; if it fails, the port is **Close**. By default the lab opens a server of its \
                    own on a loopback port and picks a second port where nobody listens, so that one door of \
                    each kind is there to find.

                    ## What to look for
                    - An open port: the scanner's **connect** succeeds (the three-way handshake completed), \
                    then it closes at once. The lab's server **accept**s and its **recv** returns 0 bytes: the \
                    scanner hung up without a word.
                    - A closed port: an **error** event, *Connection refused*: the host answered the handshake \
                    with a reset. No time is lost on loopback.
                    - A port behind a firewall that drops packets would give *connect timed out* instead: the \
                    scanner waits `timeoutMillis` and also calls it Close.

                    ## Try
                    - Set `ports` to `22,80,8000-8010` to scan this machine's usual services.
                    - Set `ports` to `1-65535` and `parallel` to `512`: many connects in flight at once, as \
                    `nmap -sT` does, scan every port in a second or two; the output becomes nmap's summary \
                    (closed ports counted, open ports listed) and the transcript keeps a few connects as evidence.
                    - Set `host` to `google.com` and `ports` to `8000` (the handout's second example): the lab \
                    refuses to reach other hosts, so the run ends as an error. Scanning machines you do not own \
                    is not a lab exercise.
                    """)
            .build();

    private static final Param<String> HOST = Param.string("host", "localhost",
            "The host to scan (loopback only, unless the server allows more)");
    private static final Param<PortList> PORTS = Param.portList("ports", "", MAX_PORT, "Ports and ranges to scan, "
            + "e.g. 22,80,8000-8010 (at most " + MAX_PORTS + "); empty: a port the lab opens and a port where nobody "
            + "listens");
    private static final Param<Integer> TIMEOUT_MILLIS = Param.integer("timeoutMillis", 500, 1, 2_000,
            "How long each connect may wait before the port counts as Close");
    private static final Param<Integer> PARALLEL = Param.integer("parallel", 1, 1, MAX_PARALLEL,
            "Connects in flight at once. 1: the handout's scanner, a line per port (at most " + MAX_PORTS
                    + " ports). More: a fast scan like nmap's of up to every port 1-65535, with a summary "
                    + "of the closed ports and a list of the open ones");
    private static final List<ParamSpec> PARAMS = Param.specs(HOST, PORTS, TIMEOUT_MILLIS, PARALLEL);

    @Override
    public CaseInfo info() {
        return INFO;
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public void validate(Params params) {
        String host = params.get(HOST).trim();
        if (host.isEmpty()) {
            throw new InvalidParamException("host", "needs a host name or address, e.g. localhost");
        }
        List<Integer> ports = params.get(PORTS).ports();
        if (params.get(PARALLEL) == 1 && ports.size() > MAX_PORTS) {
            throw new InvalidParamException(PORTS.name(), "lists more than " + MAX_PORTS + " ports: scan fewer at a "
                    + "time, or set parallel above 1 for a fast scan");
        }
        // The lab's own server listens on 127.0.0.1 only: on another host its port means nothing.
        if (ports.isEmpty() && !host.equalsIgnoreCase("localhost") && !host.equals("127.0.0.1")) {
            throw new InvalidParamException("ports", "give the ports to scan on " + host
                    + " (left empty, the lab scans ports of its own on localhost)");
        }
    }

    @Override
    public void run(RunContext context) throws Exception {
        String host = context.params().get(HOST).trim();
        Duration timeout = Duration.ofMillis(context.params().get(TIMEOUT_MILLIS));
        List<Integer> ports = context.params().get(PORTS).ports();
        int parallel = context.params().get(PARALLEL);
        Actor scanner = context.actor("Scanner");
        if (!ports.isEmpty()) {
            Scanned scanned = scan(context, scanner, host, ports, timeout, parallel);
            context.checkEquals("Every port asked was scanned", ports.size(), scanned.count());
            return;
        }
        Actor server = context.actor("Server");
        try (TcpListener listener = server.listen()) {
            int closedPort = context.freePort();
            context.note("The lab's server listens on port " + listener.port() + "; nobody listens on port "
                    + closedPort + ".");
            Task<Void> serving = context.start("Server", () -> {
                try (TcpConnection visitor = listener.accept()) {
                    visitor.recv(RECV_BYTES);
                }
            });
            List<Boolean> open = scan(context, scanner, host, List.of(listener.port(), closedPort), timeout, parallel)
                    .open();
            if (Boolean.TRUE.equals(open.get(0))) {
                serving.join();
            }
            context.checkEquals("Port " + listener.port() + ", where the lab's server listens, is Open", "Open",
                    state(open.get(0)));
            context.checkEquals("Port " + closedPort + ", where nobody listens, is Close", "Close",
                    state(open.get(1)));
        }
    }

    /**
     * What a scan found.
     *
     * @param open  per port in the order asked: open, closed, or null where the run's time ran out first
     * @param count how many ports were scanned
     */
    private record Scanned(List<Boolean> open, int count) {
    }

    /**
     * Scans the ports and prints the results: the handout's line per port in the order asked, or with
     * {@code parallel} above 1 the fast scan's summary.
     */
    private static Scanned scan(RunContext context, Actor scanner, String host, List<Integer> ports,
                                      Duration timeout, int parallel) throws Exception {
        // The first port is tried here: a host the run may not reach, or that cannot exist, ends the run
        // once, before any other connect.
        boolean firstOpen = isOpen(scanner, host, ports.get(0), timeout);
        if (parallel > 1) {
            ParallelScan.Result result = ParallelScan.scan(context, scanner, host, ports, timeout, parallel, firstOpen);
            return new Scanned(new OpenView(result.verdicts()), result.scanned());
        }
        List<CompletableFuture<Boolean>> results = new ArrayList<>();
        ports.forEach(port -> results.add(new CompletableFuture<>()));
        results.get(0).complete(firstOpen);
        AtomicInteger next = new AtomicInteger(1);
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < Math.min(SCAN_TASKS, ports.size() - 1); i++) {
            tasks.add(context.start("Scanner " + (i + 1), () -> {
                for (int index; (index = next.getAndIncrement()) < ports.size(); ) {
                    try {
                        results.get(index).complete(context.remaining().compareTo(timeout.plus(TIME_MARGIN)) < 0
                                ? null : isOpen(scanner, host, ports.get(index), timeout));
                    } catch (RuntimeException | IOException e) {
                        results.get(index).completeExceptionally(e);
                        throw e;
                    }
                }
            }));
        }
        List<Boolean> open = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            Boolean state = await(results.get(i), context);
            open.add(state);
            if (state == null) {
                context.note("Port " + ports.get(i) + " was not scanned: the run's time was running out.");
            } else {
                scanner.print("Port " + ports.get(i) + " on " + host + " is " + state(state));
            }
        }
        tasks.forEach(Task::join);
        return new Scanned(open, scanned(open));
    }

    /**
     * The fast scan's verdicts read as the handout's Open (true) or Close (false), null where not scanned, without
     * copying them: a whole-range scan's 65,535 verdicts are converted only where read.
     */
    private static final class OpenView extends AbstractList<Boolean> implements RandomAccess {
        private final ConnectScan.Verdict[] verdicts;

        OpenView(ConnectScan.Verdict[] verdicts) {
            this.verdicts = verdicts;
        }

        @Override
        public Boolean get(int index) {
            return verdicts[index] == null ? null : verdicts[index] == ConnectScan.Verdict.OPEN;
        }

        @Override
        public int size() {
            return verdicts.length;
        }
    }

    // The handout's try/except: any failure to connect (refused, timed out, unreachable) means Close. An
    // unknown host is different: no port was tried, so it ends the run instead.
    private static boolean isOpen(Actor scanner, String host, int port, Duration timeout) throws UnknownHostException {
        try {
            scanner.connect(host, port, timeout).close();
            return true;
        } catch (UnknownHostException e) {
            throw e;
        } catch (IOException e) {
            return false;
        }
    }

    private static Boolean await(CompletableFuture<Boolean> result, RunContext context) throws Exception {
        try {
            return result.get(Math.max(1, context.remaining().toMillis()), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    // The handout's scanner: at most 1,024 ports.
    private static int scanned(List<Boolean> results) {
        int scanned = 0;
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) != null) {
                scanned++;
            }
        }
        return scanned;
    }

    private static String state(Boolean open) {
        return open == null ? "not scanned" : open ? "Open" : "Close";
    }
}
