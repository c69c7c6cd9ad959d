package org.socketlab.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.api.transcript.Check;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CaseRunnerTest {
    private static final RunOptions SHORT = RunOptions.defaults().withIoTimeout(Duration.ofSeconds(2));

    /** A case made of a lambda, so that each test shows its whole scenario inline. */
    @FunctionalInterface
    private interface Body {
        void run(RunContext context) throws Exception;
    }

    private record InlineCase(List<ParamSpec> params, Body body) implements LabCase {
        InlineCase(Body body) {
            this(List.of(), body);
        }

        @Override
        public CaseInfo info() {
            return CaseInfo.builder("inline-case").title("Inline").summary("A test case.").source("CaseRunnerTest")
                    .build();
        }

        @Override
        public void run(RunContext context) throws Exception {
            body.run(context);
        }
    }

    private static Transcript run(Body body) {
        return CaseRunner.run(new InlineCase(body), Map.of(), SHORT);
    }

    @Test
    void each_send_and_recv_records_its_exact_bytes_and_each_recv_the_size_it_asked_for() {
        Transcript transcript = run(context -> {
            Actor bob = context.actor("Bob");
            try (TcpListener server = bob.listen()) {
                Task<Void> alice = context.start("Alice", () -> {
                    try (TcpConnection client = context.actor("Alice").connect("127.0.0.1", server.port())) {
                        client.send("HELLO WORLD");
                    }
                });
                try (TcpConnection connection = server.accept()) {
                    alice.join();
                    connection.recv(8);
                    connection.recv(8);
                }
            }
        });

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.error());
        TranscriptEvent send = only(transcript, "Alice", EventKind.SEND);
        assertEquals(11, send.size());
        assertNull(send.requested());
        assertArrayEquals("HELLO WORLD".getBytes(StandardCharsets.US_ASCII), send.bytes());
        List<TranscriptEvent> recvs = events(transcript, "Bob", EventKind.RECV);
        assertEquals(List.of(8, 8), recvs.stream().map(TranscriptEvent::requested).toList());
        assertEquals(List.of(8, 3), recvs.stream().map(TranscriptEvent::size).toList());
        assertEquals(List.of("HELLO WO", "RLD"), recvs.stream().map(TranscriptEvent::text).toList());
        assertEquals(send.local(), recvs.get(0).remote());
        assertEquals("tcp", send.protocol());
    }

    @Test
    void a_recv_after_the_peer_closed_records_size_0() {
        Transcript transcript = run(context -> {
            try (TcpListener server = context.actor("Bob").listen()) {
                Task<Void> alice = context.start("Alice", () -> context.actor("Alice")
                        .connect("127.0.0.1", server.port()).close());
                try (TcpConnection connection = server.accept()) {
                    alice.join();
                    context.checkEquals("nothing came", 0, connection.recv(64).length);
                }
            }
        });

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.error());
        TranscriptEvent recv = only(transcript, "Bob", EventKind.RECV);
        assertEquals(64, recv.requested());
        assertEquals(0, recv.size());
        assertEquals(0, recv.bytes().length);
        assertEquals(1, events(transcript, "Alice", EventKind.CLOSE).size());
    }

    @Test
    void a_refused_connect_is_recorded_as_an_error_event() {
        Transcript transcript = run(context -> {
            int port = context.freePort();
            try {
                context.actor("Alice").connect("127.0.0.1", port);
                context.check("refused", false, "Connection refused", "connected");
            } catch (ConnectException e) {
                context.check("refused", true, "Connection refused", e.getMessage());
            }
        });

        assertEquals(Outcome.PASSED, transcript.outcome());
        TranscriptEvent error = only(transcript, "Alice", EventKind.ERROR);
        assertTrue(error.text().contains("Connection refused"), error.text());
        assertTrue(error.remote().startsWith("127.0.0.1:"), error.remote());
        assertEquals("tcp", error.protocol());
    }

    @Test
    void a_refused_connect_that_the_case_does_not_catch_ends_the_run_as_an_error() {
        Transcript transcript = run(context -> context.actor("Alice").connect("127.0.0.1", context.freePort()));

        assertEquals(Outcome.ERROR, transcript.outcome());
        assertEquals("Connection refused", transcript.error());
        assertEquals(1, events(transcript, "Alice", EventKind.ERROR).size(), "recorded once, not twice");
    }

    @Test
    void a_case_that_throws_ends_as_an_error_with_its_message() {
        Transcript transcript = run(context -> {
            context.actor("Bob").print("before the crash");
            throw new IllegalStateException("the handout's server crashed");
        });

        assertEquals(Outcome.ERROR, transcript.outcome());
        assertTrue(transcript.error().contains("the handout's server crashed"), transcript.error());
        assertEquals(List.of("before the crash"), transcript.output(), "what happened before is kept");
    }

    @Test
    void a_case_blocked_in_accept_is_stopped_at_the_time_limit_and_the_runner_returns_promptly() throws Exception {
        AtomicReference<Thread> caseThread = new AtomicReference<>();
        LabCase hanging = new InlineCase(context -> {
            caseThread.set(Thread.currentThread());
            TcpListener server = context.actor("Bob").listen();
            server.setTimeout(Duration.ofMinutes(5));
            while (true) {
                // Only the limit may end the wait: a stray client (a port scan on the machine) is let go.
                server.accept().close();
            }
        });
        RunOptions options = RunOptions.defaults().withTimeLimit(Duration.ofMillis(300))
                .withIoTimeout(Duration.ofMinutes(5));

        // The accept would wait five minutes: returning at all (within the class's @Timeout) with the time
        // limit's error shows the limit, not the socket, ended the run.
        Transcript transcript = CaseRunner.run(hanging, Map.of(), options);

        assertEquals(Outcome.ERROR, transcript.outcome());
        assertTrue(transcript.error().contains("time limit of 300 ms"), transcript.error());
        caseThread.get().join(5_000);
        assertFalse(caseThread.get().isAlive(), "closing the listener unblocked accept");
        assertTrue(transcript.events().stream().noneMatch(e -> e.kind() == EventKind.ERROR),
                "the forced close is not reported as the case's failure: " + transcript.events());
    }

    @Test
    void a_case_looping_forever_is_stopped_at_the_time_limit_and_interrupted() throws Exception {
        AtomicReference<Thread> caseThread = new AtomicReference<>();
        LabCase looping = new InlineCase(context -> {
            caseThread.set(Thread.currentThread());
            while (true) {
                Thread.sleep(5);
            }
        });

        Transcript transcript = CaseRunner.run(looping, Map.of(),
                RunOptions.defaults().withTimeLimit(Duration.ofMillis(200)));

        assertEquals(Outcome.ERROR, transcript.outcome());
        assertTrue(transcript.error().contains("time limit"), transcript.error());
        caseThread.get().join(5_000);
        assertFalse(caseThread.get().isAlive());
    }

    @Test
    void an_unjoined_task_that_failed_ends_the_run_as_an_error_naming_the_task() {
        Transcript transcript = run(context -> {
            Task<Void> helper = context.start("Helper", () -> {
                throw new IOException("disk on fire");
            });
            while (!helper.isDone()) {
                Thread.sleep(1);
            }
        });

        assertEquals(Outcome.ERROR, transcript.outcome());
        assertEquals("Helper failed: IOException: disk on fire", transcript.error());
        assertEquals("Helper failed: IOException: disk on fire", only(transcript, "Helper", EventKind.ERROR).text());
    }

    @Test
    void a_joined_task_failure_is_the_cases_to_handle() {
        Transcript transcript = run(context -> {
            Task<Void> helper = context.start("Helper", () -> {
                throw new IOException("disk on fire");
            });
            TaskFailedException e = assertThrows(TaskFailedException.class, helper::join);
            context.checkEquals("the failure names the task", "Helper failed: IOException: disk on fire",
                    e.getMessage());
        });

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        assertNull(transcript.error());
    }

    @Test
    void a_task_returns_its_value_through_join() {
        Transcript transcript = run(context -> context.checkEquals("value", 42,
                context.supply("Answer", () -> 42).join()));

        assertEquals(Outcome.PASSED, transcript.outcome());
    }

    @Test
    void checks_decide_between_passed_and_failed() {
        Transcript passed = run(context -> {
            context.check("holds", true, "x", "x");
            context.checkEquals("equal", 1, 1);
        });
        Transcript failed = run(context -> {
            context.check("holds", true, "x", "x");
            context.checkEquals("equal", "HELLO WORLD", "HELLO WO");
        });
        Transcript none = run(context -> { });

        assertEquals(Outcome.PASSED, passed.outcome());
        assertEquals(Outcome.FAILED, failed.outcome());
        assertEquals(new Check("equal", false, "HELLO WORLD", "HELLO WO"), failed.checks().get(1));
        assertEquals(Outcome.PASSED, none.outcome());
    }

    @Test
    void check_equals_keeps_null_as_null() {
        Transcript transcript = run(context -> context.checkEquals("nothing", null, null));

        assertEquals(new Check("nothing", true, null, null), transcript.checks().get(0));
    }

    @Test
    void output_lists_every_output_event_in_order() {
        Transcript transcript = run(context -> {
            context.actor("Bob").print("one");
            context.note("not output");
            context.actor("Alice").print("two");
            context.start("Carol", () -> context.actor("Carol").print("three")).join();
            context.actor("Bob").note("also not output");
            context.actor("Bob").print("four");
        });

        assertEquals(List.of("one", "two", "three", "four"), transcript.output());
        assertEquals(transcript.output(), transcript.events().stream().filter(e -> e.kind() == EventKind.OUTPUT)
                .map(TranscriptEvent::text).toList());
        assertEquals("Lab", transcript.events().get(1).actor());
    }

    @Test
    void the_listener_sees_every_event_and_their_times_give_the_transcript_order() {
        List<TranscriptEvent> seen = new CopyOnWriteArrayList<>();
        LabCase exchange = new InlineCase(context -> {
            try (TcpListener server = context.actor("Bob").listen()) {
                Task<Void> alice = context.start("Alice", () -> {
                    try (TcpConnection client = context.actor("Alice").connect("localhost", server.port())) {
                        client.send("hi");
                        context.actor("Alice").print("sent");
                    }
                });
                try (TcpConnection connection = server.accept()) {
                    connection.recvUntilClosed(1);
                }
                alice.join();
            }
        });

        Transcript transcript = CaseRunner.run(exchange, Map.of(), SHORT.withListener(seen::add));

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.error());
        assertTrue(transcript.events().size() >= 8, transcript.events().toString());
        List<TranscriptEvent> byTime = new java.util.ArrayList<>(seen);
        byTime.sort(java.util.Comparator.comparingDouble(TranscriptEvent::atMs));
        assertEquals(transcript.events(), byTime);
    }

    @Test
    void event_times_never_go_backwards() {
        Transcript transcript = run(context -> {
            for (int i = 0; i < 50; i++) {
                context.actor("Bob").print("line " + i);
            }
        });

        List<TranscriptEvent> events = transcript.events();
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i - 1).atMs() <= events.get(i).atMs(), events.toString());
        }
    }

    @Test
    void udp_sends_and_receives_are_recorded_with_the_peer_and_cut_to_the_buffer_size() {
        Transcript transcript = run(context -> {
            try (UdpEndpoint server = context.actor("Server").bindUdp(0);
                 UdpEndpoint client = context.actor("Client").udp()) {
                client.send("0123456789", "127.0.0.1", server.port());
                Datagram datagram = server.receive(4);
                context.checkEquals("truncated", "0123", datagram.text());
                context.checkEquals("sender", client.local(), datagram.senderAddress());
                server.reply(datagram, "ok");
                context.checkEquals("reply", "ok", client.receive(1024).text());
            }
        });

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks().toString());
        TranscriptEvent listen = only(transcript, "Server", EventKind.LISTEN);
        TranscriptEvent send = events(transcript, "Client", EventKind.SEND).get(0);
        TranscriptEvent recv = only(transcript, "Server", EventKind.RECV);
        assertEquals("udp", send.protocol());
        assertEquals(listen.local(), send.remote());
        assertEquals(10, send.size());
        assertEquals(4, recv.requested());
        assertEquals(4, recv.size());
        assertEquals("0123", recv.text());
        assertEquals(send.local(), recv.remote());
        assertTrue(events(transcript, "Client", EventKind.LISTEN).isEmpty(), "a client socket does not listen");
    }

    @Test
    void a_udp_receive_that_times_out_is_recorded_as_an_error() {
        Transcript transcript = run(context -> {
            try (UdpEndpoint server = context.actor("Server").bindUdp(0)) {
                server.setTimeout(Duration.ofMillis(50));
                assertThrows(java.net.SocketTimeoutException.class, () -> server.receive(16));
            }
        });

        assertEquals(Outcome.PASSED, transcript.outcome());
        assertEquals("recvfrom timed out after 50 ms", only(transcript, "Server", EventKind.ERROR).text());
    }

    @Test
    void beyond_the_event_limit_a_note_says_the_transcript_is_full() {
        List<TranscriptEvent> seen = new CopyOnWriteArrayList<>();
        RunOptions options = new RunOptions(Duration.ofSeconds(5), Duration.ofSeconds(2), TargetPolicy.loopbackOnly(),
                5, RunOptions.DEFAULT_MAX_RECORDED_BYTES, seen::add);

        Transcript transcript = CaseRunner.run(new InlineCase(context -> {
            for (int i = 0; i < 20; i++) {
                context.actor("Bob").print("line " + i);
            }
        }), Map.of(), options);

        assertEquals(6, transcript.events().size());
        assertEquals(List.of("line 0", "line 1", "line 2", "line 3", "line 4"), transcript.output());
        TranscriptEvent note = transcript.events().get(5);
        assertEquals(EventKind.NOTE, note.kind());
        assertTrue(note.text().contains("The transcript is full"), note.text());
        assertEquals(transcript.events(), seen, "a streaming listener learns that the transcript is full");
    }

    @Test
    void beyond_the_byte_limit_the_payload_is_not_recorded_and_a_note_says_so() {
        RunOptions options = new RunOptions(Duration.ofSeconds(5), Duration.ofSeconds(2), TargetPolicy.loopbackOnly(),
                RunOptions.DEFAULT_MAX_EVENTS, 50, null);

        Transcript transcript = CaseRunner.run(new InlineCase(context -> {
            try (UdpEndpoint server = context.actor("Server").bindUdp(0);
                 UdpEndpoint client = context.actor("Client").udp()) {
                client.send("small", "127.0.0.1", server.port());
                client.send("x".repeat(100), "127.0.0.1", server.port());
            }
        }), Map.of(), options);

        List<TranscriptEvent> sends = events(transcript, "Client", EventKind.SEND);
        assertEquals(1, sends.size());
        assertEquals("small", sends.get(0).text());
        assertTrue(transcript.events().stream().anyMatch(e -> e.kind() == EventKind.NOTE
                && e.text().contains("50 bytes")), transcript.events().toString());
    }

    @Test
    void a_host_outside_the_policy_ends_the_run_as_an_error_without_connecting() {
        Transcript transcript = run(context -> context.actor("Alice").connect("example.com", 80));

        assertEquals(Outcome.ERROR, transcript.outcome());
        assertTrue(transcript.error().contains("not allowed"), transcript.error());
        assertTrue(events(transcript, "Alice", EventKind.CONNECT).isEmpty());
        assertEquals(1, events(transcript, "Alice", EventKind.ERROR).size());
    }

    @Test
    void an_invalid_parameter_is_thrown_before_the_case_runs() {
        AtomicBoolean ran = new AtomicBoolean();
        LabCase withParam = new InlineCase(List.of(ParamSpec.integer("bufferSize", 8, 1, 64, "")),
                context -> ran.set(true));

        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> CaseRunner.run(withParam, Map.of("bufferSize", 0)));

        assertEquals("bufferSize", e.parameter());
        assertFalse(ran.get());
    }

    @Test
    void the_transcript_names_the_case_and_the_parameter_values_used() {
        LabCase withParam = new InlineCase(List.of(ParamSpec.integer("bufferSize", 8, 1, 64, ""),
                ParamSpec.string("message", "HELLO", "")),
                context -> context.actor("Bob").print("size " + context.params().getInt("bufferSize")));

        Transcript first = CaseRunner.run(withParam, Map.of("bufferSize", "16"));
        Transcript second = CaseRunner.run(withParam);

        assertEquals("inline-case", first.caseId());
        assertEquals(Transcript.FORMAT_VERSION, first.version());
        assertEquals(Map.of("bufferSize", 16, "message", "HELLO"), first.params());
        assertEquals(List.of("size 16"), first.output());
        assertNotEquals(first.runId(), second.runId());
        assertTrue(first.durationMs() >= 0);
    }

    private static List<TranscriptEvent> events(Transcript transcript, String actor, EventKind kind) {
        return transcript.events().stream().filter(e -> e.actor().equals(actor) && e.kind() == kind).toList();
    }

    private static TranscriptEvent only(Transcript transcript, String actor, EventKind kind) {
        List<TranscriptEvent> found = events(transcript, actor, kind);
        assertEquals(1, found.size(), () -> actor + " " + kind + " in " + transcript.events());
        return found.get(0);
    }
}
