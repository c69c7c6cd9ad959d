package org.socketlab.cases.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketlab.api.CaseRunner;
import org.socketlab.api.InvalidParamException;
import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PortScannerCaseTest {

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Test
    void default_run_finds_the_labs_port_open_and_a_free_port_closed() {
        Transcript transcript = CaseRunner.run(new PortScannerCase(), Map.of());

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
        List<String> output = transcript.output();
        assertEquals(2, output.size(), output.toString());
        assertTrue(output.get(0).matches("Port \\d+ on localhost is Open"), output.get(0));
        assertTrue(output.get(1).matches("Port \\d+ on localhost is Close"), output.get(1));
        assertTrue(transcript.checks().stream().allMatch(Check::passed));
    }

    @Test
    void default_run_with_a_fast_scan_checks_the_labs_port_open_and_the_free_port_closed() {
        Transcript transcript = CaseRunner.run(new PortScannerCase(), Map.of("parallel", 4));

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
        assertEquals(2, transcript.checks().size(), transcript.checks().toString());
        assertTrue(transcript.checks().get(0).name().endsWith("is Open"), transcript.checks().toString());
        assertTrue(transcript.checks().stream().allMatch(Check::passed), transcript.checks().toString());
        assertTrue(transcript.output().contains("Not shown: 1 closed tcp ports (conn-refused)"),
                transcript.output().toString());
    }

    @Test
    void default_run_records_the_handshake_to_the_open_port_and_the_refusal_of_the_closed_one() {
        Transcript transcript = CaseRunner.run(new PortScannerCase(), Map.of());

        assertTrue(transcript.events().stream().anyMatch(e -> e.actor().equals("Scanner") && e.kind() == EventKind.CONNECT));
        assertTrue(transcript.events().stream().anyMatch(e -> e.actor().equals("Server") && e.kind() == EventKind.ACCEPT));
        assertTrue(transcript.events().stream().anyMatch(e -> e.actor().equals("Scanner") && e.kind() == EventKind.ERROR
                && e.text().contains("refused")), transcript.events().toString());
    }

    @Test
    void reports_each_port_asked_in_the_order_asked() throws IOException {
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int closed = freePort();
            Transcript transcript = CaseRunner.run(new PortScannerCase(),
                    Map.of("host", "127.0.0.1", "ports", closed + "," + open.getLocalPort()));

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
            assertEquals(List.of("Port " + closed + " on 127.0.0.1 is Close",
                    "Port " + open.getLocalPort() + " on 127.0.0.1 is Open"), transcript.output());
        }
    }

    @Test
    void scanning_the_largest_allowed_range_stays_quick_and_in_order() {
        // Below Linux's ephemeral range (32768 and up), where no test's listener on port 0 can be hit: another
        // build's test would take the scan's connect for its own client.
        Transcript transcript = CaseRunner.run(new PortScannerCase(), Map.of("ports", "20001-21024"));

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.error());
        List<String> expectedOrder = IntStream.rangeClosed(20001, 21024).mapToObj(p -> "Port " + p + " on localhost is ")
                .toList();
        assertEquals(PortScannerCase.MAX_PORTS, transcript.output().size());
        for (int i = 0; i < expectedOrder.size(); i++) {
            assertTrue(transcript.output().get(i).startsWith(expectedOrder.get(i)), transcript.output().get(i));
        }
        // Quick because every probe is answered at once, refused or accepted; none waits for the time-out.
        List<TranscriptEvent> probes = transcript.events().stream().filter(e -> e.actor().equals("Scanner")
                && (e.kind() == EventKind.CONNECT || e.kind() == EventKind.ERROR)).toList();
        assertEquals(PortScannerCase.MAX_PORTS, probes.size());
        assertTrue(probes.stream().allMatch(e -> e.kind() == EventKind.CONNECT || e.text().equals("Connection refused")),
                probes::toString);
    }

    @Test
    void a_parallel_scan_lists_the_open_ports_and_counts_the_closed_ones() throws IOException {
        try (ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket second = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int closed = freePort();
            String ports = closed + "," + first.getLocalPort() + "," + second.getLocalPort();
            Transcript transcript = CaseRunner.run(new PortScannerCase(),
                    Map.of("host", "127.0.0.1", "ports", ports, "parallel", 16));

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
            assertEquals(List.of("Scanning 127.0.0.1 (127.0.0.1): 3 ports, 16 connects in flight",
                    "Not shown: 1 closed tcp ports (conn-refused)",
                    "PORT      STATE",
                    String.format("%-9s open", first.getLocalPort() + "/tcp"),
                    String.format("%-9s open", second.getLocalPort() + "/tcp")),
                    transcript.output().subList(0, 5));
            assertTrue(transcript.output().get(5).matches("Done: 3 ports scanned in \\d+\\.\\d\\d seconds \\(2 open\\)"),
                    transcript.output().get(5));
        }
    }

    @Test
    void a_parallel_scan_records_a_connect_to_each_open_port_and_a_refusal_as_evidence() throws IOException {
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int closed = freePort();
            Transcript transcript = CaseRunner.run(new PortScannerCase(),
                    Map.of("ports", open.getLocalPort() + "," + closed, "parallel", 8));

            String openRemote = "127.0.0.1:" + open.getLocalPort();
            assertTrue(transcript.events().stream().anyMatch(e -> e.kind() == EventKind.CONNECT
                    && openRemote.equals(e.remote())), transcript.events().toString());
            assertTrue(transcript.events().stream().anyMatch(e -> e.kind() == EventKind.ERROR
                    && e.text().contains("refused")), transcript.events().toString());
            assertTrue(transcript.events().stream().anyMatch(e -> e.kind() == EventKind.NOTE
                    && e.text().contains("without recording each connect")), transcript.events().toString());
        }
    }

    @Test
    void the_evidence_follows_the_port_order_and_records_three_refusals_at_most() throws IOException {
        try (ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket second = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Integer> closed = List.of(freePort(), freePort(), freePort(), freePort(), freePort());
            List<Integer> ports = List.of(closed.get(0), first.getLocalPort(), closed.get(1), second.getLocalPort(),
                    closed.get(2), closed.get(3), closed.get(4));
            Transcript transcript = CaseRunner.run(new PortScannerCase(), Map.of("host", "127.0.0.1",
                    "ports", String.join(",", ports.stream().map(String::valueOf).toList()), "parallel", 8));

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
            // The first port's connect, then the evidence in port order: two opens, the refusals up to three in all.
            List<String> probes = transcript.events().stream()
                    .filter(e -> e.kind() == EventKind.CONNECT || e.kind() == EventKind.ERROR)
                    .map(e -> e.kind().jsonName() + " " + e.remote()).toList();
            assertEquals(List.of("error 127.0.0.1:" + closed.get(0), "connect 127.0.0.1:" + first.getLocalPort(),
                    "error 127.0.0.1:" + closed.get(1), "connect 127.0.0.1:" + second.getLocalPort(),
                    "error 127.0.0.1:" + closed.get(2)), probes);
            assertTrue(transcript.events().stream().anyMatch(e -> e.kind() == EventKind.NOTE && e.text().contains(
                    "records 2 connect(s) to open ports and 3 refused connect(s)")), transcript.events().toString());
            assertTrue(transcript.output().contains("Not shown: 5 closed tcp ports (conn-refused)"),
                    transcript.output().toString());
        }
    }

    @Test
    void a_parallel_scan_of_every_port_gives_a_bounded_summary_and_finds_a_port_opened_for_it() throws IOException {
        // On ::1, not 127.0.0.1: a connect to every port of 127.0.0.1 would reach the listeners of the tests that
        // other builds on this machine run at the same time, as a client they did not expect.
        InetAddress ipv6Loopback = InetAddress.getByName("::1");
        try (ServerSocket open = new ServerSocket(0, 50, ipv6Loopback)) {
            Transcript transcript = CaseRunner.run(new PortScannerCase(),
                    Map.of("host", "::1", "ports", "1-65535", "parallel", 256));

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
            assertTrue(transcript.output().contains(String.format("%-9s open", open.getLocalPort() + "/tcp")),
                    transcript.output().toString());
            String done = transcript.output().get(transcript.output().size() - 1);
            assertTrue(done.startsWith("Done: 65,535 ports scanned in "), done);
            String notShown = transcript.output().get(1);
            int closed = Integer.parseInt(notShown.replaceAll("Not shown: ([0-9,]+) closed.*", "$1").replace(",", ""));
            int listedOpen = (int) transcript.output().stream().filter(line -> line.matches("\\d+/tcp +open")).count();
            assertEquals(65_535, closed + listedOpen, transcript.output().toString());
            // Bounded evidence: far fewer events than ports, and never the transcript's "full" note.
            assertTrue(transcript.events().size() < 1_000, "events: " + transcript.events().size());
            assertTrue(transcript.events().stream().noneMatch(e -> e.text() != null && e.text().contains("is full")));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1025})
    void connects_in_flight_outside_1_to_1024_are_rejected_naming_the_parameter(int parallel) {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(new PortScannerCase(), Map.of("ports", "1-10", "parallel", parallel)));

        assertEquals("parallel", e.parameter());
    }

    @Test
    void more_than_1024_ports_need_a_parallel_scan() {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(new PortScannerCase(), Map.of("ports", "1-2000", "parallel", 1)));

        assertEquals("ports", e.parameter());
    }

    @Test
    void a_remote_host_like_google_ends_as_an_error_of_the_target_policy() {
        Transcript transcript = CaseRunner.run(new PortScannerCase(), Map.of("host", "google.com", "ports", "8000"));

        assertEquals(Outcome.ERROR, transcript.outcome());
        assertTrue(transcript.error().contains("not allowed"), transcript.error());
        assertTrue(transcript.output().isEmpty(), "no port may be reported: none was tried");
    }

    @Test
    void a_host_name_that_cannot_exist_ends_as_an_error_not_as_closed_ports() {
        Transcript transcript = CaseRunner.run(new PortScannerCase(), Map.of("host", "no_such_host", "ports", "80,81"));

        assertEquals(Outcome.ERROR, transcript.outcome());
        assertTrue(transcript.error().contains("Unknown host"), transcript.error());
        assertTrue(transcript.output().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "70000", "80-70", "http", "1-2000"})
    void invalid_ports_are_rejected_naming_the_parameter(String ports) {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(new PortScannerCase(), Map.of("ports", ports)));

        assertEquals("ports", e.parameter());
    }

    @Test
    void a_parallel_scan_of_a_remote_host_is_refused_by_the_target_policy_before_any_probe() {
        Transcript transcript = CaseRunner.run(new PortScannerCase(),
                Map.of("host", "google.com", "ports", "1-65535", "parallel", 512));

        assertEquals(Outcome.ERROR, transcript.outcome());
        assertTrue(transcript.error().contains("not allowed"), transcript.error());
        assertTrue(transcript.output().isEmpty(), transcript.output().toString());
    }

    @Test
    void another_host_needs_its_ports_given() {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(new PortScannerCase(), Map.of("host", "google.com")));

        assertEquals("ports", e.parameter());
    }

    @Test
    void a_blank_host_is_rejected_naming_the_parameter() {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(new PortScannerCase(), Map.of("host", " ")));

        assertEquals("host", e.parameter());
    }

    @Test
    void a_time_out_longer_than_two_seconds_is_rejected_naming_the_parameter() {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(new PortScannerCase(), Map.of("timeoutMillis", 5_000)));

        assertEquals("timeoutMillis", e.parameter());
    }
}
