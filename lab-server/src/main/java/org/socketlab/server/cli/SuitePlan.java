package org.socketlab.server.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.socketlab.api.InvalidParamException;
import org.socketlab.api.ParamSpec;
import org.socketlab.api.Params;
import org.socketlab.engine.Engine;
import org.socketlab.server.plugins.Catalogue;
import org.socketlab.server.plugins.RegisteredCase;

/**
 * The runs a {@code run} command stands for: the selected cases, each with the {@code --param} values meant
 * for it, checked before anything runs so that a typo costs no run.
 */
public final class SuitePlan {
    /**
     * One case to run, with its values as typed and as checked.
     *
     * @param registered the case
     * @param params     its values as typed
     * @param resolved   every value, checked and parsed ({@code Engine.resolve}): the run uses these, so that
     *                   a long port list is not parsed again
     */
    public record Entry(RegisteredCase registered, Map<String, String> params, Params resolved) {
        /** Copies the values. */
        public Entry {
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    private SuitePlan() {
    }

    /**
     * @param catalogue  the cases
     * @param selection  which of them
     * @param assignments the {@code --param} values
     * @return the runs, in the order named (ids first, then the catalogue's order for {@code --all} and tags),
     *         each case once
     * @throws UsageException for an unknown case or tag, a parameter no selected case declares, or a value a
     *                        case refuses
     */
    public static List<Entry> of(Catalogue catalogue, Selection selection, List<ParamAssignment> assignments)
            throws UsageException {
        // By id, not a set of the records: a record's first hashCode() on a cold JVM builds its method handles,
        // about 60 ms before a one-case run from the command line could start. The catalogue's ids are distinct.
        Map<String, RegisteredCase> cases = new LinkedHashMap<>();
        for (String id : selection.caseIds()) {
            cases.putIfAbsent(id, catalogue.find(id).orElseThrow(() -> new UsageException("no case '" + id
                    + "'; 'java -jar socketlab.jar list' shows them")));
        }
        for (String tag : selection.tags()) {
            List<RegisteredCase> tagged = catalogue.cases().stream().filter(c -> c.info().tags().contains(tag)).toList();
            if (tagged.isEmpty()) {
                throw new UsageException("no case has the tag '" + tag + "'; 'java -jar socketlab.jar list' shows "
                        + "the cases and 'describe CASE' their tags");
            }
            tagged.forEach(c -> cases.putIfAbsent(c.id(), c));
        }
        if (selection.all()) {
            catalogue.cases().forEach(c -> cases.putIfAbsent(c.id(), c));
        }
        checkEveryAssignmentIsUsed(cases.values(), assignments);
        List<Entry> entries = new ArrayList<>();
        for (RegisteredCase c : cases.values()) {
            Map<String, String> values = valuesFor(c, assignments);
            try {
                entries.add(new Entry(c, values, Engine.resolve(c.params(), values)));
            } catch (InvalidParamException e) {
                throw new UsageException(c.id() + ": " + e.getMessage(), e.parameter());
            }
        }
        return entries;
    }

    private static Map<String, String> valuesFor(RegisteredCase c, List<ParamAssignment> assignments) {
        Map<String, String> values = new LinkedHashMap<>();
        // Every-case values first, so that CASE.NAME=VALUE wins over NAME=VALUE whatever their order.
        for (ParamAssignment a : assignments) {
            if (a.caseId() == null && declares(c, a.name())) {
                values.put(a.name(), a.value());
            }
        }
        for (ParamAssignment a : assignments) {
            if (c.id().equals(a.caseId())) {
                values.put(a.name(), a.value());
            }
        }
        return values;
    }

    private static void checkEveryAssignmentIsUsed(Collection<RegisteredCase> cases, List<ParamAssignment> assignments)
            throws UsageException {
        for (ParamAssignment a : assignments) {
            if (a.caseId() == null) {
                if (cases.stream().noneMatch(c -> declares(c, a.name()))) {
                    throw new UsageException("--param " + a.text() + ": no selected case has a parameter '" + a.name()
                            + "' ('describe CASE' lists a case's parameters)", a.name());
                }
            } else {
                RegisteredCase selected = cases.stream().filter(c -> c.id().equals(a.caseId())).findFirst()
                        .orElseThrow(() -> new UsageException("--param " + a.text() + ": the case '" + a.caseId()
                                + "' is not selected", a.name()));
                if (!declares(selected, a.name())) {
                    String known = selected.params().stream().map(ParamSpec::name).toList().toString();
                    throw new UsageException("--param " + a.text() + ": " + a.caseId() + " has no parameter '"
                            + a.name() + "' (it has " + known + ")", a.name());
                }
            }
        }
    }

    private static boolean declares(RegisteredCase c, String name) {
        return c.params().stream().anyMatch(spec -> spec.name().equals(name));
    }
}
