package org.socketlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;

/** A case's code cannot hold its caller or leave threads behind unseen (issue 12, items 2 and 5). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunContainmentTest {
    private static final RunOptions LIMITED = RunOptions.defaults().withTimeLimit(Duration.ofMillis(500));

    @FunctionalInterface
    private interface Body {
        void run(RunContext context) throws Exception;
    }

    private static final class InlineCase implements LabCase {
        private final Body validate;
        private final Body body;

        InlineCase(Body validate, Body body) {
            this.validate = validate;
            this.body = body;
        }

        @Override
        public CaseInfo info() {
            return CaseInfo.builder("containment").title("Containment").summary("A test case.").source("test").build();
        }

        @Override
        public List<ParamSpec> params() {
            return List.of();
        }

        @Override
        public void validate(Params params) {
            try {
                validate.run(null);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void run(RunContext context) throws Exception {
            body.run(context);
        }
    }

    private static Transcript run(Body validate, Body body) {
        return CaseRunner.run(new InlineCase(validate, body), Map.of(), LIMITED);
    }

    @Test
    void a_validate_that_never_returns_ends_at_the_time_limit_off_the_callers_thread() {
        AtomicReference<Thread> validating = new AtomicReference<>();
        AtomicBoolean ran = new AtomicBoolean();
        Transcript transcript = run(c -> {
            validating.set(Thread.currentThread());
            while (true) {
                Thread.onSpinWait();
                if (Thread.currentThread().isInterrupted() && validating.get() == null) {
                    return;
                }
            }
        }, c -> ran.set(true));

        assertEquals(Outcome.ERROR, transcript.outcome());
        assertTrue(transcript.error().contains("validate() did not return within the run's time limit of 500 ms"),
                transcript.error());
        assertTrue(validating.get() != Thread.currentThread(), "validate() ran on the run's thread");
        assertTrue(!ran.get(), "run() never starts when validate() did not finish");
        assertTrue(transcript.error().contains("1 thread still running: at org.socketlab.api.RunContainmentTest"),
                "the spinning validate() is reported: " + transcript.error());
        validating.set(null);
    }

    @Test
    void a_validate_that_refuses_a_value_is_still_the_callers_mistake() {
        InvalidParamException refused = assertThrows(InvalidParamException.class,
                () -> run(c -> { throw new InvalidParamException("port", "must be even"); }, c -> { }));
        assertTrue(refused.getMessage().contains("must be even"));
    }

    @Test
    void a_thread_left_sleeping_is_interrupted_and_the_run_passes() throws Exception {
        AtomicReference<Thread> left = new AtomicReference<>();
        Transcript transcript = run(c -> { }, c -> {
            Thread sleeper = new Thread(() -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // Stopped, as it should be.
                }
            });
            sleeper.start();
            left.set(sleeper);
            c.check("ran", true, null, null);
        });

        assertNull(transcript.error());
        assertEquals(Outcome.PASSED, transcript.outcome());
        left.get().join(5_000);
        assertTrue(!left.get().isAlive(), "the run's thread was stopped at its end");
    }

    @Test
    void threads_that_ignore_interrupts_are_reported_and_fail_the_run() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(100);
        try {
            Transcript transcript = CaseRunner.run(new InlineCase(c -> { }, c -> {
                for (int i = 0; i < 100; i++) {
                    // Non-daemon, as a case ported from Python's threading might start them, and deaf to interrupts.
                    Thread stubborn = new Thread(() -> {
                        started.countDown();
                        while (!stop.get()) {
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                // Ignored, as careless code does.
                            }
                        }
                    }, "stubborn-" + i);
                    stubborn.start();
                }
                started.await();
                c.check("ran", true, null, null);
            }), Map.of(), RunOptions.defaults());

            assertEquals(Outcome.ERROR, transcript.outcome(), "a run that leaves threads behind does not pass");
            assertTrue(transcript.error().startsWith("100 threads still running: at org.socketlab.api.RunContainmentTest"),
                    transcript.error());
            assertTrue(transcript.error().contains("(100 threads)"), transcript.error());
        } finally {
            stop.set(true);
        }
    }

    @Test
    void a_run_past_its_limit_names_the_thread_that_would_not_stop() {
        AtomicBoolean stop = new AtomicBoolean();
        try {
            Transcript transcript = run(c -> { }, c -> {
                while (!stop.get()) {
                    Thread.onSpinWait();
                }
            });
            assertTrue(transcript.error().startsWith("the run went past its time limit of 500 ms and was stopped; "
                    + "1 thread still running: at org.socketlab.api.RunContainmentTest"), transcript.error());
        } finally {
            stop.set(true);
        }
    }

    @Test
    void an_executor_the_case_shuts_down_is_no_leak() {
        Transcript transcript = run(c -> { }, c -> {
            ExecutorService executor = Executors.newFixedThreadPool(2);
            executor.submit(() -> { }).get();
            executor.shutdown();
        });
        assertNull(transcript.error(), transcript.error());
    }

    @Test
    void an_executor_left_running_is_tracked_and_reported_by_its_threads_name() {
        AtomicReference<ExecutorService> pool = new AtomicReference<>();
        Transcript transcript = run(c -> { }, c -> {
            ExecutorService executor = Executors.newFixedThreadPool(1);
            pool.set(executor);
            executor.submit(() -> { }).get();
        });
        pool.get().shutdownNow();
        // Its idle worker takes an interrupt as a reason to look for work again, so it never ends by itself.
        assertTrue(transcript.error().startsWith("1 thread still running: at thread 'pool-"), transcript.error());
    }
}
