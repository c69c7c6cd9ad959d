package org.socketlab.server.plugins;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The plugins folder and what was loaded from it. {@link #load} loads every jar in it at once; each
 * {@link #poll()} then brings the registry up to date with the folder: a jar added, replaced or removed
 * changes the catalogue, all at once. {@link PluginWatcher} polls while the server runs.
 *
 * <p>A jar is loaded only when it looks complete: the same size, time and file key in two polls in a row
 * (a copy in progress keeps changing them), still the same once copied, and a readable zip. Each version of
 * a file is loaded once: a jar that failed is tried again only when it changes. Names that do not end in
 * {@code .jar}, and names that start with a dot or a tilde (editors' and copy tools' temporary files), are
 * ignored. A missing folder holds no plugins. Thread-safe: polls and {@link #close()} take turns.
 */
public final class PluginFolder implements AutoCloseable {
    private final Path dir;
    private final PluginLoader loader;
    private final CaseRegistry registry;
    private final PluginLog log;
    // In the order the jars were first loaded: when two jars offer the same case id, the earlier one keeps it,
    // and a replaced jar keeps its place.
    private final Map<String, LoadedJar> loaded = new LinkedHashMap<>();
    private Map<String, FileStamp> lastSeen = Map.of();
    private boolean closed;

    private PluginFolder(Path dir, PluginLoader loader, CaseRegistry registry, PrintStream log) {
        this.dir = dir;
        this.loader = loader;
        this.registry = registry;
        this.log = new PluginLog(log);
    }

    /**
     * Loads every jar in {@code dir} into {@code registry} now, reporting each one's status on {@code log}.
     *
     * @param dir      the plugins folder; it need not exist
     * @param registry the registry to put the plugins' cases in
     * @param log      where to report what became of each jar
     * @return the folder, ready to {@link #poll()}
     */
    public static PluginFolder load(Path dir, CaseRegistry registry, PrintStream log) {
        return load(dir, registry, log, new PluginLoader(PluginLoader.DEFAULT_LOAD_TIME_LIMIT));
    }

    static PluginFolder load(Path dir, CaseRegistry registry, PrintStream log, PluginLoader loader) {
        PluginFolder folder = new PluginFolder(dir, loader, registry, log);
        folder.loadAll();
        return folder;
    }

    /** @return the registry it keeps up to date */
    public CaseRegistry registry() {
        return registry;
    }

    private synchronized void loadAll() {
        Map<String, FileStamp> now = scan();
        if (now == null) {
            return;
        }
        now.forEach((file, stamp) -> loader.load(dir.resolve(file), stamp).ifPresent(jar -> loaded.put(file, jar)));
        lastSeen = now;
        publish(now.keySet(), Set.of());
    }

    /**
     * Looks at the folder once and applies the changes that are complete.
     *
     * @return whether the catalogue changed
     */
    public synchronized boolean poll() {
        Map<String, FileStamp> now = closed ? null : scan();
        if (now == null) {
            return false;
        }
        List<LoadedJar> replaced = new ArrayList<>();
        Set<String> removed = new TreeSet<>(loaded.keySet());
        removed.removeAll(now.keySet());
        removed.forEach(file -> replaced.add(loaded.remove(file)));
        Set<String> changed = new TreeSet<>();
        now.forEach((file, stamp) -> {
            LoadedJar current = loaded.get(file);
            boolean settled = stamp.equals(lastSeen.get(file));
            if ((current == null || !current.stamp().equals(stamp)) && settled) {
                loader.load(dir.resolve(file), stamp).ifPresent(next -> {
                    LoadedJar previous = loaded.put(file, next);
                    if (previous != null) {
                        replaced.add(previous);
                    }
                    changed.add(file);
                });
            }
        });
        lastSeen = now;
        if (removed.isEmpty() && changed.isEmpty()) {
            return false;
        }
        publish(changed, removed);
        // Only now that the catalogue no longer offers them: a run that found a case a moment ago still starts.
        replaced.forEach(LoadedJar::retire);
        return true;
    }

    private void publish(Set<String> changed, Set<String> removed) {
        Catalogue before = registry.catalogue();
        Catalogue after = registry.replacePlugins(loaded.values().stream().map(LoadedJar::jar).toList());
        log.changes(before.plugins(), after.plugins(), changed, removed);
    }

    /** @return the jar names and versions in the folder now, or {@code null} if it cannot be read */
    private Map<String, FileStamp> scan() {
        if (Files.notExists(dir)) {
            return Map.of();
        }
        Map<String, FileStamp> stamps = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (isPluginName(name)) {
                    stampOf(entry).ifPresent(stamp -> stamps.put(name, stamp));
                }
            }
        } catch (IOException | SecurityException e) {
            // Keep what is loaded: a folder that cannot be read for a moment must not empty the catalogue.
            log.folderUnreadable(dir, e);
            return null;
        }
        log.folderReadable();
        return stamps;
    }

    private static Optional<FileStamp> stampOf(Path entry) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
            return attributes.isRegularFile() ? Optional.of(FileStamp.of(attributes)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * @param name a file name
     * @return whether a file of that name is taken for a plugin jar
     */
    static boolean isPluginName(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".jar") && !name.startsWith(".") && !name.startsWith("~");
    }

    /** Takes every plugin out of the catalogue; their class loaders close once the runs under way end. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        loaded.values().forEach(LoadedJar::retire);
        loaded.clear();
        registry.replacePlugins(List.of());
    }
}
