package org.socketlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.api.transcript.TranscriptEvent;

/** Programs on {@link CaseInfo} and the program line each recorded event names. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ProgramLineTest {
    private static final Program SERVER = Program.verbatim("Bob", "server.py", "python", """
            import socket
            server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            server.listen(1)
            print("listening")
            conn, addr = server.accept()
            data = conn.recv(8)
            conn.close()""");
    private static final Program CLIENT = Program.reconstructed("Alice", "client.py", "python", """
            client.connect(('localhost', 9999))
            client.send(b"HELLO WORLD")""", "written by the test");

    private static final class TwoPrograms implements LabCase {
        @Override
        public CaseInfo info() {
            return CaseInfo.builder("two-programs").title("Two").summary("A test case.").source("ProgramLineTest")
                    .programs(SERVER, CLIENT).build();
        }

        @Override
        public void run(RunContext context) throws Exception {
            Actor bob = context.actor("Bob");
            Actor alice = context.actor("Alice");
            try (TcpListener listener = bob.at(SERVER, "server.listen").listen()) {
                bob.at(SERVER, "print(").print("listening");
                Task<Void> sender = context.start("Alice", () -> {
                    try (TcpConnection c = alice.at(CLIENT, 1).connect("localhost", listener.port())) {
                        alice.at(CLIENT, "client.send");
                        c.send("HELLO WORLD");
                    }
                });
                bob.at(SERVER, "server.accept()");
                try (TcpConnection conn = listener.accept()) {
                    sender.join();
                    bob.at(SERVER, "conn.recv(8)");
                    conn.recv(8);
                    bob.at(SERVER, "conn.close()");
                }
            }
            context.note("no actor: no line");
        }
    }

    private static Transcript run() {
        Transcript t = CaseRunner.run(new TwoPrograms(), Map.of(),
                RunOptions.defaults().withIoTimeout(Duration.ofSeconds(5)));
        assertEquals(Outcome.PASSED, t.outcome(), t.error());
        return t;
    }

    private static TranscriptEvent only(Transcript t, String actor, EventKind kind) {
        List<TranscriptEvent> found = t.events().stream().filter(e -> e.actor().equals(actor) && e.kind() == kind)
                .toList();
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    @Test
    void each_event_names_the_line_its_actor_was_at() {
        Transcript t = run();

        TranscriptEvent recv = only(t, "Bob", EventKind.RECV);
        assertEquals("server.py", recv.program());
        assertEquals(6, recv.line());
        assertEquals(3, only(t, "Bob", EventKind.LISTEN).line());
        assertEquals(4, only(t, "Bob", EventKind.OUTPUT).line());
        assertEquals(5, only(t, "Bob", EventKind.ACCEPT).line());
        TranscriptEvent send = only(t, "Alice", EventKind.SEND);
        assertEquals("client.py", send.program());
        assertEquals(2, send.line());
        assertEquals(1, only(t, "Alice", EventKind.CONNECT).line());
    }

    @Test
    void events_made_before_any_line_or_by_the_lab_name_none() {
        Transcript t = run();

        TranscriptEvent note = only(t, "Lab", EventKind.NOTE);
        assertNull(note.program());
        assertNull(note.line());
    }

    private static final Actor CONTEXTLESS = new Actor("Nobody", null);

    @Test
    void a_line_is_found_by_its_code_once_and_only_once() {
        assertEquals(6, SERVER.lineOf("recv(8)"));
        assertThrows(IllegalArgumentException.class, () -> SERVER.lineOf("server"));
        assertThrows(IllegalArgumentException.class, () -> SERVER.lineOf("recvfrom"));
        assertThrows(IllegalArgumentException.class, () -> CONTEXTLESS.at(SERVER, 8));
    }

    @Test
    void the_case_info_keeps_its_programs_and_refuses_a_file_twice() {
        CaseInfo info = new TwoPrograms().info();

        assertEquals(List.of(SERVER, CLIENT), info.programs());
        assertTrue(info.program("client.py").orElseThrow().reconstructed());
        assertTrue(new CaseInfo("plain", "Plain", "A 1.0 case.", List.of(), "test", null, "").programs().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> CaseInfo.builder("twice").title("T").summary("S.")
                .source("test").programs(SERVER, SERVER).build());
    }

    private static final Program TWO_RECVS = Program.verbatim("Carol", "carol.py", "python", """
            s.connect(('localhost', 9999))
            s.send(b"hi")
            first = s.recv(1)
            # s.close() in a comment is not a call
            rest = s.recv(1)""");

    private static final class NoAtCalls implements LabCase {
        @Override
        public CaseInfo info() {
            return CaseInfo.builder("no-at-calls").title("No at").summary("A test case.").source("ProgramLineTest")
                    .programs(TWO_RECVS).build();
        }

        @Override
        public void run(RunContext context) throws Exception {
            Actor carol = context.actor("Carol");
            try (TcpListener listener = context.actor("Dave").listen();
                 TcpConnection c = carol.connect("localhost", listener.port());
                 TcpConnection d = listener.accept()) {
                c.send("hi");
                d.send("ok");
                c.recv(1);
            }
        }
    }

    @Test
    void without_at_an_event_names_the_one_line_of_its_actors_program_that_makes_it_or_none() {
        Transcript t = CaseRunner.run(new NoAtCalls(), Map.of(), RunOptions.defaults().withIoTimeout(Duration.ofSeconds(5)));

        assertEquals(Outcome.PASSED, t.outcome(), t.error());
        assertEquals(1, only(t, "Carol", EventKind.CONNECT).line());
        assertEquals(2, only(t, "Carol", EventKind.SEND).line());
        assertNull(only(t, "Carol", EventKind.RECV).line(), "two lines recv: no guess");
        assertNull(only(t, "Carol", EventKind.CLOSE).line(), "a commented-out call is not a line that closes");
        assertNull(only(t, "Dave", EventKind.SEND).line(), "Dave runs no program");
    }

    @Test
    void an_event_has_both_program_and_line_or_neither() {
        assertThrows(IllegalArgumentException.class, () -> new TranscriptEvent(0, "Bob", EventKind.OUTPUT, null,
                null, null, null, null, null, "x", null, null, null, null, "server.py", null));
    }
}
