package org.socketlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The packaged {@code socketlab.jar} as a user starts it: {@code serve --port 0} in its own JVM, then
 * every built-in case's default run through the API. Catches what the test class path hides, such as a
 * library missing from the shaded jar.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PackagedJarIT {
    private static Process server;
    private static String url;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTheJar() throws Exception {
        Path jar = Path.of("target", "socketlab.jar");
        assertTrue(Files.isRegularFile(jar), "package should have built " + jar);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(javaBin, "-jar", jar.toString(), "serve", "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String firstLine = ProcessLines.first(server);
        assertNotNull(firstLine, "the server printed nothing");
        var matcher = java.util.regex.Pattern.compile("http://\\S+/").matcher(firstLine);
        assertTrue(matcher.find(), "the server should print its URL, printed: " + firstLine);
        url = matcher.group();
    }

    @AfterAll
    static void stopTheJar() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void every_built_in_case_passes_its_default_run_from_the_packaged_jar() throws Exception {
        JsonObject catalogue = JsonParser.parseString(send(HttpRequest.newBuilder(URI.create(url + "api/cases"))).body())
                .getAsJsonObject();
        List<String> failures = new ArrayList<>();
        int count = 0;
        for (JsonElement c : catalogue.getAsJsonArray("cases")) {
            String id = c.getAsJsonObject().get("id").getAsString();
            HttpResponse<String> run = send(HttpRequest.newBuilder(URI.create(url + "api/cases/" + id + "/runs"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()));
            JsonObject transcript = JsonParser.parseString(run.body()).getAsJsonObject();
            String outcome = transcript.has("outcome") ? transcript.get("outcome").getAsString() : run.body();
            if (!"passed".equals(outcome)) {
                failures.add(id + ": " + outcome + " " + transcript.get("error"));
            }
            count++;
        }
        assertEquals(List.of(), failures);
        assertTrue(count >= 22, "expected the whole catalogue, got " + count + " cases");
    }

    @Test
    void the_page_is_served_from_the_packaged_jar() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(url)));

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Socket Lab"));
    }
}
