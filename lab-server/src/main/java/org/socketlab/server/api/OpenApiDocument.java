package org.socketlab.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.socketlab.server.http.HttpResponse;
import org.socketlab.server.http.Router;
import org.socketlab.server.http.Status;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3.1 document of the JSON API. It is written by hand next to this
 * class (the API is small and its prose matters), and {@code OpenApiDocumentTest} holds it to the server's real
 * answers, endpoint by endpoint.
 */
public final class OpenApiDocument {
    /** The document on the class path, beside this class. */
    static final String RESOURCE = "openapi.json";
    private static final byte[] BODY = load();

    private OpenApiDocument() {
    }

    /**
     * @param router the server's router
     * @return the router, with {@code GET /api/openapi.json}
     */
    public static Router addTo(Router router) {
        return router.getNonBlocking("/api/openapi.json", request -> HttpResponse.of(Status.OK, CasesApi.JSON_TYPE, BODY));
    }

    /** @return the document's bytes */
    static byte[] bytes() {
        return BODY.clone();
    }

    private static byte[] load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path: the build is broken");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
