package org.socketlab.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The parameter values of one run: every parameter of the case, each either given by the caller or
 * its default, each already checked against its {@link ParamSpec}. Immutable and thread-safe.
 */
public final class Params {
    private final Map<String, Object> values;
    /** The parsed value of each parameter that has a {@link ParamSpec#format()}. */
    private final Map<String, Object> parsed;
    private final Map<String, ParamSpec> specs;

    private Params(Map<String, Object> values, Map<String, Object> parsed, Map<String, ParamSpec> specs) {
        this.values = Collections.unmodifiableMap(values);
        this.parsed = parsed;
        this.specs = specs;
    }

    /**
     * Checks the values a caller gave against the specs and fills in the defaults. For hosts and tests: a
     * case is given its values, checked, in {@link RunContext#params()} and {@link LabCase#validate}.
     *
     * @param specs the case's parameters
     * @param given the caller's values by name (may be {@code null} or empty: all defaults)
     * @return every parameter's value, in the order of {@code specs}
     * @throws InvalidParamException for the first unknown name or invalid value
     * @deprecated since 1.1: hosts check a run's values with the engine's
     *             {@code org.socketlab.engine.Engine.resolve}, which does the same; a test runs its case with
     *             {@link CaseRunner}, which checks them too
     */
    @Deprecated(since = "1.1")
    public static Params resolve(List<ParamSpec> specs, Map<String, ?> given) throws InvalidParamException {
        return of(specs, given);
    }

    // The engine's way in (through EngineAccess), and the deprecated resolve's.
    static Params of(List<ParamSpec> specs, Map<String, ?> given) {
        Map<String, ?> raw = given == null ? Map.of() : given;
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        specs.forEach(spec -> byName.put(spec.name(), spec));
        for (String name : new TreeSet<>(raw.keySet())) {
            if (!byName.containsKey(name)) {
                String known = byName.isEmpty() ? "this case takes no parameters"
                        : "known: " + String.join(", ", byName.keySet());
                throw new InvalidParamException(name, "unknown parameter (" + known + ")");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> parsed = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            Object value = raw.containsKey(spec.name())
                    ? new ParamParser(spec.name(), spec.type(), spec.choices(), spec.min(), spec.max())
                            .parse(raw.get(spec.name()))
                    : spec.defaultValue();
            values.put(spec.name(), value);
            if (spec.format() != null) {
                parsed.put(spec.name(), Param.parseWith(spec.name(), spec.format(), (String) value));
            }
        }
        return new Params(values, parsed, byName);
    }

    /**
     * @param name a parameter of the case
     * @return its value
     * @throws IllegalArgumentException if the case has no such parameter or it is not an int
     */
    public int getInt(String name) {
        return get(name, Integer.class);
    }

    /**
     * @param name a parameter of the case
     * @return its value
     * @throws IllegalArgumentException if the case has no such parameter or it is not a boolean
     */
    public boolean getBoolean(String name) {
        return get(name, Boolean.class);
    }

    /**
     * @param name a string or choice parameter of the case
     * @return its value, never {@code null}
     * @throws IllegalArgumentException if the case has no such parameter or it is not a string or choice
     */
    public String getString(String name) {
        return get(name, String.class);
    }

    private <T> T get(String name, Class<T> type) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' (the case declares: " + values.keySet() + ")");
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("parameter '" + name + "' is a " + value.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return type.cast(value);
    }

    /**
     * The value of a typed parameter, parsed once before the run: {@code params.get(TARGET)}.
     *
     * @param param a parameter the case declares in {@link LabCase#params()}
     * @param <T>   the type of its value
     * @return its value, never {@code null}
     * @throws IllegalArgumentException if the case does not declare {@code param} (its spec is not among
     *                                  the case's params)
     * @since 1.1
     */
    public <T> T get(Param<T> param) {
        ParamSpec declared = specs.get(param.name());
        if (declared == null) {
            throw new IllegalArgumentException("parameter '" + param.name() + "' is not declared by the case: list "
                    + "its spec in params() (the case declares: " + values.keySet() + ")");
        }
        // The same instance in nearly every case (params() lists the Param's own spec): a record's first equals()
        // on a cold JVM builds its method handles, some 20 ms before a case's first line could run.
        if (declared != param.spec() && !declared.equals(param.spec())) {
            throw new IllegalArgumentException("parameter '" + param.name() + "' is declared with another spec than "
                    + "this Param's: list the same Param's spec() in params(), e.g. Param.specs(...)");
        }
        return param.read(values.get(param.name()), parsed.get(param.name()));
    }

    /** @return every value by name, in the case's order; unmodifiable */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
