package org.socketlab.server.plugins;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The class loader of one plugin jar, reading a private copy of it.
 *
 * <p>Its parent is an {@link ApiClassLoader}, which knows the JDK and lab-api only. Ordinary parent-first
 * delegation therefore gives exactly what a plugin needs: JDK and lab-api classes are shared with Socket Lab
 * (so that its cases are {@code LabCase}s the server can run), and every other class, the plugin's own and
 * the libraries shaded into its jar, comes from the jar and nowhere else. A plugin cannot see Socket Lab's
 * classes and libraries, nor another plugin's, so their versions cannot clash.
 *
 * <p>It counts the runs using it. Once {@linkplain #retire() retired} (its jar was replaced or removed) it
 * closes, and deletes its copy, as soon as the last of those runs ends: runs already under way finish on the
 * version they started with, and load the classes they still need from it. Thread-safe.
 */
final class PluginClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Path copy;
    private int activeRuns;
    private boolean retired;
    private boolean closed;

    /**
     * @param file   the jar's file name, which names the loader in stack traces ({@code echo.jar//org.example.Echo})
     * @param copy   the private copy of the jar to read; deleted when the loader closes
     * @param parent the loader that offers the JDK and lab-api
     */
    PluginClassLoader(String file, Path copy, ApiClassLoader parent) {
        super(file, new URL[] {url(copy)}, parent);
        this.copy = copy;
    }

    private static URL url(Path copy) {
        try {
            return copy.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("no URL for " + copy, e);
        }
    }

    /**
     * Notes that a run starts using the loader.
     *
     * @return {@code false} if it is closed already (the run must not start)
     */
    synchronized boolean enter() {
        if (closed) {
            return false;
        }
        activeRuns++;
        return true;
    }

    /** Notes that a run that {@link #enter() entered} has ended. */
    synchronized void exit() {
        activeRuns--;
        closeIfUnused();
    }

    /** Closes the loader now if no run uses it, or else when the last one ends; no run may enter afterwards. */
    synchronized void retire() {
        retired = true;
        closeIfUnused();
    }

    /** @return whether it is closed: its copy is gone and it loads nothing more */
    synchronized boolean isClosed() {
        return closed;
    }

    private void closeIfUnused() {
        if (!retired || activeRuns > 0 || closed) {
            return;
        }
        closed = true;
        // Neither failure may reach the run that happened to end last: it has finished its work. What is left
        // behind is a copy in a temporary folder, marked deleteOnExit when it was made.
        try {
            close();
        } catch (IOException e) {
            copy.toFile().deleteOnExit();
        }
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            copy.toFile().deleteOnExit();
        }
    }
}
