package org.socketlab.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouterTest {

    private final Router router = new Router()
            .get("/", request -> text("home"))
            .get("/api/cases", request -> text("list"))
            .post("/api/cases", request -> text("create"))
            .get("/api/cases/new", request -> text("new form"))
            .get("/api/cases/{id}", request -> text("case " + request.pathParam("id")))
            .delete("/api/cases/{id}", request -> text("deleted " + request.pathParam("id")))
            .get("/api/cases/{id}/runs/{run}", request -> text(request.pathParam("id") + "/" + request.pathParam("run")));

    @Test
    void runs_the_handler_of_a_literal_route() throws Exception {
        assertEquals("list", body(router.handle(Wire.request("GET", "/api/cases"))));
        assertEquals("create", body(router.handle(Wire.request("POST", "/api/cases"))));
        assertEquals("home", body(router.handle(Wire.request("GET", "/"))));
    }

    @Test
    void captures_path_parameters() throws Exception {
        assertEquals("tcp-echo/7", body(router.handle(Wire.request("GET", "/api/cases/tcp-echo/runs/7"))));
    }

    @Test
    void matches_a_literal_segment_written_with_percent_encoding() throws Exception {
        // RFC 3986 §6.2.2.2: "%61" and "a" are the same unreserved character.
        assertEquals("list", body(router.handle(Wire.request("GET", "/api/c%61ses"))));
        assertEquals("tcp-echo/7", body(router.handle(Wire.request("GET", "/api/cases/tcp-echo/runs/%37"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api//tcp-echo", "/api/cases/x/runs/", "/api/casesx", "/api/case"})
    void an_empty_or_partly_equal_segment_matches_no_route(String target) {
        HttpException e = assertThrows(HttpException.class, () -> router.handle(Wire.request("GET", target)));
        assertEquals(Status.NOT_FOUND, e.status());
    }

    @Test
    void a_path_asked_again_is_routed_by_its_method_each_time() throws Exception {
        // The same target string each time, as the parser hands back a repeated target.
        String target = "/api/cases/tcp-echo";
        for (int i = 0; i < 3; i++) {
            assertEquals("case tcp-echo", body(router.handle(sameTarget("GET", target))));
            assertEquals("deleted tcp-echo", body(router.handle(sameTarget("DELETE", target))));
            HttpException e = assertThrows(HttpException.class, () -> router.handle(sameTarget("PUT", target)));
            assertEquals(Status.METHOD_NOT_ALLOWED, e.status());
        }
    }

    @Test
    void a_route_added_after_a_path_was_routed_takes_it_over() throws Exception {
        Router later = new Router().get("/items/{id}", request -> text("item"));
        String target = "/items/latest";
        assertEquals("item", body(later.handle(sameTarget("GET", target))));

        later.get("/items/latest", request -> text("latest"));

        assertEquals("latest", body(later.handle(sameTarget("GET", target))));
    }

    private static HttpRequest sameTarget(String method, String target) {
        return new HttpRequest(method, target, target, null, "HTTP/1.1", Headers.of(), null, null, null);
    }

    @Test
    void decodes_each_captured_segment_once() throws Exception {
        HttpResponse response = router.handle(Wire.request("GET", "/api/cases/a%2Fb%20c%25252e"));

        assertEquals("case a/b c%252e", body(response));
    }

    @Test
    void ignores_the_query_when_matching() throws Exception {
        assertEquals("case x", body(router.handle(Wire.request("GET", "/api/cases/x?verbose=1"))));
    }

    @Test
    void prefers_a_literal_segment_to_a_capture_whatever_the_order_of_addition() throws Exception {
        Router capturesFirst = new Router()
                .get("/items/{id}", request -> text("item"))
                .get("/items/latest", request -> text("latest"));

        assertEquals("latest", body(capturesFirst.handle(Wire.request("GET", "/items/latest"))));
        assertEquals("new form", body(router.handle(Wire.request("GET", "/api/cases/new"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nothing", "/api", "/api/cases/x/runs", "/api/cases/", "//api/cases", "/api/cases/x/y/z/w"})
    void answers_404_for_a_path_no_pattern_matches(String target) {
        HttpException e = assertThrows(HttpException.class, () -> router.handle(Wire.request("GET", target)));

        assertEquals(Status.NOT_FOUND, e.status());
    }

    @Test
    void answers_405_with_allow_for_a_known_path_and_another_method() {
        HttpException e = assertThrows(HttpException.class, () -> router.handle(Wire.request("PUT", "/api/cases")));

        assertEquals(Status.METHOD_NOT_ALLOWED, e.status());
        assertEquals(Optional.of("GET, HEAD, POST, OPTIONS"), e.headers().first("Allow"));
    }

    @Test
    void lists_the_methods_of_every_pattern_matching_the_path_in_allow() {
        HttpException e = assertThrows(HttpException.class, () -> router.handle(Wire.request("PATCH", "/api/cases/new")));

        assertEquals(Optional.of("GET, HEAD, DELETE, OPTIONS"), e.headers().first("Allow"));
    }

    @Test
    void runs_the_get_handler_for_head() throws Exception {
        assertEquals("case 42", body(router.handle(Wire.request("HEAD", "/api/cases/42"))));
    }

    @Test
    void answers_options_on_a_known_path_with_204_and_allow() throws Exception {
        HttpResponse response = router.handle(Wire.request("OPTIONS", "/api/cases/42"));

        assertEquals(Status.NO_CONTENT, response.status());
        assertEquals(Optional.of("GET, HEAD, DELETE, OPTIONS"), response.headers().first("Allow"));
    }

    @Test
    void answers_options_star_with_every_routed_method() throws Exception {
        HttpResponse response = router.handle(Wire.request("OPTIONS", "*"));

        assertEquals(Status.NO_CONTENT, response.status());
        assertEquals(Optional.of("GET, HEAD, POST, DELETE, OPTIONS"), response.headers().first("Allow"));
    }

    @Test
    void hands_unmatched_paths_to_the_fallback() throws Exception {
        router.fallback(request -> text("fallback " + request.path()));

        assertEquals("fallback /static/app.js", body(router.handle(Wire.request("GET", "/static/app.js"))));
    }

    @Test
    void refuses_a_malformed_percent_encoding_with_400() {
        HttpException e = assertThrows(HttpException.class, () -> router.handle(Wire.request("GET", "/api/cases/%zz")));

        assertEquals(Status.BAD_REQUEST, e.status());
    }

    @Test
    void accepts_a_body_only_where_a_route_for_the_method_matches() {
        assertTrue(router.acceptsBody(Wire.request("POST", "/api/cases")));
        assertFalse(router.acceptsBody(Wire.request("POST", "/api/cases/42")));
        assertFalse(router.acceptsBody(Wire.request("POST", "/nothing")));
    }

    @Test
    void refuses_a_second_route_for_the_same_method_and_shape() {
        assertThrows(IllegalArgumentException.class, () -> router.get("/api/cases/{other}", request -> text("x")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-slash", "/a//b", "/{id}/{id}", "/a{b}"})
    void refuses_a_malformed_pattern(String pattern) {
        assertThrows(IllegalArgumentException.class, () -> new Router().get(pattern, request -> text("x")));
    }

    private static HttpResponse text(String text) {
        return HttpResponse.text(Status.OK, text);
    }

    private static String body(HttpResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
