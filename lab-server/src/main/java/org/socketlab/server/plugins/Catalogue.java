package org.socketlab.server.plugins;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One consistent view of every case and every plugin jar: the registry swaps a whole catalogue at once,
 * so a request never sees half of a reload. Immutable.
 */
public final class Catalogue {
    private final Map<String, RegisteredCase> byId;
    private final List<PluginStatus> plugins;

    private Catalogue(Map<String, RegisteredCase> byId, List<PluginStatus> plugins) {
        this.byId = Collections.unmodifiableMap(byId);
        this.plugins = List.copyOf(plugins);
    }

    /**
     * Puts the built-in cases and the plugin jars together. Built-in cases come first and keep their ids;
     * a plugin case whose id is already taken is refused, and its jar reports why.
     *
     * @param builtIns the cases that ship with Socket Lab
     * @param jars     the plugin jars, in the order to consider them
     * @return the catalogue
     */
    public static Catalogue of(List<RegisteredCase> builtIns, List<PluginJar> jars) {
        Map<String, RegisteredCase> byId = new LinkedHashMap<>();
        builtIns.forEach(c -> byId.putIfAbsent(c.id(), c));
        List<PluginStatus> statuses = new ArrayList<>();
        for (PluginJar jar : jars) {
            List<String> failures = new ArrayList<>(jar.failures());
            List<String> ids = new ArrayList<>();
            for (RegisteredCase c : jar.cases()) {
                RegisteredCase taken = byId.putIfAbsent(c.id(), c);
                if (taken == null) {
                    ids.add(c.id());
                } else {
                    failures.add("case id '" + c.id() + "' is already used by " + describeOrigin(taken.origin()));
                }
            }
            boolean loaded = !ids.isEmpty() && failures.isEmpty();
            if (ids.isEmpty() && failures.isEmpty()) {
                failures.add("no cases found: the jar needs a file " + CaseDiscovery.SERVICES_FILE
                        + " naming its case classes, one a line");
            }
            String error = failures.isEmpty() ? null : String.join("; ", failures);
            PluginHealth health = jar.cases().stream().map(RegisteredCase::labCase)
                    .filter(PluginCase.class::isInstance).map(c -> ((PluginCase) c).health()).findFirst().orElse(null);
            statuses.add(new PluginStatus(jar.file(), loaded, ids, error, jar.warnings(), health));
        }
        return new Catalogue(byId, statuses);
    }

    private static String describeOrigin(String origin) {
        return RegisteredCase.BUILT_IN.equals(origin) ? "a built-in case" : "plugin " + origin;
    }

    /** @return every case, built-in ones first, in registration order */
    public List<RegisteredCase> cases() {
        return List.copyOf(byId.values());
    }

    /**
     * @param id a case id
     * @return the case with that id, if any
     */
    public Optional<RegisteredCase> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @return what became of each plugin jar */
    public List<PluginStatus> plugins() {
        return plugins;
    }
}
