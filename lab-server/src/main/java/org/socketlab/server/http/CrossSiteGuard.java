package org.socketlab.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Keeps web pages from other origins from using the server, in front of its handler. A server on a
 * student's laptop runs cases that send bytes to local ports, so a page on any web site must not be able
 * to start them (cross-site request forgery) nor read their transcripts (DNS rebinding). Scripts on the
 * same machine, which send no {@code Origin}, keep working.
 *
 * <ol>
 *   <li>{@code Host} must name this server: {@code localhost}, the bound address (any IP literal when bound
 *       to a wildcard address), or a name the operator allowed. A DNS-rebinding page reaches us under its
 *       own name, so its requests carry that name: 421 (RFC 9110 §7.4, §15.5.20).</li>
 *   <li>A request with an {@code Origin} other than the server's own ({@code http://} and the
 *       {@code Host} it was sent to) or an operator-allowed one is refused: 403.</li>
 *   <li>A method other than GET, HEAD and OPTIONS needs {@code Content-Type: application/json}, which no
 *       form and no "simple" cross-origin fetch can send without a CORS preflight: 415.</li>
 *   <li>CORS headers go only to the origins the operator named; a preflight from one of them is answered
 *       here.</li>
 * </ol>
 */
public final class CrossSiteGuard implements Handler {
    private static final List<String> SAFE_METHODS = List.of("GET", "HEAD", "OPTIONS");
    private static final String CORS_METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS";
    private static final String PREFLIGHT_MAX_AGE_SECONDS = "600";

    private final Handler next;
    private final BrowserPolicy policy;
    private final InetAddress bound;
    // The bound address as text: clients such as wrk and curl send it as Host on every request, and
    // parsing it with InetAddress.getByName each time showed in profiles.
    private final String boundLiteral;
    // The last Host field found to name this server.
    private volatile String hostKnownOurs;

    /**
     * @param next   the handler of requests that pass
     * @param policy the operator's additions
     * @param bound  the address the server listens on
     */
    public CrossSiteGuard(Handler next, BrowserPolicy policy, InetAddress bound) {
        this.next = Objects.requireNonNull(next, "next");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.bound = Objects.requireNonNull(bound, "bound");
        this.boundLiteral = bound.getHostAddress();
    }

    @Override
    public HttpResponse handle(HttpRequest request) throws Exception {
        return guard(request, false);
    }

    /** The checks never block; the answer is the next handler's, on the loop if it can give it there. */
    @Override
    public HttpResponse handleWithoutBlocking(HttpRequest request) throws Exception {
        return guard(request, true);
    }

    private HttpResponse guard(HttpRequest request, boolean onLoop) throws Exception {
        String corsOrigin = check(request);
        if (corsOrigin == null) {
            return onLoop ? next.handleWithoutBlocking(request) : next.handle(request);
        }
        if (request.method().equals("OPTIONS") && request.headers().contains("Access-Control-Request-Method")) {
            // A CORS preflight (Fetch standard §3.2.2) from an origin the operator allowed.
            return withCors(HttpResponse.empty(Status.NO_CONTENT), corsOrigin)
                    .withHeader("Access-Control-Allow-Methods", CORS_METHODS)
                    // Prefer: respond-async starts a run without waiting; Last-Event-ID resumes its events.
                    .withHeader("Access-Control-Allow-Headers", "Content-Type, Prefer, Last-Event-ID")
                    .withHeader("Access-Control-Max-Age", PREFLIGHT_MAX_AGE_SECONDS);
        }
        try {
            HttpResponse response = onLoop ? next.handleWithoutBlocking(request) : next.handle(request);
            return response == null ? null : withCors(response, corsOrigin);
        } catch (HttpException e) {
            // The page of that origin should read our error message too.
            throw new HttpException(e.status(), e.getMessage(), e.headers()
                    .with("Access-Control-Allow-Origin", corsOrigin).with("Vary", "Origin"), e.getCause());
        }
    }

    /** Refused requests are answered before their body is invited or read. */
    @Override
    public boolean acceptsBody(HttpRequest head) {
        try {
            check(head);
        } catch (HttpException e) {
            return false;
        }
        return next.acceptsBody(head);
    }

    /**
     * @return the request's Origin when it is one of the operator's CORS origins, else null
     * @throws HttpException 421, 403 or 415 for a request refused
     */
    private String check(HttpRequest request) {
        // A Host found ours before is ours again (the answer depends on the text alone): a client sends the
        // same Host on every request, and parsing it each time was most of this check's cost.
        String hostField = request.target().startsWith("/") ? request.headers().get("Host") : null;
        boolean knownOurs = hostField != null && hostField.equals(hostKnownOurs);
        Authority host = knownOurs ? null : requestAuthority(request);
        if (host != null && !isOurs(host)) {
            throw new HttpException(Status.MISDIRECTED_REQUEST, "this server does not answer for the host '"
                    + host.host() + "'; use localhost or its address, or start it with --allowed-host "
                    + host.host());
        }
        if (host != null && hostField != null) {
            hostKnownOurs = hostField;
        }
        String corsOrigin = null;
        List<String> origins = request.headers().all("Origin");
        if (!origins.isEmpty()) {
            if (knownOurs) {
                host = requestAuthority(request);
            }
            Authority origin = origins.size() == 1 ? Authority.parseOrigin(origins.get(0)) : null;
            boolean same = origin != null && host != null && origin.equals(new Authority(host.host(),
                    host.port() == -1 ? 80 : host.port()));
            corsOrigin = origin == null || same ? null : policy.corsOrigin(origin);
            if (!same && corsOrigin == null) {
                throw new HttpException(Status.FORBIDDEN, "requests from other web sites are refused: the Origin "
                        + "is not this server's (an operator can allow one with --cors-origin)");
            }
            corsOrigin = corsOrigin == null ? null : origins.get(0);
        } else if (!SAFE_METHODS.contains(request.method()) && isCrossSiteFetch(request)) {
            throw new HttpException(Status.FORBIDDEN, "requests from other web sites are refused");
        }
        if (!SAFE_METHODS.contains(request.method()) && !isJson(request)) {
            throw new HttpException(Status.UNSUPPORTED_MEDIA_TYPE,
                    "send " + request.method() + " requests with Content-Type: application/json");
        }
        return corsOrigin;
    }

    /**
     * The authority the client addressed: that of an absolute-form target, which RFC 9112 §3.2.2 says
     * replaces Host, else Host; null for an HTTP/1.0 request without Host, which no browser sends.
     */
    private static Authority requestAuthority(HttpRequest request) {
        String target = request.target();
        int pathStart = target.startsWith("/") ? -1 : RequestTarget.absoluteFormPathStart(target);
        String text;
        if (pathStart > 0) {
            String authority = target.substring(target.indexOf("//") + 2, pathStart);
            text = authority.substring(authority.lastIndexOf('@') + 1);
        } else {
            text = request.headers().first("Host").orElse(null);
            if (text == null) {
                return null;
            }
        }
        Authority parsed = Authority.parse(text, -1);
        if (parsed == null) {
            throw new HttpException(Status.BAD_REQUEST, "the Host header is not a valid host and port");
        }
        return parsed;
    }

    private boolean isOurs(Authority host) {
        if (host.host().equals("localhost") || host.literal().equals(boundLiteral)
                || policy.allowsHostName(host.host())) {
            return true;
        }
        if (!host.isIpLiteral()) {
            return false;
        }
        // A rebinding page is always reached under a name its owner controls, so an IP literal is safe
        // when it is one the server listens on; on a wildcard address that is any of them.
        if (bound.isAnyLocalAddress()) {
            return true;
        }
        try {
            return InetAddress.getByName(host.literal()).equals(bound);
        } catch (UnknownHostException e) {
            // A literal the JDK does not parse; getByName never looks one up, as isIpLiteral() held.
            return false;
        }
    }

    /** Fetch Metadata (W3C): a browser says when a request comes from another site, even without Origin. */
    private static boolean isCrossSiteFetch(HttpRequest request) {
        String site = request.headers().first("Sec-Fetch-Site").orElse("");
        return site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site");
    }

    private static boolean isJson(HttpRequest request) {
        List<String> types = request.headers().all("Content-Type");
        if (types.size() != 1) {
            return false;
        }
        String type = types.get(0);
        int semicolon = type.indexOf(';');
        String mediaType = (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json");
    }

    private static HttpResponse withCors(HttpResponse response, String origin) {
        return response.withHeader("Access-Control-Allow-Origin", origin).withHeader("Vary", "Origin")
                .withHeader("Access-Control-Expose-Headers", "Location, Preference-Applied, Retry-After");
    }
}
