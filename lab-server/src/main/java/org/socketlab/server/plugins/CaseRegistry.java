package org.socketlab.server.plugins;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The cases Socket Lab offers now: the built-in ones and whatever the plugin jars provide at this moment.
 * Thread-safe; readers take the current {@link Catalogue} and keep using it for the whole request.
 */
public final class CaseRegistry {
    private final List<RegisteredCase> builtIns;
    private final AtomicReference<Catalogue> current;

    /**
     * @param builtIns the cases that ship with Socket Lab (or, in tests, any explicit instances)
     */
    public CaseRegistry(List<RegisteredCase> builtIns) {
        this.builtIns = List.copyOf(builtIns);
        this.current = new AtomicReference<>(Catalogue.of(this.builtIns, List.of()));
    }

    /**
     * The registry of the cases on Socket Lab's own class path, found with {@link java.util.ServiceLoader}.
     * Providers that fail are reported on standard error and skipped.
     *
     * @return the registry
     */
    public static CaseRegistry ofBuiltIns() {
        return ofBuiltIns(System.err);
    }

    /**
     * Like {@link #ofBuiltIns()}, reporting failures to {@code log}.
     *
     * @param log where to report the providers that failed
     * @return the registry
     */
    public static CaseRegistry ofBuiltIns(PrintStream log) {
        CaseDiscovery.Result found = CaseDiscovery.discover(CaseRegistry.class.getClassLoader(), RegisteredCase.BUILT_IN);
        found.failures().forEach(failure -> log.println("socketlab: a built-in case did not load: " + failure));
        return new CaseRegistry(found.cases());
    }

    /**
     * Like {@link #ofBuiltIns(PrintStream)}, for a command that uses the named cases only ({@code run} of case
     * ids): when each is found by its id, only those are loaded; otherwise every built-in case is.
     *
     * @param log where to report the providers that failed
     * @param ids the case ids the command names
     * @return the registry
     */
    public static CaseRegistry ofBuiltIns(PrintStream log, List<String> ids) {
        return NamedBuiltIns.find(CaseRegistry.class.getClassLoader(), ids).map(CaseRegistry::new)
                .orElseGet(() -> ofBuiltIns(log));
    }

    /** @return the catalogue as it is now */
    public Catalogue catalogue() {
        return current.get();
    }

    /**
     * Replaces what the plugin jars provide, all at once.
     *
     * @param jars every plugin jar as it is now
     * @return the new catalogue
     */
    public Catalogue replacePlugins(List<PluginJar> jars) {
        Catalogue next = Catalogue.of(builtIns, jars);
        current.set(next);
        return next;
    }
}
