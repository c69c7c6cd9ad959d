package org.socketlab.server.plugins;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.socketlab.api.CaseRunner;

/**
 * Looks, once a plugin's run is over, for threads of that run still alive, and charges them to the plugin's
 * {@link PluginHealth}. The runner has interrupted them and given them {@link CaseRunner#THREAD_GRACE} by
 * then; the transcript of the run says the same to the student.
 */
final class LeakCheck {
    // After the run's end the runner needs the grace to stop its threads; look a little after that.
    private static final Duration AFTER_END = CaseRunner.THREAD_GRACE.multipliedBy(3);
    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(task -> {
        // Made during some run: in the run's group it would count as a thread that run left behind.
        ThreadGroup top = Thread.currentThread().getThreadGroup();
        while (top.getParent() != null) {
            top = top.getParent();
        }
        Thread thread = new Thread(top, task, "socketlab-plugin-leak-check");
        thread.setDaemon(true);
        return thread;
    });

    private final ThreadGroup group;
    private final PluginHealth health;
    private final AtomicBoolean done = new AtomicBoolean();

    private LeakCheck(ThreadGroup group, PluginHealth health) {
        this.group = group;
        this.health = health;
    }

    /**
     * Starts watching the run whose main thread is the current one.
     *
     * @param remaining the run's time left: if its main thread never returns, look after that
     */
    static LeakCheck start(PluginHealth health, Duration remaining) {
        LeakCheck check = new LeakCheck(Thread.currentThread().getThreadGroup(), health);
        check.schedule(remaining.plus(AFTER_END));
        return check;
    }

    /** The run's main body returned or threw: look soon. */
    void runEnded() {
        schedule(AFTER_END);
    }

    private void schedule(Duration delay) {
        SCHEDULER.schedule(this::look, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void look() {
        if (done.getAndSet(true)) {
            return;
        }
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
        if (alive > 0) {
            health.leaked(alive + (alive == 1 ? " thread" : " threads") + " still running after a run: at "
                    + String.join("; at ", places) + (alive > places.size() ? "; …" : ""));
        }
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
