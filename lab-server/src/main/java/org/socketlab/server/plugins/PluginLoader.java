package org.socketlab.server.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;

import org.socketlab.engine.Engine;

/**
 * Loads one plugin jar: copies it, checks that it is a readable jar built for a compatible lab-api, gives it
 * its own {@link PluginClassLoader} and finds its cases with {@link CaseDiscovery}. Every failure becomes part
 * of the result, with a reason an instructor can act on; nothing a plugin throws escapes.
 *
 * <p>The jar is read from a private copy, so that the original can be replaced or deleted at any time, on
 * any system (Windows cannot replace a file that is open). Thread-safe.
 */
final class PluginLoader {
    /**
     * How long finding the cases of one jar (their static initializers, constructors, {@code info()} and
     * {@code params()}) may take before the jar is reported as failed.
     */
    static final Duration DEFAULT_LOAD_TIME_LIMIT = Duration.ofSeconds(10);

    private final Duration loadTimeLimit;
    private final ApiClassLoader apiLoader = new ApiClassLoader();
    private final AtomicLong copyCount = new AtomicLong();
    private Path copies;

    /**
     * A loader that keeps its copies in a temporary folder of its own, made when the first jar is loaded.
     *
     * @param loadTimeLimit how long finding the cases of one jar may take
     */
    PluginLoader(Duration loadTimeLimit) {
        this(null, loadTimeLimit);
    }

    /**
     * @param copies        an existing folder for the private copies of the jars
     * @param loadTimeLimit how long finding the cases of one jar may take
     */
    PluginLoader(Path copies, Duration loadTimeLimit) {
        this.copies = copies;
        this.loadTimeLimit = loadTimeLimit;
    }

    private synchronized Path copies() throws IOException {
        if (copies == null) {
            copies = Files.createTempDirectory("socketlab-plugins-");
            copies.toFile().deleteOnExit();
        }
        return copies;
    }

    /**
     * Loads a jar, provided that it is still the version {@code expected} once copied.
     *
     * @param source   the jar in the plugins folder
     * @param expected the version of the file to load
     * @return the jar as loaded, or failed with the reason; empty when the file changed or vanished while it was
     *         copied (it is still being written or moved: look again later)
     */
    Optional<LoadedJar> load(Path source, FileStamp expected) {
        String file = source.getFileName().toString();
        Path copy = null;
        try {
            copy = copies().resolve(copyCount.incrementAndGet() + "-" + file);
            Files.copy(source, copy);
            copy.toFile().deleteOnExit();
            if (!expected.equals(FileStamp.of(source))) {
                Files.deleteIfExists(copy);
                return Optional.empty();
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            if (copy != null) {
                deleteQuietly(copy);
            }
            return Optional.of(LoadedJar.failed(file, expected, "cannot be read: " + CaseDiscovery.reason(e)));
        }
        return Optional.of(open(file, copy, expected));
    }

    private LoadedJar open(String file, Path copy, FileStamp stamp) {
        List<String> warnings = new ArrayList<>();
        String refusal = check(copy, warnings);
        if (refusal != null) {
            deleteQuietly(copy);
            return LoadedJar.failed(file, stamp, refusal);
        }
        PluginClassLoader loader = new PluginClassLoader(file, copy, apiLoader);
        CaseDiscovery.Result found = discover(loader, file);
        // Of the classes loaded to describe its cases: enough to catch a case class that opens its own sockets.
        warnings.addAll(loader.warnings());
        PluginHealth health = new PluginHealth();
        List<RegisteredCase> cases = found.cases().stream().map(c -> PluginCase.of(c, loader, health)).toList();
        if (cases.isEmpty()) {
            loader.retire();
        }
        return new LoadedJar(new PluginJar(file, cases, found.failures(), warnings), stamp,
                cases.isEmpty() ? null : loader);
    }

    /** @return why the jar cannot be loaded, or {@code null} if it can (with {@code warnings} added to) */
    private static String check(Path copy, List<String> warnings) {
        // Opening it reads the zip's central directory: a truncated or corrupt file fails here.
        try (JarFile jar = new JarFile(copy.toFile())) {
            Manifest manifest = jar.getManifest();
            String declared = manifest == null ? null
                    : manifest.getMainAttributes().getValue(ApiVersion.MANIFEST_ATTRIBUTE);
            String services = ProviderAdvice.servicesFileProblem(jar);
            return services != null ? services : checkVersion(declared, warnings);
        } catch (ZipException e) {
            return "not a jar: " + (e.getMessage() == null ? "unreadable zip file" : e.getMessage());
        } catch (IOException | SecurityException e) {
            return "cannot be read: " + CaseDiscovery.reason(e);
        }
    }

    private static String checkVersion(String declared, List<String> warnings) {
        ApiVersion current = ApiVersion.current();
        if (declared == null) {
            // Loaded all the same: a jar packed by hand works, and a real mismatch still shows as a failed class.
            warnings.add("no " + ApiVersion.MANIFEST_ATTRIBUTE + " in its manifest, so it was taken as built for "
                    + "lab-api " + current + "; add '" + ApiVersion.MANIFEST_ATTRIBUTE + ": " + current + "' to its "
                    + "META-INF/MANIFEST.MF");
            return null;
        }
        try {
            return ApiVersion.parse(declared).incompatibilityWith(current).orElse(null);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    // A plugin's static initializer, constructor or info() may never return: it must not hold up the caller.
    private CaseDiscovery.Result discover(PluginClassLoader loader, String file) {
        FutureTask<CaseDiscovery.Result> task = new FutureTask<>(() -> CaseDiscovery.discover(loader, file));
        Thread thread = new Thread(task, "socketlab-plugin-load-" + file);
        thread.setDaemon(true);
        thread.setContextClassLoader(loader);
        thread.start();
        try {
            return task.get(loadTimeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            return failure("loading its cases took longer than " + loadTimeLimit.toMillis() + " ms: a static "
                    + "initializer, constructor, info() or params() of a case does not return" + stillRunning(thread));
        } catch (ExecutionException e) {
            return failure("loading its cases failed: " + CaseDiscovery.reason(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            return failure("loading was interrupted (Socket Lab is stopping)");
        }
    }

    // Java cannot stop a thread that ignores interrupts: say where it is, so the author can find the loop.
    private static String stillRunning(Thread thread) {
        try {
            thread.join(Engine.THREAD_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            return "";
        }
        for (StackTraceElement frame : thread.getStackTrace()) {
            String type = frame.getClassName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")
                    && !type.startsWith("org.socketlab.")) {
                return " (its thread is still running, at " + type + "." + frame.getMethodName() + "("
                        + frame.getFileName() + ":" + frame.getLineNumber() + "), until Socket Lab restarts)";
            }
        }
        return " (its thread is still running, until Socket Lab restarts)";
    }

    private static CaseDiscovery.Result failure(String reason) {
        return new CaseDiscovery.Result(List.of(), List.of(reason));
    }

    private static void deleteQuietly(Path copy) {
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            // Marked deleteOnExit when it was made; a failed jar's copy is only disk space.
            copy.toFile().deleteOnExit();
        }
    }
}
