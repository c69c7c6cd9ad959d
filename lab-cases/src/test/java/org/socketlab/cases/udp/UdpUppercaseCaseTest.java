package org.socketlab.cases.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketlab.api.CaseRunner;
import org.socketlab.api.InvalidParamException;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;
import org.socketlab.cases.UndisturbedRuns;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class UdpUppercaseCaseTest {
    private final UdpUppercaseCase labCase = new UdpUppercaseCase();

    @Test
    void default_run_passes_and_prints_hello_world_as_the_handout_does() {
        Transcript transcript = UndisturbedRuns.run(labCase);

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertEquals(List.of("The server is ready to receive", "Input lowercase sentence:hello world", "HELLO WORLD"),
                transcript.output());
    }

    @Test
    void the_server_receives_one_whole_datagram_from_the_client_and_replies_to_that_address() {
        Transcript transcript = UndisturbedRuns.run(labCase);

        TranscriptEvent clientSend = only(transcript, "Client", EventKind.SEND);
        TranscriptEvent serverRecv = only(transcript, "Server", EventKind.RECV);
        TranscriptEvent serverSend = only(transcript, "Server", EventKind.SEND);
        assertEquals(2048, serverRecv.requested());
        assertEquals(11, serverRecv.size());
        assertEquals(clientSend.local(), serverRecv.remote());
        assertEquals(clientSend.local(), serverSend.remote());
        assertEquals("HELLO WORLD", serverSend.text());
        assertTrue(transcript.events().stream().noneMatch(e -> e.kind() == EventKind.CONNECT
                || e.kind() == EventKind.ACCEPT), "UDP sets up no connection");
    }

    @Test
    void special_characters_and_capitals_come_back_unchanged() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of("message", "Hello &*! World"));

        assertEquals(Outcome.PASSED, transcript.outcome());
        assertEquals("HELLO &*! WORLD", transcript.output().get(2));
    }

    @Test
    void an_empty_message_is_rejected_naming_the_parameter() {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("message", "")));
        assertEquals("message", e.parameter());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nonsense", "localhost:0", "localhost:65536", "[::1]"})
    void a_malformed_target_is_rejected_naming_the_parameter(String target) {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("target", target)));
        assertEquals("target", e.parameter());
    }

    @Test
    void target_checks_a_correct_student_server_and_passes() throws Exception {
        try (DatagramSocket student = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            CompletableFuture<String> received = serveOnce(student, true);
            Transcript transcript = UndisturbedRuns.run(labCase,
                    Map.of("target", "127.0.0.1:" + student.getLocalPort(), "message", "Hello &*! World"));

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
            assertEquals(List.of("Input lowercase sentence:Hello &*! World", "HELLO &*! WORLD"), transcript.output());
            assertEquals("Hello &*! World", received.get(5, TimeUnit.SECONDS));
            assertTrue(transcript.events().stream().noneMatch(e -> e.actor().equals("Server")));
        }
    }

    @Test
    void target_that_never_answers_fails_after_the_clients_recvfrom_times_out() throws Exception {
        try (DatagramSocket student = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            CompletableFuture<String> received = serveOnce(student, false);
            Transcript transcript = UndisturbedRuns.run(labCase, Map.of("target", "127.0.0.1:" + student.getLocalPort()));

            assertEquals(Outcome.FAILED, transcript.outcome());
            assertTrue(transcript.checks().get(0).name().endsWith(" answers in time"), transcript.checks().toString());
            assertEquals("a datagram within 2000 ms", transcript.checks().get(0).expected());
            assertEquals("recvfrom timed out after 2000 ms", only(transcript, "Client", EventKind.ERROR).text());
            assertEquals("hello world", received.get(5, TimeUnit.SECONDS));
        }
    }

    /** A student's UDP server on a test thread: one datagram, answered in uppercase when {@code reply}. */
    private static CompletableFuture<String> serveOnce(DatagramSocket socket, boolean reply) throws IOException {
        socket.setSoTimeout(5_000);
        return CompletableFuture.supplyAsync(() -> {
            try {
                DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
                socket.receive(packet);
                String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                if (reply) {
                    byte[] upper = text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
                    socket.send(new DatagramPacket(upper, upper.length, packet.getSocketAddress()));
                }
                return text;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static TranscriptEvent only(Transcript transcript, String actor, EventKind kind) {
        List<TranscriptEvent> found = transcript.events().stream()
                .filter(e -> e.actor().equals(actor) && e.kind() == kind).toList();
        assertEquals(1, found.size(), () -> actor + " " + kind + " in " + transcript.events());
        return found.get(0);
    }
}
