package example.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.CaseRunner;
import org.socketlab.api.LabCase;
import org.socketlab.api.RunContext;
import org.socketlab.api.RunOptions;
import org.socketlab.api.TcpConnection;
import org.socketlab.api.TcpListener;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.engine.CaseFailure;
import org.socketlab.engine.Engine;
import org.socketlab.engine.RunHandle;
import org.socketlab.engine.RunSettings;

/** Failures as a plugin sees them: from a package of its own, whose frames are the case's. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FailureLocationTest {

    @FunctionalInterface
    private interface Body {
        void run(RunContext context) throws Exception;
    }

    private record Inline(Body body) implements LabCase {
        @Override
        public CaseInfo info() {
            return CaseInfo.builder("inline-case").title("Inline").summary("A test case.").source("tests").build();
        }

        @Override
        public void run(RunContext context) throws Exception {
            body.run(context);
        }
    }

    private static int length(String text) {
        return text.length();
    }

    @Test
    void an_exception_in_run_keeps_its_message_and_names_the_line_of_the_case() {
        List<CaseFailure> logged = new ArrayList<>();
        Transcript transcript = Engine.run(new Inline(context -> length(null)), Map.of(), RunSettings.defaults(),
                new RunHandle(), logged::add);

        assertEquals(Outcome.ERROR, transcript.outcome());
        assertTrue(transcript.error().startsWith("NullPointerException: "), transcript.error());
        assertTrue(transcript.error().contains(" (at example.plugin.FailureLocationTest.length(FailureLocationTest.java:"),
                transcript.error());
        assertEquals(1, logged.size());
        assertInstanceOf(NullPointerException.class, logged.get(0).cause());
        String trace = logged.get(0).trace();
        assertTrue(trace.startsWith(transcript.error() + "\n    at example.plugin.FailureLocationTest.length("), trace);
        assertTrue(trace.contains("full stack trace:\njava.lang.NullPointerException"), trace);
    }

    @Test
    void a_failed_task_is_located_where_the_task_failed_not_where_it_was_joined() {
        List<CaseFailure> logged = new ArrayList<>();
        Engine.run(new Inline(context -> context.start("Client", () -> length(null)).join()), Map.of(),
                RunSettings.defaults(), new RunHandle(), logged::add);
        assertTrue(logged.get(0).location().startsWith("example.plugin.FailureLocationTest.length("),
                logged.get(0).location());
        assertTrue(logged.get(0).message().startsWith("Client failed: NullPointerException"), logged.get(0).message());
    }

    @Test
    void requirePassed_throws_an_assertion_error_with_the_failed_checks_and_the_exception_as_cause() {
        AssertionError checks = assertThrows(AssertionError.class, () -> CaseRunner.requirePassed(
                new Inline(context -> context.checkEquals("echoed", "HELLO", "HEL")), Map.of()));
        assertEquals("case inline-case failed\n  failed check: echoed\n    expected: HELLO\n    actual:   HEL",
                checks.getMessage());

        AssertionError thrown = assertThrows(AssertionError.class, () -> CaseRunner.requirePassed(
                new Inline(context -> length(null)), Map.of()));
        assertInstanceOf(NullPointerException.class, thrown.getCause());
        assertTrue(thrown.getMessage().contains("the case's frames, innermost first:\n    at "
                + "example.plugin.FailureLocationTest.length("), thrown.getMessage());

        assertEquals(Outcome.PASSED, CaseRunner.requirePassed(new Inline(context -> { }), Map.of()).outcome());
    }

    @Test
    void a_run_stopped_at_its_time_limit_says_what_each_thread_was_blocked_on() {
        RunOptions options = RunOptions.defaults().withTimeLimit(Duration.ofMillis(300))
                .withIoTimeout(Duration.ofSeconds(30));
        Transcript transcript = CaseRunner.run(new Inline(context -> {
            try (TcpListener listener = context.actor("Server").listen()) {
                context.start("Client", () -> {
                    try (TcpConnection client = context.actor("Client").connect("127.0.0.1", listener.port())) {
                        client.recvLine();
                    }
                });
                try (TcpConnection connection = listener.accept()) {
                    connection.recv(10);
                }
            }
        }), Map.of(), options);

        String error = transcript.error();
        assertTrue(error.startsWith("the run went past its time limit of 300 ms and was stopped"), error);
        assertTrue(error.contains("; when it was stopped, run() waited in TcpConnection.recv, called from "
                + "FailureLocationTest.lambda$"), error);
        assertTrue(error.contains("; Client waited in TcpConnection.recvLine, called from FailureLocationTest.lambda$"),
                error);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void a_run_stopped_at_its_time_limit_also_says_where_its_own_threads_waited() throws Exception {
        RunOptions options = RunOptions.defaults().withTimeLimit(Duration.ofMillis(500))
                .withIoTimeout(Duration.ofSeconds(30));
        java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
        Transcript transcript = CaseRunner.run(new Inline(context -> {
            try (TcpListener listener = context.actor("Server").listen();
                 TcpConnection client = context.actor("Client").connect("127.0.0.1", listener.port());
                 TcpConnection server = listener.accept()) {
                Thread worker = new Thread(() -> {
                    try {
                        waiting.countDown();
                        server.recv(10);
                    } catch (java.io.IOException e) {
                        // Closed at the end of the run.
                    }
                }, "worker");
                worker.start();
                // The worker is about to wait in its recv when run() waits in its own.
                waiting.await(5, TimeUnit.SECONDS);
                client.recv(10);
            }
        }), Map.of(), options);

        String error = transcript.error();
        assertTrue(error.contains("; when it was stopped, run() waited in TcpConnection.recv, called from "), error);
        assertTrue(error.contains("; thread 'worker' waited in TcpConnection.recv, called from "
                + "FailureLocationTest.lambda$"), error);
    }
}
