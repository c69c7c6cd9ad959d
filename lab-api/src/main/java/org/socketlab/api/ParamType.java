package org.socketlab.api;

/** The kinds of value a parameter takes; {@link #jsonName()} is how the JSON API names them. */
public enum ParamType {
    /** Free text, at most {@link ParamSpec#MAX_STRING_LENGTH} characters. */
    STRING("string"),
    /** A whole number, optionally within a minimum and maximum. */
    INT("int"),
    /** {@code true} or {@code false}. */
    BOOLEAN("boolean"),
    /** One of a fixed list of strings. */
    CHOICE("choice");

    private final String jsonName;

    ParamType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** @return the lowercase name used in the JSON API: {@code string}, {@code int}, {@code boolean}, {@code choice} */
    public String jsonName() {
        return jsonName;
    }
}
