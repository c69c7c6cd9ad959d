package org.socketlab.cases.http;

import org.socketlab.api.InvalidParamException;
import org.socketlab.api.Params;

/** What the HTTP client cases of this package share: checking host and path, printing as Python does. */
final class HttpTargets {
    private HttpTargets() {
    }

    /**
     * Rejects a host or path that would not make a one-line request line ({@code GET path HTTP/1.1}).
     *
     * @param params values with a {@code host} and a {@code path}
     * @throws InvalidParamException naming the parameter
     */
    static void validateHostAndPath(Params params) {
        validateHost(params);
        String path = params.getString("path");
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new InvalidParamException("path", "must start with '/' and contain no spaces or control characters");
        }
    }

    /**
     * Rejects a {@code host} that is not a bare host name or address (a URL, spaces).
     *
     * @param params values with a {@code host}
     * @throws InvalidParamException naming {@code host}
     */
    static void validateHost(Params params) {
        String host = params.getString("host").trim();
        if (host.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@')) {
            throw new InvalidParamException("host", "must be a host name or IP address, without spaces, '/' or '@'");
        }
    }
}
