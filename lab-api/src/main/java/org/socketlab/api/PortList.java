package org.socketlab.api;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A list of TCP ports such as {@code 22,80,8000-8010}, as a port scanner takes it; the value of a
 * {@link Param#portList} parameter.
 *
 * @param ports the ports in the order given, each once
 * @since 1.1
 */
public record PortList(List<Integer> ports) {
    private static final String EXAMPLE = "write ports like 22,80,8000-8010";

    /**
     * Checks the components.
     *
     * @param ports the ports in the order given, each once
     * @throws NullPointerException if {@code ports} is null
     */
    public PortList {
        // A parsed list is immutable already (and a whole range's copy would be three more passes over 65,535
        // ports in the interpreter of a cold command line); anything else is copied.
        ports = ports instanceof ParsedPorts parsed ? parsed : List.copyOf(Objects.requireNonNull(ports, "ports"));
    }

    /**
     * Parses comma-separated ports and inclusive ranges ({@code a-b}); spaces around items are allowed. A
     * port listed twice is kept once, where it first appears; a blank text is the empty list.
     *
     * @param text     the list
     * @param maxPorts how many ports the list may hold in all
     * @return the list
     * @throws IllegalArgumentException saying which item is malformed or out of range, or that the list is
     *                                  too long
     * @since 1.1
     */
    public static PortList parse(String text, int maxPorts) {
        if (text.isBlank()) {
            return new PortList(List.of());
        }
        // An int array and a table of the ports seen, not a LinkedHashSet of boxed ports: a whole-range scan's
        // 65,535 ports are parsed in the interpreter on a cold JVM (the command line's set-up), where each call counts.
        int[] ports = new int[Math.max(0, Math.min(maxPorts, 65_535))];
        boolean[] seen = new boolean[65_536];
        int count = 0;
        for (String raw : text.split(",", -1)) {
            String item = raw.trim();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("has an empty item: " + EXAMPLE);
            }
            int dash = item.indexOf('-');
            int first = port(dash < 0 ? item : item.substring(0, dash));
            int last = dash < 0 ? first : port(item.substring(dash + 1));
            if (first > last) {
                throw new IllegalArgumentException("range '" + item + "' runs backwards: write " + last + "-" + first);
            }
            // Count before adding so that a huge range such as 1-65535 is refused without building it.
            if ((long) last - first + 1 > maxPorts) {
                throw tooMany(maxPorts);
            }
            for (int port = first; port <= last; port++) {
                if (!seen[port]) {
                    if (count == maxPorts) {
                        throw tooMany(maxPorts);
                    }
                    seen[port] = true;
                    ports[count++] = port;
                }
            }
        }
        return new PortList(new ParsedPorts(ports, count));
    }

    /** The ports {@link #parse} found, as ints, boxed where read; unmodifiable, since nothing else holds the array. */
    private static final class ParsedPorts extends AbstractList<Integer> implements RandomAccess {
        private final int[] ports;
        private final int size;

        ParsedPorts(int[] ports, int size) {
            this.ports = ports;
            this.size = size;
        }

        @Override
        public Integer get(int index) {
            Objects.checkIndex(index, size);
            return ports[index];
        }

        @Override
        public int size() {
            return size;
        }
    }

    private static int port(String digits) {
        String text = digits.trim();
        if (text.isEmpty() || text.length() > 5 || !digitsOnly(text)) {
            String shown = text.length() > 20 ? text.substring(0, 17) + "..." : text;
            throw new IllegalArgumentException("'" + shown + "' is not a port number: " + EXAMPLE);
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
        return port;
    }

    private static boolean digitsOnly(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException tooMany(int maxPorts) {
        return new IllegalArgumentException("lists more than " + maxPorts + " ports: scan fewer at a time");
    }

    /** @return the ports joined with commas */
    @Override
    public String toString() {
        return String.join(",", ports.stream().map(String::valueOf).toList());
    }
}
