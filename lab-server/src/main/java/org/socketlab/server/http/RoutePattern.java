package org.socketlab.server.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A path pattern such as "/api/cases/{id}/runs": each segment matches literally or captures the
 * decoded request segment under a name.
 */
final class RoutePattern {

    private final String text;
    private final String[] literals;
    private final String[] captures;

    private RoutePattern(String text, String[] literals, String[] captures) {
        this.text = text;
        this.literals = literals;
        this.captures = captures;
    }

    /**
     * @throws IllegalArgumentException if the pattern does not start with "/", has an empty
     *                                  segment, or repeats a capture name
     */
    static RoutePattern parse(String pattern) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a route pattern must start with /: " + pattern);
        }
        String[] segments = pattern.equals("/") ? new String[] {""} : pattern.substring(1).split("/", -1);
        String[] literals = new String[segments.length];
        String[] captures = new String[segments.length];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}")) {
                captures[i] = segment.substring(1, segment.length() - 1);
                if (names.contains(captures[i])) {
                    throw new IllegalArgumentException("a route pattern repeats {" + captures[i] + "}: " + pattern);
                }
                names.add(captures[i]);
            } else if (segment.isEmpty() && segments.length > 1) {
                throw new IllegalArgumentException("a route pattern has an empty segment: " + pattern);
            } else if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
                throw new IllegalArgumentException("a route pattern segment is either {name} or literal: " + pattern);
            } else {
                literals[i] = segment;
            }
        }
        return new RoutePattern(pattern, literals, captures);
    }

    /**
     * Whether the decoded segments of a request path match.
     */
    boolean matches(PathSegments segments) {
        if (segments.count() != literals.length) {
            return false;
        }
        for (int i = 0; i < literals.length; i++) {
            if (literals[i] != null ? !segments.is(i, literals[i]) : segments.isEmpty(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The values captured from segments this pattern matches: an immutable map, {@code Map.of()} for
     * a pattern without captures.
     */
    Map<String, String> captures(PathSegments segments) {
        String name = null;
        String value = null;
        Map<String, String> params = null;
        for (int i = 0; i < captures.length; i++) {
            if (captures[i] == null) {
                continue;
            }
            if (name == null) {
                name = captures[i];
                value = segments.get(i);
            } else {
                if (params == null) {
                    params = new HashMap<>(4);
                    params.put(name, value);
                }
                params.put(captures[i], segments.get(i));
            }
        }
        // One capture, the common case, needs no hash map (and Map.copyOf keeps Map.of as it is).
        return params != null ? Map.copyOf(params) : name == null ? Map.of() : Map.of(name, value);
    }

    /**
     * Orders patterns so that, at the first segment where they differ in kind, a literal comes
     * before a capture: "/cases/new" is tried before "/cases/{id}".
     */
    int compareSpecificity(RoutePattern other) {
        int shared = Math.min(literals.length, other.literals.length);
        for (int i = 0; i < shared; i++) {
            boolean literal = literals[i] != null;
            boolean otherLiteral = other.literals[i] != null;
            if (literal != otherLiteral) {
                return literal ? -1 : 1;
            }
        }
        return 0;
    }

    /** Whether both patterns match exactly the same paths. */
    boolean sameShape(RoutePattern other) {
        if (literals.length != other.literals.length) {
            return false;
        }
        for (int i = 0; i < literals.length; i++) {
            if ((captures[i] != null) != (other.captures[i] != null)
                    || literals[i] != null && !literals[i].equals(other.literals[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
