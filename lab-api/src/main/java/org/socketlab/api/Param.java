package org.socketlab.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A typed handle to one parameter of a case: declare it once in a {@code static final} field, list its
 * {@link #spec()} in {@link LabCase#params()}, and read its value in {@code validate} and {@code run} as
 * {@code params.get(TARGET)}. A typo in the name is then a compile error, and a composite value (a
 * {@code host:port}, a port list) is parsed and checked once, before the run starts: a bad value is the
 * caller's mistake (HTTP 400 naming the parameter), never a failure in the middle of a run.
 *
 * <pre>{@code
 * static final Param<HostPort> TARGET = Param.hostPort("target", "127.0.0.1:8080", "Your server");
 * static final Param<Integer> BUFFER = Param.integer("bufferSize", 1024, 1, 65_536, "Bytes per recv");
 *
 * public List<ParamSpec> params() { return Param.specs(TARGET, BUFFER); }
 *
 * public void run(RunContext context) throws Exception {
 *     HostPort target = context.params().get(TARGET);
 *     ...
 * }
 * }</pre>
 *
 * <p>The page and the API see a typed parameter as the {@link ParamSpec} it declares: an int with its
 * range, a boolean, a choice, or a string whose text the parser checks. Immutable and thread-safe.
 *
 * @param <T> the type of its value in a run
 * @since 1.1
 */
public final class Param<T> {

    /**
     * Turns the text of a string parameter into its value, or says what is wrong with it.
     *
     * @param <T> the type of the value
     * @since 1.1
     */
    @FunctionalInterface
    public interface Parser<T> {
        /**
         * @param text the parameter's text, already checked to be a string of at most
         *             {@link ParamSpec#MAX_STRING_LENGTH} characters
         * @return the value, not {@code null}
         * @throws IllegalArgumentException whose message says what is wrong, for the person who typed the
         *                                  text ("must be host:port, e.g. 127.0.0.1:8080")
         */
        T parse(String text);
    }

    private final ParamSpec spec;
    private final Class<?> plainType;

    private Param(ParamSpec spec, Class<?> plainType) {
        this.spec = spec;
        this.plainType = plainType;
    }

    /**
     * An integer within {@code [min, max]}, as {@link ParamSpec#integer}.
     *
     * @param name         camelCase name
     * @param defaultValue the value when none is given
     * @param min          the smallest allowed value
     * @param max          the largest allowed value
     * @param description  what it changes, one sentence
     * @return the handle
     * @throws IllegalArgumentException if the default is outside the range
     * @since 1.1
     */
    public static Param<Integer> integer(String name, int defaultValue, int min, int max, String description) {
        return new Param<>(ParamSpec.integer(name, defaultValue, min, max, description), Integer.class);
    }

    /**
     * A boolean, as {@link ParamSpec#bool}.
     *
     * @param name         camelCase name
     * @param defaultValue the value when none is given
     * @param description  what it changes, one sentence
     * @return the handle
     * @since 1.1
     */
    public static Param<Boolean> bool(String name, boolean defaultValue, String description) {
        return new Param<>(ParamSpec.bool(name, defaultValue, description), Boolean.class);
    }

    /**
     * Free text, as {@link ParamSpec#string}.
     *
     * @param name         camelCase name
     * @param defaultValue the value when none is given (may be empty)
     * @param description  what it changes, one sentence
     * @return the handle
     * @since 1.1
     */
    public static Param<String> string(String name, String defaultValue, String description) {
        return new Param<>(ParamSpec.string(name, defaultValue, description), String.class);
    }

    /**
     * One of {@code choices}, as {@link ParamSpec#choice}.
     *
     * @param name         camelCase name
     * @param defaultValue the value when none is given, one of the choices
     * @param choices      the allowed values, in the order a form shows them
     * @param description  what it changes, one sentence
     * @return the handle
     * @throws IllegalArgumentException if the default is not one of the choices
     * @since 1.1
     */
    public static Param<String> choice(String name, String defaultValue, List<String> choices, String description) {
        return new Param<>(ParamSpec.choice(name, defaultValue, choices, description), String.class);
    }

    /**
     * Text that must match a regular expression as a whole ({@link java.util.regex.Matcher#matches()}).
     *
     * @param name         camelCase name
     * @param defaultValue the value when none is given; must match
     * @param regex        the pattern, e.g. {@code "[A-Za-z0-9.-]+"}
     * @param expected     what a valid value looks like, for the error message ("a host name such as
     *                     example.com")
     * @param description  what it changes, one sentence
     * @return the handle
     * @throws IllegalArgumentException if the pattern is invalid or the default does not match it
     * @since 1.1
     */
    public static Param<String> pattern(String name, String defaultValue, String regex, String expected,
                                        String description) {
        Pattern compiled;
        try {
            compiled = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("parameter '" + name + "': invalid pattern: " + e.getDescription(), e);
        }
        return of(name, defaultValue, description, text -> {
            if (!compiled.matcher(text).matches()) {
                throw new IllegalArgumentException("must be " + expected + ", got '" + shortened(text) + "'");
            }
            return text;
        });
    }

    /**
     * A {@code host:port} (or {@code [v6]:port}), such as the address of a student's own server.
     *
     * @param name         camelCase name
     * @param defaultValue the value when none is given, e.g. {@code "127.0.0.1:8080"}
     * @param description  what it changes, one sentence
     * @return the handle
     * @throws IllegalArgumentException if the default is not a {@code host:port}
     * @since 1.1
     */
    public static Param<HostPort> hostPort(String name, String defaultValue, String description) {
        return of(name, defaultValue, description, HostPort::parse);
    }

    /**
     * A list of TCP ports and inclusive ranges, such as {@code 22,80,8000-8010}.
     *
     * @param name         camelCase name
     * @param defaultValue the value when none is given
     * @param maxPorts     how many ports the list may hold in all
     * @param description  what it changes, one sentence
     * @return the handle
     * @throws IllegalArgumentException if the default is not a valid list
     * @since 1.1
     */
    public static Param<PortList> portList(String name, String defaultValue, int maxPorts, String description) {
        return of(name, defaultValue, description, text -> PortList.parse(text, maxPorts));
    }

    /**
     * A string parameter that may be left empty, such as the {@code host:port} of a student's own server that
     * replaces the lab's: blank text (the default) is {@link Optional#empty()}, any other text must pass
     * {@code parser}. For example {@code Param.optional("target", "Your server; empty: the lab's", HostPort::parse)}.
     *
     * @param name        camelCase name
     * @param description what it changes, and what leaving it empty means, one sentence
     * @param parser      turns non-blank text into the value
     * @param <T>         the type of the value
     * @return the handle, whose default is the empty text
     * @since 1.1
     */
    public static <T> Param<Optional<T>> optional(String name, String description, Parser<T> parser) {
        Objects.requireNonNull(parser, "parser");
        return of(name, "", description, text -> {
            if (text.isBlank()) {
                return Optional.empty();
            }
            T value = parser.parse(text);
            if (value == null) {
                throw new IllegalArgumentException("its parser returned no value for '" + shortened(text) + "'");
            }
            return Optional.of(value);
        });
    }

    /**
     * A string parameter read as a value of any type: {@code parser} checks and converts its text once,
     * before the run.
     *
     * @param name         camelCase name
     * @param defaultValue the text when none is given; must parse
     * @param description  what it changes, one sentence
     * @param parser       turns the text into the value
     * @param <T>          the type of the value
     * @return the handle
     * @throws IllegalArgumentException if the default does not parse
     * @since 1.1
     */
    public static <T> Param<T> of(String name, String defaultValue, String description, Parser<T> parser) {
        Objects.requireNonNull(parser, "parser");
        return new Param<>(new ParamSpec(name, ParamType.STRING, defaultValue, description, List.of(), null, null,
                parser), null);
    }

    /**
     * The specs of {@code params}, in order, for {@link LabCase#params()}.
     *
     * @param params the case's typed parameters
     * @return their specs
     * @since 1.1
     */
    public static List<ParamSpec> specs(Param<?>... params) {
        return java.util.Arrays.stream(params).map(Param::spec).toList();
    }

    /**
     * @return the spec the page, the API and the command line see
     * @since 1.1
     */
    public ParamSpec spec() {
        return spec;
    }

    /**
     * @return the parameter's name
     * @since 1.1
     */
    public String name() {
        return spec.name();
    }

    /** Reads this parameter's value from a run's values, which {@link Params#resolve} has checked. */
    @SuppressWarnings("unchecked")
    T read(Object plain, Object parsed) {
        return (T) (plainType == null ? parsed : plainType.cast(plain));
    }

    static Object parseWith(String name, Parser<?> parser, String text) {
        Object value;
        try {
            value = parser.parse(text);
        } catch (InvalidParamException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidParamException(name, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        if (value == null) {
            throw new InvalidParamException(name, "its parser returned no value for '" + shortened(text) + "'");
        }
        return value;
    }

    private static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    @Override
    public String toString() {
        return "Param " + spec.name();
    }
}
