package org.socketlab.server;

import org.socketlab.server.http.Handler;
import org.socketlab.server.http.HttpRequest;
import org.socketlab.server.http.HttpResponse;
import org.socketlab.server.http.StaticFiles;

/**
 * The web page's files, served with a Content-Security-Policy that allows nothing but the page's own
 * files: even if a plugin's description slipped markup past the page's escaping, no script from it, and
 * nothing from another origin, would run.
 */
final class PageFiles implements Handler {
    static final String POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final StaticFiles files;

    PageFiles(StaticFiles files) {
        this.files = files;
    }

    @Override
    public HttpResponse handle(HttpRequest request) throws Exception {
        HttpResponse response = files.handle(request);
        return response.withHeader("Content-Security-Policy", POLICY).withHeader("Referrer-Policy", "no-referrer");
    }

    @Override
    public boolean acceptsBody(HttpRequest head) {
        return files.acceptsBody(head);
    }
}
