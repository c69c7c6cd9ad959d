package org.socketlab.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.socketlab.server.ServerConfig;
import org.socketlab.server.SocketLabServer;
import org.socketlab.server.http.AccessLogEntry;
import org.socketlab.server.http.HttpResponse;
import org.socketlab.server.http.HttpServer;
import org.socketlab.server.http.HttpServerConfig;
import org.socketlab.server.http.Status;
import org.socketlab.server.plugins.CaseRegistry;

/** The cross-site defences as a browser meets them: the page works, another site's page gets nothing. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CrossSiteBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path profile;
    private static final Queue<AccessLogEntry> LOG = new ConcurrentLinkedQueue<>();
    private static SocketLabServer server;
    private static HttpServer evilSite;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start(profile);
        server = SocketLabServer.start(ServerConfig.defaults().withPort(0), CaseRegistry.ofBuiltIns(), LOG::add);
        String target = "http://127.0.0.1:" + server.port() + "/api/cases/missing-message/runs";
        String page = """
                <!doctype html><title>loading</title><script>
                const results = [];
                async function attempt(options) {
                  try { const r = await fetch('%s', options); results.push(r.type + ':' + r.status); }
                  catch (e) { results.push('blocked'); }
                }
                (async () => {
                  await attempt({method: 'POST', mode: 'no-cors', headers: {'Content-Type': 'text/plain'},
                                 body: '{"params": {}}'});
                  await attempt({method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{"params": {}}'});
                  await attempt({method: 'GET'});
                  document.title = 'done ' + results.join(',');
                })();
                </script>
                """.formatted(target);
        evilSite = HttpServer.start(HttpServerConfig.defaults(),
                request -> HttpResponse.of(Status.OK, "text/html; charset=utf-8", page.getBytes()));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (evilSite != null) {
            evilSite.close();
        }
    }

    @Test
    void the_page_runs_a_case_when_opened_as_localhost() {
        LOG.clear();
        browser.get("http://localhost:" + server.port() + "/#/cases/missing-message");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(d -> d.findElement(By.cssSelector("[data-testid=run-button]")).isDisplayed());
        browser.findElement(By.cssSelector("[data-testid=run-button]")).click();
        String outcome = wait.until(d -> {
            var found = d.findElements(By.cssSelector("[data-testid=outcome][data-outcome]"));
            return found.isEmpty() || found.get(0).getAttribute("data-outcome").isBlank()
                    ? null : found.get(0).getAttribute("data-outcome");
        });
        assertEquals("passed", outcome);
        // The page starts runs with Prefer: respond-async and follows them live.
        assertTrue(LOG.stream().anyMatch(e -> "POST".equals(e.method()) && e.status() == 202), LOG.toString());
    }

    @Test
    void another_sites_page_cannot_run_a_case() {
        LOG.clear();
        browser.get("http://localhost:" + evilSite.port() + "/");
        String title = new WebDriverWait(browser, WAIT).until(d -> d.getTitle().startsWith("done") ? d.getTitle() : null);

        List<String> results = List.of(title.substring("done ".length()).split(","));
        assertEquals("blocked", results.get(1), "the JSON POST needs a preflight, which is refused: " + title);
        assertFalse(LOG.stream().anyMatch(e -> "POST".equals(e.method()) && e.status() == 200),
                "no run was started: " + LOG);
        assertTrue(LOG.stream().anyMatch(e -> e.status() == 403), "the server saw and refused them: " + LOG);
    }
}
