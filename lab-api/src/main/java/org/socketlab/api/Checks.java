package org.socketlab.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.socketlab.api.transcript.Check;

/** Builds the richer checks of {@link RunContext}: what differs is spelt out in {@code actual}. */
final class Checks {
    /** A group check names at most this many of its failing members; the rest are counted. */
    private static final int NAMED_FAILURES = 5;

    private Checks() {
    }

    static Check list(String name, List<?> expected, List<?> actual) {
        boolean passed = expected.equals(actual);
        String shownActual = String.valueOf(actual);
        if (!passed) {
            String diff = diff(expected, actual);
            shownActual += diff.isEmpty() ? " (the same items in another order)" : " (" + diff + ")";
        }
        return new Check(name, passed, String.valueOf(expected), shownActual);
    }

    static Check set(String name, Collection<?> expected, Collection<?> actual) {
        String diff = diff(expected, actual);
        boolean passed = diff.isEmpty();
        return new Check(name, passed, String.valueOf(expected), passed ? String.valueOf(actual)
                : actual + " (" + diff + ")");
    }

    /** {@code missing: a, b; extra: c}, or empty when both hold the same items, counted with repeats. */
    private static String diff(Collection<?> expected, Collection<?> actual) {
        List<Object> missing = new ArrayList<>(expected);
        List<Object> extra = new ArrayList<>();
        for (Object item : actual) {
            if (!missing.remove(item)) {
                extra.add(item);
            }
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("missing: " + join(missing));
        }
        if (!extra.isEmpty()) {
            parts.add("extra: " + join(extra));
        }
        return String.join("; ", parts);
    }

    private static String join(List<Object> items) {
        return String.join(", ", items.stream().map(String::valueOf).toList());
    }

    static <T> Check all(String name, Collection<T> items, Predicate<? super T> test,
                         Function<? super T, String> describe) {
        List<String> failing = new ArrayList<>();
        for (T item : items) {
            if (!test.test(item)) {
                failing.add(describe.apply(item));
            }
        }
        String expected = "all " + items.size();
        if (failing.isEmpty()) {
            return new Check(name, true, expected, "all " + items.size());
        }
        List<String> named = failing.subList(0, Math.min(NAMED_FAILURES, failing.size()));
        String more = failing.size() > named.size() ? " and " + (failing.size() - named.size()) + " more" : "";
        return new Check(name, false, expected, (items.size() - failing.size()) + " of " + items.size()
                + "; not: " + String.join(", ", named) + more);
    }

    static Check bytes(String name, byte[] expected, byte[] actual) {
        boolean passed = Arrays.equals(expected, actual);
        if (expected == null || actual == null) {
            return new Check(name, passed, expected == null ? null : shown(expected, actual),
                    actual == null ? null : shown(actual, expected));
        }
        String where = "";
        if (!passed) {
            int at = Arrays.mismatch(expected, actual);
            where = " (differs from byte " + at + ")";
        }
        return new Check(name, passed, shown(expected, actual), shown(actual, expected) + where);
    }

    // Both sides the same way: as text only when both are text, so that the two can be compared by eye.
    private static String shown(byte[] bytes, byte[] other) {
        boolean bothText = Bytes.text(bytes) != null && (other == null || Bytes.text(other) != null);
        return (bothText ? Bytes.quoted(bytes) : Bytes.hex(bytes)) + " (" + bytes.length + " bytes)";
    }
}
