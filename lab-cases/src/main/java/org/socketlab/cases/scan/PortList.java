package org.socketlab.cases.scan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.socketlab.api.InvalidParamException;

/** Parses a list of TCP ports such as {@code 22,80,8000-8010}, as a port scanner takes it. */
public final class PortList {
    /** The lowest TCP port a client can connect to (port 0 means "any" and is never a target). */
    public static final int MIN_PORT = 1;
    /** The highest TCP port: the field is 16 bits wide (RFC 9293 §3.1). */
    public static final int MAX_PORT = 65_535;

    private PortList() {
    }

    /**
     * Parses comma-separated ports and inclusive ranges ({@code a-b}); spaces around items are allowed.
     * A port listed twice is scanned once, where it first appears.
     *
     * @param parameter the parameter's name, for error messages
     * @param text the list, e.g. {@code "22, 80, 8000-8010"}
     * @param maxPorts how many ports the list may hold in all
     * @return the ports in the order given, without repeats; empty when {@code text} is blank
     * @throws InvalidParamException naming {@code parameter} when an item is malformed, out of range, or
     *                               the list is too long
     */
    public static List<Integer> parse(String parameter, String text, int maxPorts) {
        Set<Integer> ports = new LinkedHashSet<>();
        if (text.isBlank()) {
            return List.of();
        }
        for (String raw : text.split(",", -1)) {
            String item = raw.trim();
            if (item.isEmpty()) {
                throw new InvalidParamException(parameter, "has an empty item: write ports like 22,80,8000-8010");
            }
            int dash = item.indexOf('-');
            int first = port(parameter, dash < 0 ? item : item.substring(0, dash));
            int last = dash < 0 ? first : port(parameter, item.substring(dash + 1));
            if (first > last) {
                throw new InvalidParamException(parameter, "range '" + item + "' runs backwards: write " + last + "-"
                        + first);
            }
            // Count before adding so that a huge range such as 1-65535 is refused without building it.
            if ((long) last - first + 1 > maxPorts) {
                throw tooMany(parameter, maxPorts);
            }
            for (int port = first; port <= last; port++) {
                ports.add(port);
                if (ports.size() > maxPorts) {
                    throw tooMany(parameter, maxPorts);
                }
            }
        }
        return List.copyOf(ports);
    }

    private static int port(String parameter, String digits) {
        String text = digits.trim();
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidParamException(parameter, "'" + shorten(text) + "' is not a port number: write ports like "
                    + "22,80,8000-8010");
        }
        int port = Integer.parseInt(text);
        if (port < MIN_PORT || port > MAX_PORT) {
            throw new InvalidParamException(parameter, "port " + port + " is outside " + MIN_PORT + ".." + MAX_PORT);
        }
        return port;
    }

    private static InvalidParamException tooMany(String parameter, int maxPorts) {
        return new InvalidParamException(parameter, "lists more than " + maxPorts + " ports: scan fewer at a time");
    }

    // The text goes back to the person who typed it; keep a long mistake readable.
    private static String shorten(String text) {
        return text.length() > 20 ? text.substring(0, 17) + "..." : text;
    }
}
