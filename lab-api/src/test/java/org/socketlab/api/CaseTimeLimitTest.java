package org.socketlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;

/** {@link LabCase#timeLimit}: a case may ask for a longer time limit than the caller's, never a shorter one. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CaseTimeLimitTest {
    private static final RunOptions STANDARD = RunOptions.defaults().withTimeLimit(Duration.ofMillis(300));

    /** A case that asks for a time limit computed from the standard one, and notes how long it was given. */
    private record AskingCase(Function<Duration, Duration> ask, AtomicReference<Duration> given, long workMillis)
            implements LabCase {
        @Override
        public CaseInfo info() {
            return CaseInfo.builder("asking-case").title("Asking").summary("A test case.").source("CaseTimeLimitTest")
                    .build();
        }

        @Override
        public Duration timeLimit(Params params, Duration standard) {
            return ask.apply(standard);
        }

        @Override
        public void run(RunContext context) throws Exception {
            given.set(context.remaining());
            Thread.sleep(workMillis); // the work that needs the longer limit
        }
    }

    private static Duration given(Function<Duration, Duration> ask) {
        AtomicReference<Duration> given = new AtomicReference<>();
        Transcript transcript = CaseRunner.run(new AskingCase(ask, given, 0), Map.of(), STANDARD);
        assertNull(transcript.error(), transcript.error());
        return given.get();
    }

    @Test
    void a_case_that_asks_for_more_time_runs_past_the_standard_limit() {
        AtomicReference<Duration> given = new AtomicReference<>();
        Transcript transcript = CaseRunner.run(new AskingCase(standard -> Duration.ofSeconds(5), given, 600), Map.of(),
                STANDARD);

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.error());
        assertTrue(given.get().compareTo(Duration.ofSeconds(4)) > 0, given.get().toString());
    }

    @Test
    void a_case_cannot_shorten_the_standard_limit() {
        assertTrue(given(standard -> Duration.ofMillis(1)).compareTo(Duration.ofMillis(200)) > 0);
    }

    @Test
    void a_case_gets_at_most_the_maximum_time_limit() {
        Duration given = given(standard -> Duration.ofDays(2));

        assertTrue(given.compareTo(CaseRunner.MAX_TIME_LIMIT) <= 0, given.toString());
        assertTrue(given.compareTo(CaseRunner.MAX_TIME_LIMIT.minusMinutes(1)) > 0, given.toString());
    }

    @Test
    void a_time_limit_that_throws_or_is_null_leaves_the_standard_one() {
        assertTrue(given(standard -> {
            throw new IllegalStateException("broken");
        }).compareTo(Duration.ofMillis(300)) <= 0);
        assertTrue(given(standard -> null).compareTo(Duration.ofMillis(300)) <= 0);
    }

    @Test
    void a_case_of_lab_api_1_0_keeps_the_standard_limit() {
        LabCase old = new LabCase() {
            @Override
            public CaseInfo info() {
                return CaseInfo.builder("old-case").title("Old").summary("A test case.").source("CaseTimeLimitTest")
                        .build();
            }

            @Override
            public void run(RunContext context) {
            }
        };

        Params params = Params.resolve(old.params(), Map.of());
        assertEquals(Duration.ofMillis(300), old.timeLimit(params, Duration.ofMillis(300)));
    }

    @Test
    void a_time_limit_that_never_returns_leaves_the_standard_one_and_the_run_still_ends() {
        CountDownLatch never = new CountDownLatch(1);
        Duration given = given(standard -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Duration.ofDays(1);
        });

        assertTrue(given.compareTo(Duration.ofMillis(300)) <= 0, given.toString());
    }
}
