package org.socketlab.server.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * An immutable list of header fields: names compare case-insensitively (RFC 9110 §5.1), repeated
 * fields and their order are kept (RFC 9110 §5.3).
 */
public final class Headers {

    private static final String[] NONE = new String[0];
    private static final Headers EMPTY = new Headers(NONE, NONE, 0);

    // Two parallel arrays instead of a map: requests carry about ten fields, for which a linear,
    // allocation-free scan is as fast as hashing and keeps repeats and order for free.
    private final String[] names;
    private final String[] values;
    private final int size;

    /** Takes ownership of the arrays; callers have validated the contents. */
    Headers(String[] names, String[] values, int size) {
        this.names = names;
        this.values = values;
        this.size = size;
    }

    /** No fields. */
    public static Headers empty() {
        return EMPTY;
    }

    /**
     * Fields from alternating names and values, e.g. {@code of("Accept", "text/html")}.
     *
     * @throws IllegalArgumentException if a name is not a token or a value holds CR, LF or NUL
     */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected name/value pairs, got an odd count");
        }
        int count = namesAndValues.length / 2;
        String[] names = new String[count];
        String[] values = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = checkName(namesAndValues[2 * i]);
            values[i] = checkValue(namesAndValues[2 * i + 1]);
        }
        return new Headers(names, values, count);
    }

    /** A copy with one more field at the end. */
    public Headers with(String name, String value) {
        String[] newNames = Arrays.copyOf(names, size + 1);
        String[] newValues = Arrays.copyOf(values, size + 1);
        newNames[size] = checkName(name);
        newValues[size] = checkValue(value);
        return new Headers(newNames, newValues, size + 1);
    }

    /** A copy without any field of this name. */
    public Headers without(String name) {
        String[] newNames = new String[size];
        String[] newValues = new String[size];
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!names[i].equalsIgnoreCase(name)) {
                newNames[kept] = names[i];
                newValues[kept++] = values[i];
            }
        }
        return kept == size ? this : new Headers(newNames, newValues, kept);
    }

    /** The value of the first field with this name. */
    public Optional<String> first(String name) {
        return Optional.ofNullable(get(name));
    }

    /** The values of every field with this name, in order; empty if none. */
    public List<String> all(String name) {
        List<String> found = null;
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                found.add(values[i]);
            }
        }
        return found == null ? List.of() : List.copyOf(found);
    }

    /** Whether a field with this name is present. */
    public boolean contains(String name) {
        return get(name) != null;
    }

    /**
     * Whether any field with this name lists this token in its comma-separated value, ignoring
     * case, as for {@code Connection: keep-alive, Upgrade} (RFC 9110 §5.6.1, §7.6.1).
     */
    public boolean containsToken(String name, String token) {
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name) && listContains(values[i], token)) {
                return true;
            }
        }
        return false;
    }

    /** The number of fields, repeats included. */
    public int size() {
        return size;
    }

    /** The name of the field at this position, as received or given. */
    public String name(int index) {
        return names[Objects.checkIndex(index, size)];
    }

    /** The value of the field at this position. */
    public String value(int index) {
        return values[Objects.checkIndex(index, size)];
    }

    /** Passes every field to the action, in order. */
    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < size; i++) {
            action.accept(names[i], values[i]);
        }
    }

    /** The value of the first field with this name, or null. */
    String get(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return values[i];
            }
        }
        return null;
    }

    /** How many fields have this name. */
    int count(String name) {
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                count++;
            }
        }
        return count;
    }

    private static boolean listContains(String list, String token) {
        int start = 0;
        int length = list.length();
        while (start <= length) {
            int end = list.indexOf(',', start);
            if (end < 0) {
                end = length;
            }
            int from = start;
            int to = end;
            while (from < to && Grammar.isWhitespace(list.charAt(from))) {
                from++;
            }
            while (to > from && Grammar.isWhitespace(list.charAt(to - 1))) {
                to--;
            }
            if (to - from == token.length() && list.regionMatches(true, from, token, 0, token.length())) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static String checkName(String name) {
        if (name == null || !Grammar.isToken(name)) {
            throw new IllegalArgumentException("header name is not a token: " + quoted(name));
        }
        return name;
    }

    private static String checkValue(String value) {
        if (value == null || !Grammar.isFieldValue(value)) {
            // RFC 9110 §5.5: CR, LF and NUL in a value would split or truncate the message.
            throw new IllegalArgumentException("header value holds a control character or is null");
        }
        return value;
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s.replaceAll("[^\\x20-\\x7E]", "?") + "\"";
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Headers that) || that.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!names[i].equalsIgnoreCase(that.names[i]) || !values[i].equals(that.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = 0; i < size; i++) {
            hash = 31 * hash + names[i].toLowerCase(Locale.ROOT).hashCode();
            hash = 31 * hash + values[i].hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Headers[");
        for (int i = 0; i < size; i++) {
            text.append(i == 0 ? "" : ", ").append(names[i]).append(": ").append(values[i]);
        }
        return text.append(']').toString();
    }
}
