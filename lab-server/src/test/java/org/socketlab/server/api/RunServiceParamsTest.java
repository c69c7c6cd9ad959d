package org.socketlab.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.LabCase;
import org.socketlab.api.Param;
import org.socketlab.api.ParamSpec;
import org.socketlab.api.RunContext;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.engine.RunSettings;
import org.socketlab.server.plugins.CaseDiscovery;
import org.socketlab.server.plugins.RegisteredCase;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunServiceParamsTest {
    private final RunService service = new RunService(RunSettings.defaults(), 1, Duration.ofSeconds(5), new RunStore(
            RunStore.DEFAULT_MAX_BYTES));

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void a_runs_values_are_parsed_once_and_the_case_reads_them_typed() {
        CountingCase counting = new CountingCase();
        RegisteredCase registered = CaseDiscovery.describe(counting, RegisteredCase.BUILT_IN);
        int afterLoading = counting.parses.get();

        Transcript transcript = service.run(registered, Map.of("word", "hello"));

        assertEquals(Outcome.PASSED, transcript.outcome());
        assertEquals(1, counting.parses.get() - afterLoading, "parses of the run's value");
    }

    /** A case whose parameter counts how often its text is parsed. */
    static final class CountingCase implements LabCase {
        final AtomicInteger parses = new AtomicInteger();
        private final Param<String> word = Param.of("word", "x", "A word", text -> {
            parses.incrementAndGet();
            return text.toUpperCase(java.util.Locale.ROOT);
        });

        @Override
        public CaseInfo info() {
            return CaseInfo.builder("test-counting").title("Counting").summary("Counts parses.").source("tests")
                    .build();
        }

        @Override
        public List<ParamSpec> params() {
            return Param.specs(word);
        }

        @Override
        public void run(RunContext context) {
            context.checkEquals("The word arrives parsed", "HELLO", context.params().get(word));
        }
    }
}
