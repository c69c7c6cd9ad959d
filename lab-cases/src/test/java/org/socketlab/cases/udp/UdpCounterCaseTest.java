package org.socketlab.cases.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.api.CaseRunner;
import org.socketlab.api.InvalidParamException;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;
import org.socketlab.cases.UndisturbedRuns;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UdpCounterCaseTest {
    private final UdpCounterCase labCase = new UdpCounterCase();

    @Test
    void default_run_passes_and_prints_the_counter_lines() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of());

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.toString());
        List<String> output = transcript.output();
        assertTrue(output.get(0).startsWith("UDP Server listening on 127.0.0.1:"), output.get(0));
        for (int n = 1; n <= 3; n++) {
            int count = n;
            assertTrue(output.stream().anyMatch(line -> line.matches(
                    "Received from \\('127\\.0\\.0\\.1', \\d+\\): Received! Message #" + count)), output.toString());
            assertTrue(output.stream().anyMatch(line -> line.matches(
                    "Message #" + count + " from \\('127\\.0\\.0\\.1', \\d+\\): Hello from UDP client!")),
                    output.toString());
        }
    }

    @Test
    void udp_needs_no_connect_and_no_accept() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of());

        assertTrue(transcript.events().stream().noneMatch(e -> e.kind() == EventKind.CONNECT
                || e.kind() == EventKind.ACCEPT));
        List<TranscriptEvent> serverRecvs = transcript.events().stream()
                .filter(e -> e.actor().equals("Server") && e.kind() == EventKind.RECV).toList();
        assertEquals(3, serverRecvs.size());
        assertEquals(3, serverRecvs.stream().map(TranscriptEvent::remote).distinct().count(),
                "each run of the client sends from a port of its own");
        serverRecvs.forEach(recv -> assertEquals(1024, recv.requested()));
    }

    @Test
    void rejects_a_message_longer_than_the_buffer_and_a_bad_target() {
        assertEquals("message", assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("message", "x".repeat(1025)))).parameter());
        assertEquals("target", assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("target", "127.0.0.1:0"))).parameter());
    }

    @Test
    void target_checks_a_student_server() throws Exception {
        try (DatagramSocket student = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            student.setSoTimeout(5_000);
            Thread server = new Thread(() -> answer(student, 3));
            server.start();

            Transcript transcript = UndisturbedRuns.run(labCase, Map.of("target", "127.0.0.1:" + student.getLocalPort()));

            server.join(5_000);
            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
            assertTrue(transcript.output().stream().anyMatch(line -> line.endsWith(": Received! Message #3")));
        }
    }

    @Test
    void target_that_never_answers_fails_instead_of_hanging() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Transcript transcript = UndisturbedRuns.run(labCase,
                    Map.of("target", "127.0.0.1:" + silent.getLocalPort(), "clients", 1));

            assertEquals(Outcome.FAILED, transcript.outcome());
            assertTrue(transcript.checks().get(0).name().matches("Your server at 127\\.0\\.0\\.1:\\d+ answers in time"),
                    transcript.checks().toString());
            assertTrue(transcript.events().stream().anyMatch(e -> e.kind() == EventKind.ERROR
                    && e.text().contains("recvfrom timed out")), transcript.events().toString());
        }
    }

    private static void answer(DatagramSocket socket, int messages) {
        try {
            for (int count = 1; count <= messages; count++) {
                DatagramPacket packet = new DatagramPacket(new byte[1024], 1024);
                socket.receive(packet);
                byte[] reply = ("Received! Message #" + count).getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
