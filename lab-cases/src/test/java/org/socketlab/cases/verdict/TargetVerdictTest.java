package org.socketlab.cases.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.socketlab.api.CaseRunner;
import org.socketlab.api.LabCase;
import org.socketlab.api.RunOptions;
import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.cases.LoopbackServer;
import org.socketlab.cases.http.CurlDetectiveCase;
import org.socketlab.cases.http.HttpVisitorServerCase;
import org.socketlab.cases.http.RequestInfoServerCase;
import org.socketlab.cases.http.SimpleServerCase;
import org.socketlab.cases.http.ThreadedWebServerCase;
import org.socketlab.cases.http.WebServerCase;
import org.socketlab.cases.tcp.ServerPushCase;
import org.socketlab.cases.tcp.TcpCounterCase;
import org.socketlab.cases.tcp.TcpUppercaseCase;
import org.socketlab.cases.udp.UdpCounterCase;
import org.socketlab.cases.udp.UdpUppercaseCase;

/**
 * The verdict rule for every built-in case with a {@code target}: whatever the student's server does wrong
 * (nothing listens, it never answers, it closes at once) ends the run {@code failed} with a failed check, never
 * {@code error}, which is kept for the lab's own failures.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TargetVerdictTest {
    /** Short socket time-outs, so that a silent server is noticed quickly. */
    private static final RunOptions QUICK = RunOptions.defaults().withIoTimeout(Duration.ofMillis(300));

    static Stream<Arguments> tcpCases() {
        return Stream.of(
                Arguments.of(new TcpUppercaseCase(), Map.of()),
                Arguments.of(new TcpCounterCase(), Map.of()),
                Arguments.of(new HttpVisitorServerCase(), Map.of()),
                Arguments.of(new RequestInfoServerCase(), Map.of()),
                Arguments.of(new SimpleServerCase(), Map.of()),
                Arguments.of(new ServerPushCase(), Map.of()),
                Arguments.of(new WebServerCase(), Map.of()),
                Arguments.of(new ThreadedWebServerCase(), Map.of("delayMillis", 20)),
                Arguments.of(new CurlDetectiveCase(), Map.of("replyTimeoutMillis", 100)));
    }

    static Stream<Arguments> udpCases() {
        return Stream.of(Arguments.of(new UdpUppercaseCase(), Map.of()), Arguments.of(new UdpCounterCase(), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"tcpCases", "udpCases"})
    void a_target_where_nothing_listens_fails_a_check(LabCase labCase, Map<String, Object> params) throws Exception {
        Transcript transcript = run(labCase, params, "127.0.0.1:" + closedPort());

        assertFailedByTheStudentsServer(transcript);
        if (labCase instanceof UdpUppercaseCase || labCase instanceof UdpCounterCase) {
            return; // UDP never tells the sender that nobody listens: the reply just does not come
        }
        Check first = firstFailed(transcript);
        assertTrue(first.actual().toLowerCase().contains("refused") || first.actual().contains("Failed to connect"),
                first.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tcpCases")
    void a_target_that_accepts_and_never_answers_fails_a_check(LabCase labCase, Map<String, Object> params)
            throws Exception {
        try (LoopbackServer silent = LoopbackServer.start(TargetVerdictTest::readUntilClosed, true)) {
            Transcript transcript = run(labCase, params, silent.target());

            assertFailedByTheStudentsServer(transcript);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tcpCases")
    void a_target_that_closes_at_once_fails_a_check(LabCase labCase, Map<String, Object> params) throws Exception {
        // The server reads what came first and closes. For the curl detective, whose Server.py is meant to close
        // without answering, closing early shows only as the reset that CPython's close with unread bytes causes:
        // the JDK's close sends a FIN first unless lingering is off.
        try (LoopbackServer closing = LoopbackServer.start(socket -> {
            if (!(labCase instanceof ServerPushCase)) {
                socket.getInputStream().read(new byte[8]);
            }
            if (labCase instanceof CurlDetectiveCase) {
                socket.setSoLinger(true, 0);
            }
        }, true)) {
            Transcript transcript = run(labCase, params, closing.target());

            assertFailedByTheStudentsServer(transcript);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("udpCases")
    void a_udp_target_that_never_answers_fails_a_check(LabCase labCase, Map<String, Object> params) throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Transcript transcript = run(labCase, params, "127.0.0.1:" + silent.getLocalPort());

            assertFailedByTheStudentsServer(transcript);
        }
    }

    /**
     * A port where nothing listens, below Linux's ephemeral range (32768 and up): a client's own port is never
     * there, so the lab's connect cannot meet itself (a TCP self-connect) and must be refused.
     */
    private static int closedPort() throws IOException {
        int start = 20_000 + ThreadLocalRandom.current().nextInt(10_000);
        for (int port = start; port < start + 2_000; port++) {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return probe.getLocalPort();
            } catch (IOException taken) {
                // another program has it: try the next one
            }
        }
        throw new IOException("no free port between " + start + " and " + (start + 2_000));
    }

    private static Transcript run(LabCase labCase, Map<String, Object> params, String target) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("target", target);
        return CaseRunner.run(labCase, all, QUICK);
    }

    private static void assertFailedByTheStudentsServer(Transcript transcript) {
        assertNull(transcript.error(), transcript.error());
        assertEquals(Outcome.FAILED, transcript.outcome(), transcript.checks().toString());
        Check failed = firstFailed(transcript);
        assertTrue(failed.expected() != null && failed.actual() != null, failed.toString());
    }

    private static Check firstFailed(Transcript transcript) {
        return transcript.checks().stream().filter(c -> !c.passed()).findFirst().orElseThrow();
    }

    private static void readUntilClosed(java.net.Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            while (in.read(buffer) >= 0) {
                // a silent server reads and never answers
            }
        } catch (SocketTimeoutException e) {
            // the lab's client gave up long before; LoopbackServer closes the connection
        }
    }
}
