package org.socketlab.server;

import org.socketlab.server.http.NonBlockingHandler;
import org.socketlab.server.http.HttpRequest;
import org.socketlab.server.http.HttpResponse;
import org.socketlab.server.http.StaticFiles;

/**
 * The web page's files, served with a Content-Security-Policy that allows nothing but the page's own
 * files: even if a plugin's description slipped markup past the page's escaping, no script from it, and
 * nothing from another origin, would run.
 */
final class PageFiles implements NonBlockingHandler {
    static final String POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final StaticFiles files;

    PageFiles(StaticFiles files) {
        // Baked into the files' cached answers rather than added to each response.
        this.files = files.withHeaders("Content-Security-Policy", POLICY, "Referrer-Policy", "no-referrer");
    }

    @Override
    public HttpResponse handle(HttpRequest request) throws Exception {
        return files.handle(request);
    }

    @Override
    public boolean acceptsBody(HttpRequest head) {
        return files.acceptsBody(head);
    }
}
