package org.socketlab.server.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.socketlab.api.InvalidParamException;
import org.socketlab.api.Params;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.engine.Engine;
import org.socketlab.engine.RunHandle;
import org.socketlab.engine.RunSettings;
import org.socketlab.server.http.Headers;
import org.socketlab.server.http.HttpException;
import org.socketlab.server.http.Status;
import org.socketlab.server.plugins.RegisteredCase;

/**
 * Runs cases for the API on threads of its own: at most {@code maxRuns} at once (each holds threads and
 * sockets); a run past that waits in a bounded queue for a bounded time, then is refused with 503. A
 * request only waits for its slot; the run itself never holds the request's thread, so a client that
 * watches a run (or leaves) costs no thread but the run's. Every run is kept in the {@link RunStore}.
 */
public final class RunService implements AutoCloseable {
    /** How long a run waits for a slot before 503: a few short runs' worth. */
    public static final Duration DEFAULT_QUEUE_WAIT = Duration.ofSeconds(10);
    /** How many runs may wait for a slot, per slot; more are refused at once. */
    static final int QUEUED_PER_SLOT = 4;
    // Beyond the run's own limit, for the runner to close sockets and build the transcript.
    private static final Duration END_GRACE = Duration.ofSeconds(5);
    // A safeguard only (every run ends at its own limit): a case waiting for a student's client may ask for a
    // longer limit than the server's, up to an hour.
    private static final Duration LONGEST_RUN = Engine.MAX_TIME_LIMIT;
    // How long DELETE waits for a cancelled run to end (it ends at once unless the machine is swamped).
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(2);

    private final RunSettings options;
    private final int maxRuns;
    private final Duration queueWait;
    private final Semaphore slots;
    private final RunStore store;
    private final ExecutorService runners;

    /**
     * @param options   the time limits and target policy of every run
     * @param maxRuns   how many runs may go on at the same time
     * @param queueWait how long a run past {@code maxRuns} waits for a slot before 503
     * @param store     where runs are kept
     */
    public RunService(RunSettings options, int maxRuns, Duration queueWait, RunStore store) {
        if (maxRuns < 1) {
            throw new IllegalArgumentException("--max-runs must be at least 1, got " + maxRuns);
        }
        this.options = options;
        this.maxRuns = maxRuns;
        this.queueWait = queueWait;
        // Fair: runs get their slots in the order they asked.
        this.slots = new Semaphore(maxRuns, true);
        this.store = store;
        this.runners = runnerThreads(maxRuns);
    }

    /**
     * Starts a run on the service's threads; returns once its parameter values were accepted.
     *
     * @param registered the case
     * @param given      the caller's values
     * @return the run, going on
     * @throws InvalidParamException if a value is invalid (the run does not happen)
     * @throws HttpException         503 with Retry-After when no slot came free in time
     */
    LiveRun start(RegisteredCase registered, Map<String, ?> given) {
        // Types, ranges and formats are checked here, so that a bad value costs no slot, and the run takes the
        // values as they are (each parsed once); the case's own validate() runs inside the run, under its limit.
        Params params = Engine.resolve(registered.params(), given);
        acquireSlot();
        RunHandle handle = new RunHandle();
        LiveRun run = new LiveRun(handle, registered.id(), params.asMap());
        RunSettings watched = options.withListener(run::record);
        store.add(run);
        try {
            runners.execute(() -> execute(registered, params, watched, run));
        } catch (RejectedExecutionException e) {
            store.remove(run);
            slots.release();
            throw new HttpException(Status.SERVICE_UNAVAILABLE, "the server is stopping");
        }
        try {
            if (!handle.awaitStart(longest())) {
                handle.cancel();
                throw new HttpException(Status.SERVICE_UNAVAILABLE, "the run did not start in time; try again");
            }
        } catch (InvalidParamException e) {
            store.remove(run);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.cancel();
            throw new HttpException(Status.SERVICE_UNAVAILABLE, "the server is stopping");
        }
        return run;
    }

    private void execute(RegisteredCase registered, Params params, RunSettings watched, LiveRun run) {
        try {
            end(run, Engine.run(registered.labCase(), params, watched, run.handle(),
                    failure -> CaseFailureLog.write(System.err, registered, run.runId(), failure)));
        } catch (InvalidParamException e) {
            // The case's validate() refused the values. start() tells the caller (400) and forgets the run; if
            // the caller was already answered, the run must still end, or its watchers would wait for it.
            end(run, new Transcript(Transcript.FORMAT_VERSION, run.caseId(), run.runId(), params.asMap(),
                    run.startedAt(), 0, Outcome.ERROR, List.of(), List.of(), List.of(), e.getMessage()));
        } catch (RuntimeException | LinkageError e) {
            // The engine reports a case's failures in the transcript; this is the lab's own failure, and the
            // run must still end, or its watchers would wait for it to the end of their limits.
            end(run, new Transcript(Transcript.FORMAT_VERSION, run.caseId(), run.runId(), params.asMap(),
                    run.startedAt(), 0, Outcome.ERROR, List.of(), List.of(), List.of(),
                    "the lab could not run the case: " + e));
        } finally {
            slots.release();
        }
    }

    private Duration longest() {
        return (options.timeLimit().compareTo(LONGEST_RUN) > 0 ? options.timeLimit() : LONGEST_RUN).plus(END_GRACE);
    }

    private void end(LiveRun run, Transcript transcript) {
        LiveRun.Rendered rendered = LiveRun.render(transcript);
        store.finished(run, rendered.sizeBytes());
        run.finish(rendered);
    }

    private void acquireSlot() {
        if (slots.getQueueLength() >= maxRuns * QUEUED_PER_SLOT) {
            throw busy();
        }
        try {
            if (!slots.tryAcquire(queueWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpException(Status.SERVICE_UNAVAILABLE, "the server is stopping");
        }
    }

    // RFC 9110 §10.2.3: Retry-After in seconds; a slot is sure to come free when the run that has gone on
    // longest reaches its time limit.
    private HttpException busy() {
        long soonestEndNanos = store.running().stream().mapToLong(LiveRun::startNanos).min().orElse(System.nanoTime())
                + options.timeLimit().toNanos() - System.nanoTime();
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(soonestEndNanos + 999_999_999L));
        return new HttpException(Status.SERVICE_UNAVAILABLE, "too many runs are going on at once (" + maxRuns
                + "); try again in " + seconds + " s", Headers.of("Retry-After", Long.toString(seconds)));
    }

    /**
     * Runs a case and waits for its transcript: the contract of a plain {@code POST /api/cases/{id}/runs}.
     *
     * @return the finished run
     */
    LiveRun runToEnd(RegisteredCase registered, Map<String, ?> given) {
        LiveRun run = start(registered, given);
        try {
            if (!run.awaitDone(longest())) {
                throw new HttpException(Status.INTERNAL_SERVER_ERROR, "the run did not end within its time limit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpException(Status.SERVICE_UNAVAILABLE, "the server is stopping");
        }
        return run;
    }

    /**
     * Cancels a run if it goes on, and waits a moment for it to end.
     *
     * @return the run, or empty if no run has that id
     */
    Optional<LiveRun> cancel(String runId) {
        Optional<LiveRun> found = store.find(runId);
        found.ifPresent(run -> {
            if (!run.isDone()) {
                run.handle().cancel();
                try {
                    run.awaitDone(CANCEL_WAIT);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        return found;
    }

    /**
     * Runs a case once and waits for its end, for callers in this JVM.
     *
     * @param registered the case
     * @param params     the caller's values
     * @return the transcript
     * @throws InvalidParamException if a value is invalid
     * @throws HttpException         503 when no slot came free in time
     */
    public Transcript run(RegisteredCase registered, Map<String, ?> params) {
        return runToEnd(registered, params).transcript();
    }

    /** Waits until {@code count} runs wait for a slot; for tests, as a semaphore tells no one of its queue. */
    void awaitWaiting(int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (slots.getQueueLength() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + count + " runs waited for a slot within " + limit);
            }
            Thread.sleep(5);
        }
    }

    /** @return where runs are kept */
    public RunStore store() {
        return store;
    }

    /** Cancels every run going on and stops the service's threads. */
    @Override
    public void close() {
        store.running().forEach(run -> run.handle().cancel());
        runners.shutdown();
    }

    private static ExecutorService runnerThreads(int maxRuns) {
        AtomicInteger count = new AtomicInteger();
        // A thread per slot, none kept once idle; the queue is only reached in the instant between a run's
        // end and its thread's return, since a run takes its slot before it is submitted.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(maxRuns, maxRuns, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "socketlab-run-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
