package org.socketlab.server.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.socketlab.api.CaseRunner;
import org.socketlab.api.InvalidParamException;
import org.socketlab.api.RunOptions;
import org.socketlab.api.transcript.Transcript;

/**
 * Runs the entries of a {@link SuitePlan}, one after the other or {@code jobs} at once. Every run has the time
 * limit of its {@link RunOptions}, so the suite ends.
 */
public final class SuiteRunner {
    private SuiteRunner() {
    }

    /**
     * @param entries  the runs
     * @param jobs     how many run at once (1: in order, one after the other)
     * @param options  each run's limits and target policy
     * @param finished called with each transcript as its run ends (from one thread at a time)
     * @return the transcripts in the order of {@code entries}
     * @throws UsageException if a case refused its values when it checked them together (its {@code validate})
     */
    public static List<Transcript> run(List<SuitePlan.Entry> entries, int jobs, RunOptions options,
                                       Consumer<Transcript> finished) throws UsageException {
        if (jobs <= 1 || entries.size() <= 1) {
            List<Transcript> transcripts = new ArrayList<>();
            for (SuitePlan.Entry entry : entries) {
                Transcript t = runOne(entry, options);
                finished.accept(t);
                transcripts.add(t);
            }
            return transcripts;
        }
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, entries.size()), r -> {
            Thread thread = new Thread(r, "socketlab-suite-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Transcript>> futures = new ArrayList<>();
            for (SuitePlan.Entry entry : entries) {
                futures.add(pool.submit(() -> {
                    Transcript t = runOne(entry, options);
                    synchronized (finished) {
                        finished.accept(t);
                    }
                    return t;
                }));
            }
            List<Transcript> transcripts = new ArrayList<>();
            for (Future<Transcript> future : futures) {
                transcripts.add(await(future));
            }
            return transcripts;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Transcript runOne(SuitePlan.Entry entry, RunOptions options) throws UsageException {
        try {
            return CaseRunner.run(entry.registered().labCase(), entry.params(), options);
        } catch (InvalidParamException e) {
            throw new UsageException(entry.registered().id() + ": " + e.getMessage(), e.parameter());
        }
    }

    // Each run ends within its own time limit (CaseRunner enforces it), so this wait is bounded too.
    private static Transcript await(Future<Transcript> future) throws UsageException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the suite", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UsageException usage) {
                throw usage;
            }
            throw new IllegalStateException("a run of the suite failed: " + e.getCause(), e.getCause());
        }
    }
}
