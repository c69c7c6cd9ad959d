package org.socketlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.InvalidParamException;
import org.socketlab.api.LabCase;
import org.socketlab.api.ParamSpec;
import org.socketlab.api.Params;
import org.socketlab.api.RunContext;
import org.socketlab.api.TcpListener;
import org.socketlab.api.transcript.EventKind;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RunHandleTest {
    // Long enough that only a cancel can end these runs within the test's time-out.
    private static final RunSettings LONG = RunSettings.defaults().withTimeLimit(Duration.ofSeconds(60))
            .withIoTimeout(Duration.ofSeconds(60));

    /** Listens, says so, then waits for a client that never comes; {@code accepting} null: returns at once. */
    private record WaitingCase(CountDownLatch accepting, AtomicBoolean ran) implements LabCase {
        WaitingCase(CountDownLatch accepting) {
            this(accepting, new AtomicBoolean());
        }

        @Override
        public CaseInfo info() {
            return CaseInfo.builder("waiting-case").title("Waiting").summary("Waits for a client that never comes.")
                    .source("RunHandleTest").build();
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(ParamSpec.integer("n", 1, 1, 10, "a number"));
        }

        @Override
        public void run(RunContext context) throws Exception {
            ran.set(true);
            if (accepting == null) {
                return;
            }
            TcpListener listener = context.actor("Server").listen();
            accepting.countDown();
            while (true) {
                // Only the cancel may end the wait: a stray client (a port scan on the machine) is let go.
                listener.accept().close();
            }
        }
    }

    @Test
    void the_transcript_carries_the_handles_run_id() {
        RunHandle handle = new RunHandle();
        Transcript transcript = Engine.run(new WaitingCase(null), Map.of(), RunSettings.defaults(), handle, failure -> { });
        assertEquals(handle.runId(), transcript.runId());
    }

    @Test
    void a_handle_can_carry_the_callers_run_id() {
        RunHandle handle = new RunHandle("7b0e4a52-0c4e-4d1b-9a43-5f2b7a9d6c10");
        Transcript transcript = Engine.run(new WaitingCase(null), Map.of(), RunSettings.defaults(), handle, failure -> { });
        assertEquals("7b0e4a52-0c4e-4d1b-9a43-5f2b7a9d6c10", transcript.runId());
        assertThrows(NullPointerException.class, () -> new RunHandle(null));
    }

    @Test
    void cancel_ends_a_run_blocked_in_accept_as_an_error_named_cancelled() throws Exception {
        CountDownLatch accepting = new CountDownLatch(1);
        RunHandle handle = new RunHandle();
        CompletableFuture<Transcript> run = CompletableFuture.supplyAsync(
                () -> Engine.run(new WaitingCase(accepting), Map.of(), LONG, handle, failure -> { }));
        assertTrue(handle.awaitStart(Duration.ofSeconds(10)));
        assertTrue(accepting.await(10, TimeUnit.SECONDS));

        handle.cancel();
        Transcript transcript = run.get(10, TimeUnit.SECONDS);

        assertEquals(Outcome.ERROR, transcript.outcome());
        assertEquals(RunHandle.CANCELLED, transcript.error());
        assertTrue(handle.isCancelled());
        assertEquals(EventKind.LISTEN, transcript.events().get(0).kind());
    }

    @Test
    void a_run_cancelled_before_it_starts_never_runs_the_case() {
        WaitingCase labCase = new WaitingCase(new CountDownLatch(1));
        RunHandle handle = new RunHandle();
        handle.cancel();
        Transcript transcript = Engine.run(labCase, Map.of(), LONG, handle, failure -> { });
        assertEquals(RunHandle.CANCELLED, transcript.error());
        assertFalse(labCase.ran().get());
    }

    @Test
    void await_start_throws_the_refusal_of_an_invalid_value() {
        RunHandle handle = new RunHandle();
        assertThrows(InvalidParamException.class,
                () -> Engine.run(new WaitingCase(new CountDownLatch(1)), Map.of("n", 99), LONG, handle, failure -> { }));
        assertThrows(InvalidParamException.class, () -> handle.awaitStart(Duration.ofSeconds(1)));
    }
}
