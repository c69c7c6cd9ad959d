package org.socketlab.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;

/**
 * Serves the files under a classpath folder (the web page, packed in the jar) to GET and HEAD,
 * with a strong ETag for revalidation. A request path is resolved one segment at a time, so no
 * request can read anything outside that folder. Answered on the connection loop: a file is read from
 * the jar once, on its first request, and served from memory after.
 */
public final class StaticFiles implements NonBlockingHandler {

    /** The file served for "/". */
    public static final String INDEX_FILE = "index.html";
    private static final String ALLOW = "GET, HEAD, OPTIONS";

    /**
     * A file with its two answers built once: profiling showed that building them per request (five
     * header copies, each validated again, the Content-Security-Policy included) cost more than the rest
     * of the handler.
     */
    private record Asset(String etag, HttpResponse ok, HttpResponse notModified) {
    }

    private final ClassLoader loader;
    private final String root;
    private final Headers extraHeaders;
    // Files found, read and hashed once; misses are not kept, so random paths cannot fill it.
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    private StaticFiles(ClassLoader loader, String root, Headers extraHeaders) {
        this.loader = loader;
        this.root = root;
        this.extraHeaders = extraHeaders;
    }

    /**
     * Serves resources under the folder root, e.g. "socketlab-web" for
     * {@code socketlab-web/index.html} in the jar.
     *
     * @throws IllegalArgumentException if root is empty or holds "." or ".." segments
     */
    public static StaticFiles fromClasspath(ClassLoader loader, String root) {
        Objects.requireNonNull(loader, "loader");
        String trimmed = Objects.requireNonNull(root, "root").replaceAll("^/+|/+$", "");
        for (String segment : trimmed.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.indexOf('\\') >= 0) {
                throw new IllegalArgumentException("the static file root must be a plain folder path: " + root);
            }
        }
        return new StaticFiles(loader, trimmed, Headers.empty());
    }

    /**
     * The same files, every answer (200, 304, OPTIONS) carrying these fields too, e.g. a
     * Content-Security-Policy; they are validated once, here.
     *
     * @param namesAndValues alternating names and values
     * @throws IllegalArgumentException if a name is not a token or a value holds CR, LF or NUL
     * @since 1.1
     */
    public StaticFiles withHeaders(String... namesAndValues) {
        Headers added = Headers.of(namesAndValues);
        Headers all = extraHeaders;
        for (int i = 0; i < added.size(); i++) {
            all = all.without(added.name(i));
        }
        for (int i = 0; i < added.size(); i++) {
            all = all.with(added.name(i), added.value(i));
        }
        return new StaticFiles(loader, root, all);
    }

    /**
     * Answers 200 with the file, 304 if If-None-Match names its ETag, 404 for anything that is
     * not a file under the root, 400 for a malformed path, 405 for methods other than GET/HEAD.
     */
    @Override
    public HttpResponse handle(HttpRequest request) throws IOException {
        String method = request.method();
        if (method.equals("OPTIONS")) {
            return withExtraHeaders(HttpResponse.empty(Status.NO_CONTENT).withHeader("Allow", ALLOW));
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new HttpException(Status.METHOD_NOT_ALLOWED, "static files can only be read",
                    Headers.of("Allow", ALLOW));
        }
        String name = StaticPath.resolve(request.rawPath(), INDEX_FILE);
        Asset asset = name == null ? null : find(name);
        if (asset == null) {
            throw new HttpException(Status.NOT_FOUND, "there is no file at this path");
        }
        // RFC 9110 §13.1.2: If-None-Match with a current tag → 304 carrying the same validators.
        String ifNoneMatch = request.headers().get("If-None-Match");
        if (ifNoneMatch != null && EntityTags.anyMatches(ifNoneMatch, asset.etag)) {
            return asset.notModified;
        }
        return asset.ok;
    }

    /** Static files are never bodies of a request, so 100-continue is never worth sending. */
    @Override
    public boolean acceptsBody(HttpRequest head) {
        return false;
    }

    private Asset asset(byte[] bytes, String contentType) {
        String etag = EntityTags.strongTagOf(bytes);
        HttpResponse ok = withCaching(HttpResponse.of(Status.OK, contentType, bytes), etag)
                .withHeader("X-Content-Type-Options", "nosniff");
        return new Asset(etag, withExtraHeaders(ok),
                withExtraHeaders(withCaching(HttpResponse.empty(Status.NOT_MODIFIED), etag)));
    }

    private static HttpResponse withCaching(HttpResponse response, String etag) {
        // no-cache: keep it, but revalidate with the ETag before each use, so a new build is seen at once.
        return response.withHeader("ETag", etag).withHeader("Cache-Control", "no-cache");
    }

    private HttpResponse withExtraHeaders(HttpResponse response) {
        for (int i = 0; i < extraHeaders.size(); i++) {
            response = response.withHeader(extraHeaders.name(i), extraHeaders.value(i));
        }
        return response;
    }

    private Asset find(String name) throws IOException {
        Asset asset = cache.get(name);
        if (asset == null) {
            byte[] bytes = readFile(root + "/" + name);
            if (bytes == null) {
                return null;
            }
            asset = asset(bytes, MediaTypes.forFileName(name));
            Asset raced = cache.putIfAbsent(name, asset);
            asset = raced == null ? asset : raced;
        }
        return asset;
    }

    /** The bytes of a regular file on the classpath, or null if missing or a directory. */
    private byte[] readFile(String resource) throws IOException {
        URL url = loader.getResource(resource);
        if (url == null) {
            return null;
        }
        if (url.getProtocol().equals("file")) {
            try {
                Path path = Path.of(url.toURI());
                return Files.isRegularFile(path) ? Files.readAllBytes(path) : null;
            } catch (URISyntaxException | IllegalArgumentException e) {
                return null;
            }
        }
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jar) {
            // Zip lookups also find "name/" for "name", so a folder shows up as a directory entry.
            JarEntry entry = jar.getJarEntry();
            if (entry == null || entry.isDirectory()) {
                return null;
            }
        }
        try (InputStream in = connection.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
