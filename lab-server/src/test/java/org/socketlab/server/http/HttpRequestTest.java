package org.socketlab.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRequestTest {

    @Test
    void decodes_the_query_with_plus_as_space_and_keeps_repeats_in_order() {
        HttpRequest request = Wire.request("GET", "/search?q=a+b%26c&tag=tcp&tag=udp&flag&=empty-name&&x=%C3%A9");

        Map<String, List<String>> params = request.queryParams();

        assertEquals(List.of("q", "tag", "flag", "", "x"), List.copyOf(params.keySet()));
        assertEquals(List.of("a b&c"), params.get("q"));
        assertEquals(List.of("tcp", "udp"), params.get("tag"));
        assertEquals(List.of(""), params.get("flag"));
        assertEquals(List.of("\u00e9"), params.get("x"));
    }

    @Test
    void has_no_query_params_without_a_query() {
        assertEquals(Map.of(), Wire.request("GET", "/plain").queryParams());
    }

    @Test
    void refuses_a_malformed_query_with_400() {
        HttpException e = assertThrows(HttpException.class, () -> Wire.request("GET", "/q?x=%G0").queryParams());

        assertEquals(Status.BAD_REQUEST, e.status());
    }

    @Test
    void decodes_the_path_but_keeps_plus_and_the_raw_path() {
        HttpRequest request = Wire.request("GET", "/a%20b/c+d/%E2%82%AC?x=1");

        assertEquals("/a b/c+d/\u20ac", request.path());
        assertEquals("/a%20b/c+d/%E2%82%AC", request.rawPath());
        assertEquals("x=1", request.rawQuery());
    }

    @Test
    void returns_null_for_a_missing_path_param() {
        HttpRequest request = Wire.request("GET", "/x").withPathParams(Map.of("id", "7"));

        assertEquals("7", request.pathParam("id"));
        assertNull(request.pathParam("other"));
    }

    @Test
    void keeps_http_1_1_alive_unless_the_client_says_close() {
        assertTrue(request("HTTP/1.1").keepAlive());
        assertFalse(request("HTTP/1.1", "Connection", "close").keepAlive());
        assertFalse(request("HTTP/1.1", "Connection", "Upgrade, Close").keepAlive());
    }

    @Test
    void keeps_http_1_0_alive_only_if_the_client_asks() {
        assertFalse(request("HTTP/1.0").keepAlive());
        assertTrue(request("HTTP/1.0", "Connection", "Keep-Alive").keepAlive());
    }

    private static HttpRequest request(String version, String... headers) {
        return new HttpRequest("GET", "/", "/", null, version, Headers.of(headers), null, null, null);
    }
}
