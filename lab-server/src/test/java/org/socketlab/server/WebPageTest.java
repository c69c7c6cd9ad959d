package org.socketlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketlab.server.http.AccessLog;
import org.socketlab.server.plugins.CaseRegistry;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebPageTest {
    private static SocketLabServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        server = SocketLabServer.start(ServerConfig.defaults().withPort(0), CaseRegistry.ofBuiltIns(), AccessLog.none());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_page_is_html_and_every_script_and_stylesheet_it_links_resolves() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        Document document = Jsoup.parse(page.body(), "http://127.0.0.1:" + server.port() + "/");

        List<String> assets = new ArrayList<>();
        for (Element script : document.select("script[src]")) {
            assets.add(script.attr("src"));
        }
        for (Element link : document.select("link[href]")) {
            assets.add(link.attr("href"));
        }
        assertFalse(assets.isEmpty(), "the page should load scripts and styles");
        for (String asset : assets) {
            assertFalse(asset.startsWith("http://") || asset.startsWith("https://") || asset.startsWith("//"),
                    "the page must work offline, without " + asset);
            String path = URI.create("http://127.0.0.1/").resolve(asset).getPath();
            HttpResponse<String> response = get(path);
            assertEquals(200, response.statusCode(), path);
        }
    }

    @Test
    void the_javascript_modules_the_page_imports_resolve() throws Exception {
        HttpResponse<String> page = get("/");
        Document document = Jsoup.parse(page.body());
        for (Element script : document.select("script[type=module][src]")) {
            String path = URI.create("http://127.0.0.1/").resolve(script.attr("src")).getPath();
            String source = get(path).body();
            var imports = java.util.regex.Pattern.compile("from\\s+['\"](\\./[^'\"]+)['\"]").matcher(source);
            while (imports.find()) {
                String imported = URI.create("http://127.0.0.1" + path).resolve(imports.group(1)).getPath();
                HttpResponse<String> module = get(imported);
                assertEquals(200, module.statusCode(), imported);
                assertTrue(module.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"),
                        imported);
            }
        }
    }
}
