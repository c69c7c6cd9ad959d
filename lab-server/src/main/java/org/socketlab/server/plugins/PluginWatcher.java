package org.socketlab.server.plugins;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls a {@link PluginFolder} on a daemon thread while the server runs, so that a jar added, replaced or
 * removed changes the catalogue within about a second, without a restart. Polling works alike on every system
 * and file system, network shares included, where change notifications do not.
 */
public final class PluginWatcher implements AutoCloseable {
    /** Two polls this far apart must see a jar unchanged before it is loaded: a new jar appears within about 1 s. */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final PluginFolder folder;
    private final PrintStream log;
    private final ScheduledExecutorService executor;
    private String lastFailure;

    private PluginWatcher(PluginFolder folder, PrintStream log) {
        this.folder = folder;
        this.log = log;
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "socketlab-plugin-watcher");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts polling every {@link #POLL_INTERVAL}.
     *
     * @param folder the folder, loaded already
     * @param log    where to report a poll that failed
     * @return the running watcher
     */
    public static PluginWatcher start(PluginFolder folder, PrintStream log) {
        return start(folder, log, POLL_INTERVAL);
    }

    static PluginWatcher start(PluginFolder folder, PrintStream log, Duration interval) {
        PluginWatcher watcher = new PluginWatcher(folder, log);
        // With a fixed delay a slow poll (a big jar to copy) delays the next one instead of piling them up.
        watcher.executor.scheduleWithFixedDelay(watcher::pollOnce, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return watcher;
    }

    /** @return the registry the folder keeps up to date */
    public CaseRegistry registry() {
        return folder.registry();
    }

    /** @return the folder it watches */
    public PluginFolder folder() {
        return folder;
    }

    private void pollOnce() {
        try {
            folder.poll();
            lastFailure = null;
        } catch (Throwable e) {
            // A failed poll must not end the watching (the executor would run no further polls); say it once.
            String failure = "socketlab: watching the plugins folder failed, trying again: " + CaseDiscovery.reason(e);
            if (!failure.equals(lastFailure)) {
                log.println(failure);
                lastFailure = failure;
            }
        }
    }

    /** Stops polling and closes the folder: its plugins leave the catalogue. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.println("socketlab: the plugin watcher did not stop within " + STOP_WAIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        folder.close();
    }
}
