package org.socketlab.server.plugins;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

import org.socketlab.engine.Engine;

/**
 * A look, due once a plugin's run is over, for threads of that run still alive. The runner has interrupted
 * them and given them {@link Engine#THREAD_GRACE} by then; the transcript of the run says the same to the
 * student. {@link PluginHealth} makes the looks that are due whenever it is asked, so no thread of its own
 * waits for them.
 */
final class LeakCheck {
    // After the run's end the runner needs the grace to stop its threads; look a little after that.
    static final Duration AFTER_END = Engine.THREAD_GRACE.multipliedBy(3);

    private final ThreadGroup group;
    private volatile long dueNanos;

    /**
     * Starts watching the run whose main thread is the current one.
     *
     * @param remaining the run's time left: if its main thread never returns, look after that
     */
    LeakCheck(Duration remaining) {
        this.group = Thread.currentThread().getThreadGroup();
        this.dueNanos = System.nanoTime() + remaining.plus(AFTER_END).toNanos();
    }

    /** The run's main body returned or threw: look soon. */
    void runEnded() {
        dueNanos = Math.min(dueNanos, System.nanoTime() + AFTER_END.toNanos());
    }

    boolean isDue(long nowNanos) {
        return nowNanos - dueNanos >= 0;
    }

    /** @return e.g. "1 thread still running after a run: at X.spin(X.java:4)", or null if none is alive */
    String look() {
        Thread[] threads = new Thread[Math.max(16, group.activeCount() * 2)];
        int count = group.enumerate(threads, true);
        List<String> places = new ArrayList<>();
        int alive = 0;
        for (int i = 0; i < count; i++) {
            if (threads[i].isAlive() && !isCommonPoolWorker(threads[i])) {
                alive++;
                if (places.size() < 2) {
                    places.add(place(threads[i]));
                }
            }
        }
        if (alive == 0) {
            return null;
        }
        return alive + (alive == 1 ? " thread" : " threads") + " still running after a run: at "
                + String.join("; at ", places) + (alive > places.size() ? "; …" : "");
    }

    // The JDK starts the common pool's workers in whatever group asks first; they serve everyone, and end idle.
    private static boolean isCommonPoolWorker(Thread thread) {
        return thread instanceof ForkJoinWorkerThread worker && worker.getPool() == ForkJoinPool.commonPool();
    }

    private static String place(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            String type = frame.getClassName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")
                    && !type.startsWith("org.socketlab.")) {
                return type + "." + frame.getMethodName() + "(" + frame.getFileName() + ":" + frame.getLineNumber() + ")";
            }
        }
        return "thread '" + thread.getName() + "'";
    }
}
