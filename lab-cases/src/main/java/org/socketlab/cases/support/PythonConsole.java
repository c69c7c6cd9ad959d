package org.socketlab.cases.support;

import org.socketlab.api.Actor;

/** Prints console lines the way the handouts' Python programs show them. */
public final class PythonConsole {
    private PythonConsole() {
    }

    /**
     * Prints {@code text} as Python's {@code print(text)} shows it: one output line for each line of the
     * text, so {@code "\nConnection #1"} gives an empty line and then {@code Connection #1}, and a request
     * ending in {@code \r\n\r\n} gives its lines and two empty ones.
     *
     * @param actor who prints
     * @param text  the printed value, with {@code \n} or {@code \r\n} line breaks
     */
    public static void print(Actor actor, String text) {
        for (String line : text.split("\r?\n", -1)) {
            actor.print(line);
        }
    }

    /**
     * An address as Python prints the {@code (host, port)} tuple of {@code accept()} or {@code recvfrom()}.
     *
     * @param endpoint an address as transcripts show it: {@code 127.0.0.1:54321} or {@code [::1]:54321}
     * @return {@code ('127.0.0.1', 54321)}; {@code endpoint} itself when it has no port
     */
    public static String address(String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        if (colon <= 0) {
            return endpoint;
        }
        String host = endpoint.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return "('" + host + "', " + endpoint.substring(colon + 1) + ")";
    }
}
