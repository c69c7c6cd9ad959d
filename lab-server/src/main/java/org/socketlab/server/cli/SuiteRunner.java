package org.socketlab.server.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.socketlab.api.InvalidParamException;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.engine.CaseFailure;
import org.socketlab.engine.Engine;
import org.socketlab.engine.RunSettings;

/**
 * Runs the entries of a {@link SuitePlan}, one after the other or {@code jobs} at once. Every run has the time
 * limit of its {@link RunSettings}, so the suite ends.
 */
public final class SuiteRunner {
    private SuiteRunner() {
    }

    /**
     * @param entries  the runs
     * @param jobs     how many run at once (1: in order, one after the other)
     * @param options  each run's limits and target policy
     * @param finished called with each transcript as its run ends (from one thread at a time)
     * @param failures called with the case id and the exception of each run that ended because the case threw,
     *                 before its transcript is handed to {@code finished}; several at once with jobs
     * @return the transcripts in the order of {@code entries}
     * @throws UsageException if a case refused its values when it checked them together (its {@code validate})
     */
    public static List<Transcript> run(List<SuitePlan.Entry> entries, int jobs, RunSettings options,
                                       Consumer<Transcript> finished, BiConsumer<String, CaseFailure> failures)
            throws UsageException {
        if (jobs <= 1 || entries.size() <= 1) {
            List<Transcript> transcripts = new ArrayList<>();
            for (SuitePlan.Entry entry : entries) {
                Transcript t = runOne(entry, options, failures);
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
                    Transcript t = runOne(entry, options, failures);
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

    private static Transcript runOne(SuitePlan.Entry entry, RunSettings options,
                                     BiConsumer<String, CaseFailure> failures) throws UsageException {
        String caseId = entry.registered().id();
        try {
            return Engine.run(entry.registered().labCase(), entry.resolved(), options, RunIds.newHandle(),
                    failure -> failures.accept(caseId, failure));
        } catch (InvalidParamException e) {
            throw new UsageException(entry.registered().id() + ": " + e.getMessage(), e.parameter());
        }
    }

    // Each run ends within its own time limit (the engine enforces it), so this wait is bounded too.
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
