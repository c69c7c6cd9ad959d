package org.socketlab.cases.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

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
import org.socketlab.cases.UndisturbedRuns;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TcpUppercaseCaseTest {
    private final TcpUppercaseCase labCase = new TcpUppercaseCase();

    @Test
    void default_run_passes_and_prints_the_handouts_console_lines() {
        Transcript transcript = UndisturbedRuns.run(labCase);

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertEquals(List.of("The server is ready to receive", "Input lowercase sentence:hello world",
                "From Server: HELLO WORLD"), transcript.output());
    }

    @Test
    void the_server_asks_recv_for_1024_bytes_and_gets_the_eleven_bytes_of_the_sentence() {
        Transcript transcript = UndisturbedRuns.run(labCase);

        TranscriptEvent recv = only(transcript, "Server", EventKind.RECV);
        assertEquals(1024, recv.requested());
        assertEquals(11, recv.size());
        assertEquals("hello world", recv.text());
        assertEquals("HELLO WORLD", only(transcript, "Server", EventKind.SEND).text());
        assertEquals(1, events(transcript, "Server", EventKind.ACCEPT).size());
    }

    @Test
    void special_characters_and_capitals_come_back_unchanged() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of("message", "Hello &*! World"));

        assertEquals(Outcome.PASSED, transcript.outcome());
        assertTrue(transcript.output().contains("From Server: HELLO &*! WORLD"), transcript.output().toString());
        assertEquals(new Check("Capitals, digits and special characters come back unchanged", true,
                "H____ &*! W____", "H____ &*! W____"), transcript.checks().get(1));
    }

    @Test
    void letters_outside_a_to_z_are_left_alone_as_pythons_byte_upper_does() {
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of("message", "héllo wörld 42"));

        assertEquals(Outcome.PASSED, transcript.outcome());
        assertTrue(transcript.output().contains("From Server: HéLLO WöRLD 42"), transcript.output().toString());
    }

    @Test
    void an_empty_message_is_rejected_naming_the_parameter() {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("message", "")));
        assertEquals("message", e.parameter());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nonsense", "127.0.0.1:", ":8080", "127.0.0.1:99999", "127.0.0.1:port", "::1:80"})
    void a_malformed_target_is_rejected_naming_the_parameter(String target) {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(labCase, Map.of("target", target)));
        assertEquals("target", e.parameter());
    }

    @Test
    void target_checks_a_correct_student_server_and_passes() throws Exception {
        try (StudentServer student = StudentServer.start(
                data -> new String(data, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT)
                        .getBytes(StandardCharsets.UTF_8))) {
            Transcript transcript = UndisturbedRuns.run(labCase,
                    Map.of("target", "127.0.0.1:" + student.port(), "message", "Hello &*! World"));

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
            assertEquals(List.of("Input lowercase sentence:Hello &*! World", "From Server: HELLO &*! WORLD"),
                    transcript.output());
            assertTrue(events(transcript, "Server", EventKind.LISTEN).isEmpty(), "no reference server");
            assertEquals("Hello &*! World", student.received());
        }
    }

    @Test
    void target_fails_a_student_server_that_changes_special_characters() throws Exception {
        // A buggy server that swaps the case of every letter, so capitals come back lowercase.
        try (StudentServer student = StudentServer.start(data -> swapCase(new String(data, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8))) {
            Transcript transcript = UndisturbedRuns.run(labCase,
                    Map.of("target", "localhost:" + student.port(), "message", "Hello World"));

            assertEquals(Outcome.FAILED, transcript.outcome());
            assertTrue(transcript.output().contains("From Server: hELLO wORLD"), transcript.output().toString());
            Check unchanged = transcript.checks().get(1);
            assertFalse(unchanged.passed());
            assertEquals("H____ W____", unchanged.expected());
            assertEquals("h____ w____", unchanged.actual());
        }
    }

    @Test
    void target_where_nothing_listens_fails_a_check_with_connection_refused() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Transcript transcript = UndisturbedRuns.run(labCase, Map.of("target", "127.0.0.1:" + port));

        assertEquals(Outcome.FAILED, transcript.outcome());
        assertEquals(new Check("Your server at 127.0.0.1:" + port + " accepts a connection", false, "a connection",
                "connection refused"), transcript.checks().get(0));
        assertTrue(only(transcript, "Client", EventKind.ERROR).text().contains("Connection refused"));
    }

    private static String swapCase(String text) {
        StringBuilder swapped = new StringBuilder();
        for (char c : text.toCharArray()) {
            swapped.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return swapped.toString();
    }

    private static List<TranscriptEvent> events(Transcript transcript, String actor, EventKind kind) {
        return transcript.events().stream().filter(e -> e.actor().equals(actor) && e.kind() == kind).toList();
    }

    private static TranscriptEvent only(Transcript transcript, String actor, EventKind kind) {
        List<TranscriptEvent> found = events(transcript, actor, kind);
        assertEquals(1, found.size(), () -> actor + " " + kind + " in " + transcript.events());
        return found.get(0);
    }

    /** A student's one-shot TCP server on a test thread: one read, one transformed reply, close. */
    private static final class StudentServer implements AutoCloseable {
        private final ServerSocket server;
        private final CompletableFuture<String> received;

        private StudentServer(ServerSocket server, CompletableFuture<String> received) {
            this.server = server;
            this.received = received;
        }

        static StudentServer start(UnaryOperator<byte[]> transform) throws IOException {
            ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            server.setSoTimeout(5_000);
            CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
                try (Socket socket = server.accept()) {
                    socket.setSoTimeout(5_000);
                    InputStream in = socket.getInputStream();
                    byte[] buffer = new byte[1024];
                    int n = in.read(buffer);
                    byte[] data = Arrays.copyOf(buffer, Math.max(n, 0));
                    socket.getOutputStream().write(transform.apply(data));
                    return new String(data, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            return new StudentServer(server, received);
        }

        int port() {
            return server.getLocalPort();
        }

        String received() throws Exception {
            return received.get(5, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
