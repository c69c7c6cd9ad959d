package org.socketlab.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The threads of one run: a thread group that the run's main thread starts in, so that every thread the case
 * starts, through {@code RunContext.start} or with {@code new Thread} or an executor, belongs to it too. At the
 * end of the run they are interrupted, given a grace period, and those still alive are described, so that a
 * case cannot leave work running unseen. (Virtual threads belong to no group of ours and are not tracked.)
 */
final class RunThreads {
    private static final int MAX_DESCRIBED = 3;
    private static final String OWN_PACKAGE = "org.socketlab.api.";
    private static final String ENGINE_PACKAGE = "org.socketlab.engine.";
    // The runner's and the sockets' frames: the case's frame that called them says where the case is.
    private static final Set<String> OWN_TYPES = Set.of("Task", "CaseRunner", "Actor", "TcpConnection",
            "TcpListener", "UdpEndpoint", "BufferedOutput", "Framing");
    private final ThreadGroup group;

    RunThreads(String caseId) {
        this.group = new ThreadGroup("socketlab-run-" + caseId);
    }

    Thread newThread(Runnable body, String name) {
        Thread thread = new Thread(group, body, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Interrupts every thread of the run, waits at most {@code grace} for them to end, and describes the ones
     * that did not.
     *
     * @return e.g. "1 thread still running: at MyCase.run(MyCase.java:42)", or null if none is
     */
    String stop(Duration grace) {
        List<Thread> alive = alive();
        if (alive.isEmpty()) {
            return null;
        }
        alive.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread thread : alive) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                thread.join(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // Threads may have started others while they were being stopped: look again.
        List<Thread> still = alive();
        still.forEach(Thread::interrupt);
        return still.isEmpty() ? null : describe(still);
    }

    /** @return the run's threads still alive, but the calling one and the common pool's workers */
    List<Thread> alive() {
        Thread[] threads = new Thread[Math.max(16, group.activeCount() * 2)];
        int count = group.enumerate(threads, true);
        List<Thread> alive = new ArrayList<>(count);
        for (Thread thread : Arrays.asList(threads).subList(0, count)) {
            if (thread.isAlive() && thread != Thread.currentThread() && !isCommonPoolWorker(thread)) {
                alive.add(thread);
            }
        }
        return alive;
    }

    // The JDK starts the common pool's workers in whatever group asks first; they serve everyone, and end idle.
    private static boolean isCommonPoolWorker(Thread thread) {
        return thread instanceof ForkJoinWorkerThread worker && worker.getPool() == ForkJoinPool.commonPool();
    }

    /** Groups threads by where they are, e.g. "100 threads still running: at X.run(X.java:42) (100 threads)". */
    static String describe(List<Thread> threads) {
        // Keyed by method, not line: threads of one loop stand at different lines of it from moment to moment.
        Map<String, String> shownAt = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Thread thread : threads) {
            String place = place(thread);
            int paren = place.indexOf('(');
            String method = paren < 0 ? place : place.substring(0, paren);
            shownAt.putIfAbsent(method, place);
            counts.merge(method, 1, Integer::sum);
        }
        StringBuilder text = new StringBuilder();
        text.append(threads.size()).append(threads.size() == 1 ? " thread" : " threads").append(" still running: ");
        int shown = 0;
        for (Map.Entry<String, String> entry : shownAt.entrySet()) {
            if (shown == MAX_DESCRIBED) {
                text.append("; and elsewhere");
                break;
            }
            text.append(shown == 0 ? "" : "; ").append("at ").append(entry.getValue());
            int count = counts.get(entry.getKey());
            if (count > 1) {
                text.append(" (").append(count).append(" threads)");
            }
            shown++;
        }
        return text.toString();
    }

    // The innermost frame of the case's own code: the JDK's frames (sleep, a socket read) say less.
    private static String place(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.") && !isOurs(type)) {
                return text(frame);
            }
        }
        // Only the JDK's frames (an executor's idle worker): its name says more than where it waits.
        return "thread '" + thread.getName() + "'" + (stack.length == 0 ? "" : " in " + text(stack[0]));
    }

    private static boolean isOurs(String type) {
        if (type.startsWith(ENGINE_PACKAGE)) {
            return true;
        }
        if (!type.startsWith(OWN_PACKAGE)) {
            return false;
        }
        int nested = type.indexOf('$');
        return OWN_TYPES.contains(type.substring(OWN_PACKAGE.length(), nested < 0 ? type.length() : nested));
    }

    // As a stack trace prints it, without the class loader and module prefixes of StackTraceElement.toString().
    private static String text(StackTraceElement frame) {
        String where = frame.getFileName() == null ? "Unknown Source"
                : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }
}
