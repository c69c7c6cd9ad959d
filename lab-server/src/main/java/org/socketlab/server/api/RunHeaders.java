package org.socketlab.server.api;

import java.util.List;

import org.socketlab.server.http.HttpException;
import org.socketlab.server.http.Status;

/** Reads the request fields of the runs API: {@code Prefer} (RFC 7240) and {@code Last-Event-ID} (SSE). */
final class RunHeaders {
    private RunHeaders() {
    }

    /**
     * RFC 7240 §2: {@code Prefer} holds comma-separated preferences, each a token, maybe {@code =value},
     * maybe {@code ;parameters}; names are case-insensitive and unknown ones are ignored.
     *
     * @param prefer every {@code Prefer} field of the request
     * @return whether one asks for {@code respond-async}
     */
    static boolean respondAsync(List<String> prefer) {
        for (String field : prefer) {
            for (String preference : field.split(",")) {
                String name = preference.split("[=;]", 2)[0].trim();
                if (name.equalsIgnoreCase("respond-async")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * @param lastEventId the {@code Last-Event-ID} field, or {@code null}
     * @return the index of the first event to send: 0 without the field, else one past the id it names
     * @throws HttpException 400 if the field is not an event id of this server
     */
    static int firstEventIndex(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        String text = lastEventId.trim();
        try {
            int id = Integer.parseInt(text);
            if (id >= 0 && id < Integer.MAX_VALUE) {
                return id + 1;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new HttpException(Status.BAD_REQUEST, "Last-Event-ID must be the id of an event of this run (0, 1, ...), got '"
                + Printable.of(text) + "'");
    }
}
