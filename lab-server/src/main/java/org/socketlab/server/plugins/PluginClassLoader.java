package org.socketlab.server.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

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
    private final Set<String> warnings = ConcurrentHashMap.newKeySet();
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

    /**
     * Defines a class of the jar, unless it refers to a method that would stop Socket Lab (see
     * {@link ForbiddenCalls}): a case ported from a Python script that ends with {@code sys.exit()} must fail
     * its own loading, not end every student's session.
     */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (ApiClassLoader.isEngine(name)) {
            throw new ClassNotFoundException(ApiClassLoader.missing(name));
        }
        String path = name.replace('.', '/') + ".class";
        URL resource = findResource(path);
        if (resource == null) {
            // The parent's reason is lost on the way (ClassLoader.loadClass drops it and asks findClass): give it.
            throw new ClassNotFoundException(ApiClassLoader.missing(name));
        }
        byte[] bytes;
        try (InputStream in = resource.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name + " cannot be read from " + getName(), e);
        }
        ForbiddenCalls.Findings findings = ForbiddenCalls.scan(bytes);
        if (findings.forbidden().isPresent()) {
            throw new ForbiddenCallError(name + " calls " + findings.forbidden().get() + ", which would stop Socket "
                    + "Lab for everyone: a case ends by returning, or by throwing to report an error");
        }
        findings.rawSocket().ifPresent(type -> warnings.add(name + " makes a " + type + " itself: its traffic "
                + "escapes the transcript and the target policy; use the sockets of context.actor(...) instead"));
        int dot = name.lastIndexOf('.');
        if (dot > 0 && getDefinedPackage(name.substring(0, dot)) == null) {
            try {
                definePackage(name.substring(0, dot), null, null, null, null, null, null, null);
            } catch (IllegalArgumentException e) {
                // Defined by another thread meanwhile.
            }
        }
        return defineClass(name, bytes, 0, bytes.length, new CodeSource(getURLs()[0], (CodeSigner[]) null));
    }

    /** @return what the classes loaded so far do that is allowed but worth fixing, sorted */
    List<String> warnings() {
        return new TreeSet<>(warnings).stream().toList();
    }

    /** A class of a plugin that may not be loaded; a {@link LinkageError}, as for any class that cannot be. */
    static final class ForbiddenCallError extends LinkageError {
        private static final long serialVersionUID = 1L;

        ForbiddenCallError(String message) {
            super(message);
        }
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
