package org.socketlab.server.api;

import org.socketlab.server.http.ErrorRenderer;
import org.socketlab.server.http.HttpResponse;
import org.socketlab.server.http.Status;

/**
 * Renders every error of the server: {@code {"error": "..."}} under {@code /api/} (and when the request
 * was too broken to have a path), plain text elsewhere, so a browser shows a readable page.
 */
public final class ApiErrors implements ErrorRenderer {
    /**
     * A 400 for a parameter value a case refused: {@code {"error": message, "parameter": name}}, so that a client
     * (the page) finds the field from {@code parameter} instead of reading the sentence.
     *
     * @param message   the whole message, e.g. "parameter 'bufferSize': must be an integer from 1 to 65536, got 0"
     * @param parameter the parameter's name
     * @return the response
     */
    public static HttpResponse invalidParameter(String message, String parameter) {
        return HttpResponse.of(Status.BAD_REQUEST, CasesApi.JSON_TYPE,
                Json.bytes(Json.error(Printable.whole(message), Printable.whole(parameter))));
    }

    @Override
    public HttpResponse render(Status status, String message, String pathOrNull) {
        String text = message == null || message.isBlank() ? status.reason() : message;
        if (pathOrNull == null || pathOrNull.startsWith("/api/") || pathOrNull.equals("/api")) {
            return HttpResponse.of(status, CasesApi.JSON_TYPE, Json.bytes(Json.error(text)));
        }
        return HttpResponse.text(status, status.code() + " " + status.reason() + ": " + text + "\n");
    }
}
