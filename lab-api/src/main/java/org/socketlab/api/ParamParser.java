package org.socketlab.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Checks one raw value against the rules of one parameter; shared by {@link ParamSpec} and its default. */
record ParamParser(String name, ParamType type, List<String> choices, Integer min, Integer max) {

    /** The longest text of a number accepted: far more than any int needs, far less than costs time to read. */
    static final int MAX_NUMBER_LENGTH = 64;

    Object parse(Object raw) {
        if (raw == null) {
            throw new InvalidParamException(name, "needs a value (leave it out to use the default)");
        }
        // Bounded before any conversion: converting a million-digit number costs seconds of CPU.
        if (raw instanceof CharSequence text && text.length() > ParamSpec.MAX_STRING_LENGTH) {
            throw new InvalidParamException(name, "must be at most " + ParamSpec.MAX_STRING_LENGTH + " characters");
        }
        return switch (type) {
            case INT -> parseInt(raw);
            case BOOLEAN -> parseBoolean(raw);
            case STRING -> parseString(raw);
            case CHOICE -> parseChoice(raw);
        };
    }

    private Integer parseInt(Object raw) {
        int value;
        try {
            String text;
            if (raw instanceof Number n) {
                text = n.toString();
            } else if (raw instanceof String s) {
                text = s.trim();
            } else {
                throw new NumberFormatException();
            }
            if (text.length() > MAX_NUMBER_LENGTH) {
                throw new NumberFormatException();
            }
            BigDecimal number = new BigDecimal(text);
            // intValueExact() of 1e100000 fails at once, on precision and scale alone: nothing is expanded.
            value = number.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidParamException(name, rangeText() + ", got " + shown(raw));
        }
        if ((min != null && value < min) || (max != null && value > max)) {
            throw new InvalidParamException(name, rangeText() + ", got " + value);
        }
        return value;
    }

    private String rangeText() {
        if (min != null && max != null) {
            return "must be an integer from " + min + " to " + max;
        }
        if (min != null) {
            return "must be an integer of at least " + min;
        }
        if (max != null) {
            return "must be an integer of at most " + max;
        }
        return "must be an integer";
    }

    private Boolean parseBoolean(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s) {
            String lower = s.trim().toLowerCase(Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
                return Boolean.valueOf(lower);
            }
        }
        throw new InvalidParamException(name, "must be true or false, got " + shown(raw));
    }

    private String parseString(Object raw) {
        if (!(raw instanceof String s)) {
            throw new InvalidParamException(name, "must be a string, got " + shown(raw));
        }
        if (s.length() > ParamSpec.MAX_STRING_LENGTH) {
            throw new InvalidParamException(name, "must be at most " + ParamSpec.MAX_STRING_LENGTH + " characters");
        }
        return s;
    }

    private String parseChoice(Object raw) {
        if (raw instanceof String s && choices.contains(s)) {
            return s;
        }
        throw new InvalidParamException(name, "must be one of " + String.join(", ", choices) + ", got " + shown(raw));
    }

    // Values are shown back to the person who typed them, shortened so that a huge value stays readable.
    private static String shown(Object raw) {
        String text = raw instanceof String s ? "'" + s + "'" : String.valueOf(raw);
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }
}
