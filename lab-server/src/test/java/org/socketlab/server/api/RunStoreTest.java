package org.socketlab.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.LabCase;
import org.socketlab.api.RunContext;
import org.socketlab.engine.Engine;
import org.socketlab.engine.RunHandle;
import org.socketlab.engine.RunSettings;

class RunStoreTest {
    /** Prints one line of 10,000 characters: every run of it takes the same room. */
    private static final class Printer implements LabCase {
        @Override
        public CaseInfo info() {
            return CaseInfo.builder("printer").title("Printer").summary("Prints a long line.").source("tests").build();
        }

        @Override
        public void run(RunContext context) {
            context.actor("Printer").print("x".repeat(10_000));
        }
    }

    private static LiveRun finishedRun() {
        RunHandle handle = new RunHandle();
        LiveRun run = new LiveRun(handle, "printer", Map.of());
        run.finish(LiveRun.render(
                Engine.run(new Printer(), Map.of(), RunSettings.defaults().withListener(run::record), handle,
                        failure -> { })));
        return run;
    }

    private static LiveRun runningRun() {
        return new LiveRun(new RunHandle(), "printer", Map.of());
    }

    @Test
    void the_oldest_finished_runs_go_when_the_store_is_over_its_bytes() {
        List<LiveRun> runs = List.of(finishedRun(), finishedRun(), finishedRun());
        long one = runs.get(0).sizeBytes();
        RunStore store = new RunStore(one * 5 / 2);

        for (LiveRun run : runs) {
            store.add(run);
            store.finished(run, run.sizeBytes());
        }

        assertTrue(one > 10_000, "a run's size counts its JSON: " + one);
        assertFalse(store.find(runs.get(0).runId()).isPresent());
        assertTrue(store.find(runs.get(1).runId()).isPresent());
        assertTrue(store.find(runs.get(2).runId()).isPresent());
        assertEquals(runs.get(1).sizeBytes() + runs.get(2).sizeBytes(), store.finishedBytes());
    }

    @Test
    void a_run_going_on_is_never_let_go() {
        LiveRun running = runningRun();
        LiveRun done = finishedRun();
        RunStore store = new RunStore(1);

        store.add(running);
        store.add(done);
        store.finished(done, done.sizeBytes());

        assertTrue(store.find(running.runId()).isPresent());
        assertTrue(store.find(done.runId()).isPresent(), "the newest finished run stays, however large");
    }

    @Test
    void the_newest_come_first() {
        RunStore store = new RunStore(RunStore.DEFAULT_MAX_BYTES);
        LiveRun first = runningRun();
        LiveRun second = runningRun();
        store.add(first);
        store.add(second);

        assertEquals(List.of(second, first), store.newestFirst(10));
        assertEquals(List.of(second), store.newestFirst(1));
    }
}
