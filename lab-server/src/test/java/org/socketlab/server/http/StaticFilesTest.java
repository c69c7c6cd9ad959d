package org.socketlab.server.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StaticFilesTest {

    private final StaticFiles files = StaticFiles.fromClasspath(getClass().getClassLoader(), "test-web");

    static Stream<Arguments> contentTypes() {
        return Stream.of(
                arguments("/index.html", "text/html; charset=utf-8"),
                arguments("/app.js", "text/javascript; charset=utf-8"),
                arguments("/style.css", "text/css; charset=utf-8"),
                arguments("/data.json", "application/json"),
                arguments("/logo.svg", "image/svg+xml"),
                arguments("/pixel.png", "image/png"),
                arguments("/nested/dir/file.txt", "text/plain; charset=utf-8"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("contentTypes")
    void serves_a_file_with_its_content_type(String target, String contentType) throws Exception {
        HttpResponse response = files.handle(Wire.request("GET", target));

        assertEquals(Status.OK, response.status());
        assertEquals(Optional.of(contentType), response.headers().first("Content-Type"));
        assertArrayEquals(resource("test-web" + target), response.body());
    }

    @Test
    void serves_index_html_for_the_root() throws Exception {
        HttpResponse response = files.handle(Wire.request("GET", "/"));

        assertArrayEquals(resource("test-web/index.html"), response.body());
    }

    @Test
    void sends_caching_and_sniffing_headers() throws Exception {
        HttpResponse response = files.handle(Wire.request("GET", "/app.js"));

        assertEquals(Optional.of("no-cache"), response.headers().first("Cache-Control"));
        assertEquals(Optional.of("nosniff"), response.headers().first("X-Content-Type-Options"));
        String etag = response.headers().first("ETag").orElseThrow();
        assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
    }

    @Test
    void gives_each_file_its_own_etag_and_the_same_one_every_time() throws Exception {
        String app = etag("/app.js");

        assertEquals(app, etag("/app.js"));
        assertNotEquals(app, etag("/style.css"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%s", "\"other\", %s", "W/%s", "*", " \"x\" ,W/%s "})
    void answers_304_when_if_none_match_names_the_current_etag(String ifNoneMatch) throws Exception {
        String etag = etag("/style.css");

        HttpResponse response = files.handle(
                Wire.request("GET", "/style.css", "If-None-Match", ifNoneMatch.replace("%s", etag)));

        assertEquals(Status.NOT_MODIFIED, response.status());
        assertEquals(Optional.of(etag), response.headers().first("ETag"));
        assertEquals(0, response.body().length);
    }

    @Test
    void adds_the_configured_fields_to_200_304_and_options_answers() throws Exception {
        StaticFiles page = files.withHeaders("Content-Security-Policy", "default-src 'self'", "X-Test", "one")
                .withHeaders("X-Test", "two");
        String etag = etag("/app.js");

        for (HttpResponse response : new HttpResponse[] {page.handle(Wire.request("GET", "/app.js")),
                page.handle(Wire.request("GET", "/app.js", "If-None-Match", etag)),
                page.handle(Wire.request("OPTIONS", "/app.js"))}) {
            assertEquals(Optional.of("default-src 'self'"), response.headers().first("Content-Security-Policy"),
                    response.toString());
            assertEquals(java.util.List.of("two"), response.headers().all("X-Test"), response.toString());
        }
        assertFalse(files.handle(Wire.request("GET", "/app.js")).headers().contains("X-Test"),
                "the original files are left as they were");
    }

    @Test
    void refuses_configured_fields_that_could_split_the_response() {
        assertThrows(IllegalArgumentException.class, () -> files.withHeaders("X-Test", "a\r\nSet-Cookie: x=1"));
    }

    @Test
    void answers_200_when_if_none_match_names_another_etag() throws Exception {
        HttpResponse response = files.handle(Wire.request("GET", "/style.css", "If-None-Match", "\"stale\""));

        assertEquals(Status.OK, response.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../outside-secret.txt", "/..", "/%2e%2e/outside-secret.txt", "/%2E%2E%2Foutside-secret.txt",
        "/..%2foutside-secret.txt", "/..%5coutside-secret.txt", "/..\\outside-secret.txt", "/nested/../../outside-secret.txt",
        "/nested/dir/../../../outside-secret.txt", "/./index.html", "/%2e/index.html", "/nested//dir/file.txt",
        "/\\outside-secret.txt", "/%5c..%5coutside-secret.txt", "/index.html%00", "/index.html%00.png",
        "/%252e%252e/outside-secret.txt", "/%252e%252e%252foutside-secret.txt", "/nested%2fdir%2ffile.txt",
        "/missing.html", "/nested", "/nested/", "/nested/dir", "/nested/dir/", "/index.html/", "/%0aindex.html"})
    void never_serves_anything_outside_the_root_nor_a_folder(String target) {
        HttpException e = assertThrows(HttpException.class, () -> files.handle(Wire.request("GET", target)));

        assertEquals(Status.NOT_FOUND, e.status(), target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%zz", "/%2", "/%c3%28", "/%ff.txt"})
    void refuses_a_malformed_encoding_with_400(String target) {
        HttpException e = assertThrows(HttpException.class, () -> files.handle(Wire.request("GET", target)));

        assertEquals(Status.BAD_REQUEST, e.status());
    }

    @Test
    void decodes_an_encoded_file_name_once() throws Exception {
        HttpResponse response = files.handle(Wire.request("GET", "/nested/dir/fil%65.txt"));

        assertArrayEquals(resource("test-web/nested/dir/file.txt"), response.body());
    }

    @Test
    void refuses_other_methods_with_405_and_allow() {
        HttpException e = assertThrows(HttpException.class, () -> files.handle(Wire.request("POST", "/index.html")));

        assertEquals(Status.METHOD_NOT_ALLOWED, e.status());
        assertEquals(Optional.of("GET, HEAD, OPTIONS"), e.headers().first("Allow"));
        assertFalse(files.acceptsBody(Wire.request("POST", "/index.html")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "..", "a/../b", "a//b"})
    void refuses_a_root_that_is_not_a_plain_folder(String root) {
        assertThrows(IllegalArgumentException.class, () -> StaticFiles.fromClasspath(getClass().getClassLoader(), root));
    }

    @Test
    void serves_files_from_a_jar_and_not_its_folders() throws Exception {
        // JUnit's own jar stands in for ours: its folder org/junit/jupiter/api holds Test.class.
        StaticFiles fromJar = StaticFiles.fromClasspath(Test.class.getClassLoader(), "org/junit/jupiter");

        HttpResponse response = fromJar.handle(Wire.request("GET", "/api/Test.class"));

        assertArrayEquals(resource("org/junit/jupiter/api/Test.class"), response.body());
        assertEquals(Status.NOT_FOUND,
                assertThrows(HttpException.class, () -> fromJar.handle(Wire.request("GET", "/api"))).status());
        assertEquals(Status.NOT_FOUND,
                assertThrows(HttpException.class, () -> fromJar.handle(Wire.request("GET", "/api/"))).status());
    }

    private String etag(String target) throws Exception {
        return files.handle(Wire.request("GET", target)).headers().first("ETag").orElseThrow();
    }

    private byte[] resource(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, name);
            return in.readAllBytes();
        }
    }

    @Test
    void reads_the_test_resources_as_utf8_text() throws IOException {
        assertTrue(new String(resource("test-web/index.html"), StandardCharsets.UTF_8).contains("Socket Lab"));
    }
}
