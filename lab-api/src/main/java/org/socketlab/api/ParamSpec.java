package org.socketlab.api;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One parameter of a case: its name, type, default and how to check a value. Create them with the
 * static factories ({@link #integer}, {@link #bool}, {@link #string}, {@link #choice}), or, to read values
 * with their own type, with those of {@link Param} (since 1.1).
 *
 * @param name         camelCase name, unique within the case ({@code bufferSize})
 * @param type         the kind of value
 * @param defaultValue the value a run uses when none is given: {@link Integer}, {@link Boolean} or {@link String}
 * @param description  what the parameter changes, one sentence for the form
 * @param choices      the allowed values of a {@link ParamType#CHOICE}; empty for other types
 * @param min          the smallest allowed {@link ParamType#INT}, or {@code null}
 * @param max          the largest allowed {@link ParamType#INT}, or {@code null}
 * @param format       for a {@link ParamType#STRING} declared with a {@link Param} factory, the parser its text
 *                     must pass (a {@code host:port}, a port list, a pattern); {@code null} otherwise
 *                     (since 1.1)
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, String description, List<String> choices,
                        Integer min, Integer max, Param.Parser<?> format) {

    /** Longer strings are refused: parameters end up in transcripts, logs and command lines. */
    public static final int MAX_STRING_LENGTH = 4096;
    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

    /**
     * A spec without a {@code format}: the constructor of lab-api 1.0.
     *
     * @param name         camelCase name, unique within the case
     * @param type         the kind of value
     * @param defaultValue the value a run uses when none is given
     * @param description  what the parameter changes
     * @param choices      the allowed values of a choice
     * @param min          the smallest allowed int, or {@code null}
     * @param max          the largest allowed int, or {@code null}
     * @throws IllegalArgumentException naming the parameter, if the spec breaks its own rules
     */
    public ParamSpec(String name, ParamType type, Object defaultValue, String description, List<String> choices,
                     Integer min, Integer max) {
        this(name, type, defaultValue, description, choices, min, max, null);
    }

    /**
     * Validates the spec itself (a default that breaks its own rules is a bug in the case).
     *
     * @param name camelCase name, unique within the case ({@code bufferSize})
     * @param type the kind of value
     * @param defaultValue the value a run uses when none is given: {@link Integer}, {@link Boolean} or {@link
     *        String}
     * @param description what the parameter changes, one sentence for the form
     * @param choices the allowed values of a {@link ParamType#CHOICE}; empty for other types
     * @param min the smallest allowed {@link ParamType#INT}, or {@code null}
     * @param max the largest allowed {@link ParamType#INT}, or {@code null}
     * @param format for a {@link ParamType#STRING} declared with a {@link Param} factory, the parser its text must
     *        pass (a {@code host:port}, a port list, a pattern); {@code null} otherwise (since 1.1)
     * @throws IllegalArgumentException naming the parameter
     */
    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be camelCase (letters and digits)");
        }
        description = description == null ? "" : description;
        choices = List.copyOf(choices == null ? List.of() : choices);
        if (type == ParamType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + name + "' needs at least one choice");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("parameter '" + name + "': min " + min + " is above max " + max);
        }
        try {
            if (format != null && type != ParamType.STRING) {
                throw new IllegalArgumentException("parameter '" + name + "': only a string parameter has a format");
            }
            defaultValue = new ParamParser(name, type, choices, min, max).parse(defaultValue);
            if (format != null) {
                Param.parseWith(name, format, (String) defaultValue);
            }
        } catch (InvalidParamException e) {
            throw new IllegalArgumentException("default of " + e.getMessage(), e);
        }
    }

    /**
     * An integer parameter within {@code [min, max]}.
     *
     * @param name         camelCase name
     * @param defaultValue the value when none is given
     * @param min          the smallest allowed value
     * @param max          the largest allowed value
     * @param description  what it changes, one sentence
     * @return the spec
     * @throws IllegalArgumentException if the default is outside the range
     */
    public static ParamSpec integer(String name, int defaultValue, int min, int max, String description) {
        return new ParamSpec(name, ParamType.INT, defaultValue, description, List.of(), min, max);
    }

    /**
     * A boolean parameter, shown as a switch.
     *
     * @param name         camelCase name
     * @param defaultValue the value when none is given
     * @param description  what it changes, one sentence
     * @return the spec
     */
    public static ParamSpec bool(String name, boolean defaultValue, String description) {
        return new ParamSpec(name, ParamType.BOOLEAN, defaultValue, description, List.of(), null, null);
    }

    /**
     * A free-text parameter of at most {@link #MAX_STRING_LENGTH} characters.
     *
     * @param name         camelCase name
     * @param defaultValue the value when none is given (may be empty)
     * @param description  what it changes, one sentence
     * @return the spec
     */
    public static ParamSpec string(String name, String defaultValue, String description) {
        return new ParamSpec(name, ParamType.STRING, defaultValue, description, List.of(), null, null);
    }

    /**
     * A parameter that takes one of {@code choices}.
     *
     * @param name         camelCase name
     * @param defaultValue the value when none is given, one of the choices
     * @param choices      the allowed values, in the order a form shows them
     * @param description  what it changes, one sentence
     * @return the spec
     * @throws IllegalArgumentException if the default is not one of the choices
     */
    public static ParamSpec choice(String name, String defaultValue, List<String> choices, String description) {
        return new ParamSpec(name, ParamType.CHOICE, defaultValue, description, choices, null, null);
    }

    /**
     * Turns a value given by a caller into the value a run sees. Accepts what JSON and the command line
     * produce: for an int, any {@link Number} without a fraction or a decimal string; for a boolean,
     * {@link Boolean} or the strings {@code true}/{@code false} (any case); for a string or choice, a
     * {@link String}.
     *
     * @param raw the value as given; {@code null} is refused
     * @return an {@link Integer}, {@link Boolean} or {@link String}
     * @throws InvalidParamException naming this parameter and what it expects
     */
    public Object parse(Object raw) throws InvalidParamException {
        Object value = new ParamParser(name, type, choices, min, max).parse(raw);
        if (format != null) {
            Param.parseWith(name, format, (String) value);
        }
        return value;
    }
}
