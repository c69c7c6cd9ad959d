package org.socketlab.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.socketlab.api.InvalidParamException;

/**
 * A handle on one run started with {@link Engine#run}:
 * the run's id, known before the run starts (so a server can name the run while it goes on), a way to
 * cancel it from any thread, and a way to wait until its parameters were accepted.
 *
 * <pre>{@code
 * RunHandle handle = new RunHandle();
 * executor.submit(() -> Engine.run(labCase, params, settings, handle, failure -> { }));
 * handle.awaitStart(Duration.ofSeconds(5));  // throws InvalidParamException if refused
 * ...
 * handle.cancel();  // the run ends at once with outcome error, error "cancelled"
 * }</pre>
 *
 * <p>A handle serves one run only. Thread-safe.
 */
public final class RunHandle {
    /** The {@code error} of a transcript whose run was cancelled. */
    public static final String CANCELLED = "cancelled";

    private final String runId;
    private final CountDownLatch decided = new CountDownLatch(1);
    private volatile boolean cancelled;
    private volatile Runnable stopper;
    private volatile InvalidParamException refusal;

    /** A handle with a new random run id. */
    public RunHandle() {
        this(UUID.randomUUID().toString());
    }

    /**
     * A handle whose run carries a given id. {@link #RunHandle()}'s ids are unguessable, which a server that
     * names its runs in URLs needs; a host that shows the id to no one else (the command line) can pass one
     * that does not need {@link java.security.SecureRandom}'s seeding, some 15-20 ms on a cold JVM.
     *
     * @param runId the id the run's transcript will carry
     * @throws NullPointerException if {@code runId} is null
     * @since 1.1
     */
    public RunHandle(String runId) {
        this.runId = Objects.requireNonNull(runId, "runId");
    }

    /** @return the id the run's transcript will carry */
    public String runId() {
        return runId;
    }

    /**
     * Cancels the run: if it goes on, its sockets are closed, its threads interrupted and it ends at once
     * with outcome {@code error} and error {@link #CANCELLED}; if it has not started yet, it ends so as
     * soon as it starts; if it has ended, nothing happens. Idempotent, returns at once.
     */
    public void cancel() {
        cancelled = true;
        Runnable stop = stopper;
        if (stop != null) {
            stop.run();
        }
    }

    /** @return whether {@link #cancel()} was called */
    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Waits until the run has started (its parameter values were accepted), or has ended, or was refused.
     *
     * @param limit the longest to wait
     * @return {@code true} once the run started or ended, {@code false} if {@code limit} passed first
     * @throws InvalidParamException if the run was refused for an invalid parameter value
     * @throws InterruptedException  if the waiting thread was interrupted
     */
    public boolean awaitStart(Duration limit) throws InterruptedException {
        boolean done = decided.await(Math.max(0, limit.toNanos()), TimeUnit.NANOSECONDS);
        InvalidParamException refused = refusal;
        if (refused != null) {
            throw refused;
        }
        return done;
    }

    // Called by Engine as the run's thread is about to start (the case's validate() runs on it), with what
    // stops the run; a cancel that came first stops it at once.
    void stoppable(Runnable stop) {
        this.stopper = Objects.requireNonNull(stop, "stop");
        if (cancelled) {
            stop.run();
        }
    }

    // Called on the run's thread once the case's validate() passed.
    void accepted() {
        decided.countDown();
    }

    void refused(InvalidParamException e) {
        refusal = e;
        decided.countDown();
    }

    void ended() {
        decided.countDown();
    }
}
