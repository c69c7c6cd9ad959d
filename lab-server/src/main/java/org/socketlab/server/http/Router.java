package org.socketlab.server.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Dispatches requests by method and path pattern ("/api/cases/{id}/runs"). Configure it before
 * the server starts; afterwards it is only read, from any number of threads.
 */
public final class Router implements Handler {

    // The order methods are listed in an Allow header.
    private static final List<String> METHOD_ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Handler NOT_FOUND = new NonBlockingHandler() {
        @Override
        public HttpResponse handle(HttpRequest request) {
            throw new HttpException(Status.NOT_FOUND, "there is nothing at this path");
        }

        @Override
        public boolean acceptsBody(HttpRequest head) {
            return false;
        }
    };

    private record Route(String method, RoutePattern pattern, Handler handler) {
    }

    // A path lately routed: the route and its captures, by the raw path's identity and the method.
    private record Routed(String rawPath, String method, Route route, Map<String, String> params) {
    }

    private static final int RECENT_SLOTS = 256;
    private static final int RECENT_MAX_PATH = 256;

    private final List<Route> routes = new ArrayList<>();
    private Handler fallback = NOT_FOUND;
    // A client that repeats a request sends a target the parser hands back as the same string (RecentStrings),
    // and matching it again cost a third of what such a request allocated: its segments, its captures. Slots
    // of immutable entries, read and written by any thread without a lock: a race costs a miss.
    private final Routed[] recent = new Routed[RECENT_SLOTS];

    /**
     * Adds a route. Among patterns that match a path, one with a literal segment wins over one
     * with a capture at the first segment where they differ; otherwise the first added wins.
     *
     * @param method  an upper-case method name, e.g. "PUT"
     * @param pattern segments separated by "/", each literal or a {name} capture
     * @throws IllegalArgumentException for a malformed pattern or one already routed for the method
     */
    public Router route(String method, String pattern, Handler handler) {
        Objects.requireNonNull(handler, "handler");
        if (method == null || !Grammar.isToken(method)) {
            throw new IllegalArgumentException("a route method must be a token, e.g. GET: " + method);
        }
        RoutePattern parsed = RoutePattern.parse(pattern);
        for (Route route : routes) {
            if (route.method.equals(method) && route.pattern.sameShape(parsed)) {
                throw new IllegalArgumentException(method + " " + pattern + " is already routed as " + route.pattern);
            }
        }
        routes.add(new Route(method, parsed, handler));
        Arrays.fill(recent, null);
        // A stable sort keeps the order of addition between equally specific patterns.
        routes.sort((a, b) -> a.pattern.compareSpecificity(b.pattern));
        return this;
    }

    public Router get(String pattern, Handler handler) {
        return route("GET", pattern, handler);
    }

    /** A GET route answered on the connection loop: the handler must never block (see {@link NonBlockingHandler}). */
    public Router getNonBlocking(String pattern, NonBlockingHandler handler) {
        return route("GET", pattern, handler);
    }

    public Router post(String pattern, Handler handler) {
        return route("POST", pattern, handler);
    }

    public Router put(String pattern, Handler handler) {
        return route("PUT", pattern, handler);
    }

    public Router delete(String pattern, Handler handler) {
        return route("DELETE", pattern, handler);
    }

    /** The handler for paths no pattern matches (e.g. static files); by default it answers 404. */
    public Router fallback(Handler handler) {
        this.fallback = Objects.requireNonNull(handler, "handler");
        Arrays.fill(recent, null);
        return this;
    }

    /**
     * Runs the handler of the matching route with the captured path parameters. HEAD runs a GET
     * route when there is no HEAD route (the server drops the body); OPTIONS on a routed path
     * answers 204 with Allow.
     *
     * @throws HttpException 404 if no pattern matches and there is no fallback; 405 with Allow
     *                       if patterns match but not for this method; 400 for a path that is not
     *                       valid percent-encoded UTF-8
     */
    @Override
    public HttpResponse handle(HttpRequest request) throws Exception {
        return dispatch(request, false);
    }

    /**
     * The same as {@link #handle} where the matching route's handler (or the fallback) answers without
     * blocking, and the router's own answers (OPTIONS, 405); null where it is a blocking handler.
     */
    @Override
    public HttpResponse handleWithoutBlocking(HttpRequest request) throws Exception {
        return dispatch(request, true);
    }

    private HttpResponse dispatch(HttpRequest request, boolean onLoop) throws Exception {
        if (request.path().equals("*")) {
            // RFC 9110 §9.3.7: OPTIONS * asks about the server as a whole.
            return HttpResponse.empty(Status.NO_CONTENT).withHeader("Allow", allow(allMethods()));
        }
        String rawPath = request.rawPath();
        int slot = System.identityHashCode(rawPath) & (RECENT_SLOTS - 1);
        Routed known = recent[slot];
        if (known != null && known.rawPath == rawPath && known.method.equals(request.method())) {
            return run(known.route, known.params, request, onLoop);
        }
        PathSegments segments = PathSegments.of(rawPath);
        Route route = find(request.method(), segments);
        if (route == null && request.method().equals("HEAD")) {
            route = find("GET", segments);
        }
        if (route != null) {
            Map<String, String> params = route.pattern.captures(segments);
            if (rawPath.length() <= RECENT_MAX_PATH) {
                recent[slot] = new Routed(rawPath, request.method(), route, params);
            }
            return run(route, params, request, onLoop);
        }
        // Every page file comes this way: ask first whether any route matches at all, and build the
        // sorted set of methods only for a 405 or an OPTIONS answer.
        if (!anyRouteMatches(segments)) {
            return onLoop ? fallback.handleWithoutBlocking(request) : fallback.handle(request);
        }
        Set<String> methods = methodsFor(segments);
        if (request.method().equals("OPTIONS")) {
            return HttpResponse.empty(Status.NO_CONTENT).withHeader("Allow", allow(methods));
        }
        // RFC 9110 §15.5.6: a 405 response MUST carry Allow.
        throw new HttpException(Status.METHOD_NOT_ALLOWED, "this path does not accept the request method",
                Headers.of("Allow", allow(methods)));
    }

    private static HttpResponse run(Route route, Map<String, String> params, HttpRequest request, boolean onLoop)
            throws Exception {
        HttpRequest routed = params.isEmpty() ? request : request.withPathParams(params);
        return onLoop ? route.handler.handleWithoutBlocking(routed) : route.handler.handle(routed);
    }

    /**
     * True if a route for the method matches the path and its handler accepts the body, or none matches and
     * the fallback accepts. GET and HEAD routes take none (RFC 9110 §9.3.1: such content has no defined
     * meaning), so a body sent with them is read and dropped.
     */
    @Override
    public boolean acceptsBody(HttpRequest head) {
        try {
            PathSegments segments = PathSegments.of(head.rawPath());
            Route route = find(head.method(), segments);
            if (route == null && head.method().equals("HEAD")) {
                route = find("GET", segments);
            }
            if (route != null) {
                if (route.method.equals("GET") || route.method.equals("HEAD")) {
                    return false;
                }
                Map<String, String> params = route.pattern.captures(segments);
                return route.handler.acceptsBody(params.isEmpty() ? head : head.withPathParams(params));
            }
            return !anyRouteMatches(segments) && fallback.acceptsBody(head);
        } catch (HttpException e) {
            return false;
        }
    }

    private Route find(String method, PathSegments segments) {
        // Indexed: the for-each's iterator was not optimized away on this path, an object per request.
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            if (route.method.equals(method) && route.pattern.matches(segments)) {
                return route;
            }
        }
        return null;
    }

    private boolean anyRouteMatches(PathSegments segments) {
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            if (route.pattern.matches(segments)) {
                return true;
            }
        }
        return false;
    }

    private Set<String> methodsFor(PathSegments segments) {
        Set<String> methods = new TreeSet<>(Router::compareMethods);
        for (Route route : routes) {
            if (route.pattern.matches(segments)) {
                methods.add(route.method);
            }
        }
        return methods;
    }

    private Set<String> allMethods() {
        Set<String> methods = new TreeSet<>(Router::compareMethods);
        routes.forEach(route -> methods.add(route.method));
        return methods;
    }

    /** The Allow value: the methods given, HEAD wherever GET is, and OPTIONS (RFC 9110 §10.2.1). */
    private static String allow(Set<String> methods) {
        Set<String> allowed = new TreeSet<>(Router::compareMethods);
        allowed.addAll(methods);
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        allowed.add("OPTIONS");
        return String.join(", ", allowed);
    }

    private static int compareMethods(String a, String b) {
        int rankA = METHOD_ORDER.indexOf(a);
        int rankB = METHOD_ORDER.indexOf(b);
        if (rankA < 0 && rankB < 0) {
            return a.compareTo(b);
        }
        return Integer.compare(rankA < 0 ? Integer.MAX_VALUE : rankA, rankB < 0 ? Integer.MAX_VALUE : rankB);
    }
}
