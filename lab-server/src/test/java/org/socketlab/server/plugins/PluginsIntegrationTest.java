package org.socketlab.server.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socketlab.server.ServerConfig;
import org.socketlab.server.SocketLabServer;
import org.socketlab.server.http.AccessLog;

/** A real server on port 0 over a temporary plugins folder, driven over HTTP while jars come, change and go. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PluginsIntegrationTest {
    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final Path EXAMPLE = Path.of("..", "docs", "examples", "echo-case");

    @TempDir
    static Path work;
    private static Path classes;
    private static Path plugins;
    private static final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private static PluginWatcher watcher;
    private static SocketLabServer server;
    private static HttpClient client;

    @BeforeAll
    static void startServer() throws IOException {
        compilePlugins();
        plugins = Files.createDirectories(work.resolve("plugins"));
        jar("test.good.GoodCase").writeTo(plugins.resolve("good.jar"));
        jar("test.run.ThrowsCase", "test.run.HangsCase").writeTo(plugins.resolve("misbehaving.jar"));
        Files.writeString(plugins.resolve("corrupt.jar"), "PK but not really");
        JarBuilder.from(classes).withClasses("test.link.LinkCase").withServices("test.link.LinkCase")
                .writeTo(plugins.resolve("link.jar"));
        jar("test.info.InfoCase").writeTo(plugins.resolve("info.jar"));
        jar("test.dup.ImpostorCase").writeTo(plugins.resolve("impostor.jar"));
        jar("test.good.GoodCase").withApiVersion("2.0").writeTo(plugins.resolve("future.jar"));

        PrintStream err = new PrintStream(log, true, StandardCharsets.UTF_8);
        watcher = PluginWatcher.start(PluginFolder.load(plugins, CaseRegistry.ofBuiltIns(err), err), err);
        ServerConfig config = ServerConfig.defaults().withPort(0).withPluginsDir(plugins)
                .withRunTimeLimit(Duration.ofMillis(1500));
        server = SocketLabServer.start(config, watcher.registry(), AccessLog.none());
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static void compilePlugins() throws IOException {
        Map<String, String> sources = new HashMap<>();
        sources.put("test.good.GoodCase", JavaSources.simpleCase("test.good.GoodCase", "plugin-good", "Good plugin"));
        sources.put("test.hot.HotCase", JavaSources.simpleCase("test.hot.HotCase", "plugin-hot", "Hot"));
        sources.put("test.hot2.HotCase", JavaSources.simpleCase("test.hot2.HotCase", "plugin-hot", "Hot, second version"));
        sources.put("test.dup.ImpostorCase", JavaSources.simpleCase("test.dup.ImpostorCase", "missing-message", "Fake"));
        sources.put("test.link.Missing", "package test.link; public abstract class Missing {}");
        sources.put("test.link.LinkCase", JavaSources.header("test.link.LinkCase") + """
                public final class LinkCase extends Missing implements LabCase {
                    public CaseInfo info() { return CaseInfo.builder("plugin-link").title("L").summary("L").source("L").build(); }
                    public void run(RunContext context) {}
                }
                """);
        sources.put("test.info.InfoCase", JavaSources.header("test.info.InfoCase") + """
                public final class InfoCase implements LabCase {
                    public CaseInfo info() { throw new IllegalStateException("metadata broke on purpose"); }
                    public void run(RunContext context) {}
                }
                """);
        sources.put("test.run.ThrowsCase", JavaSources.header("test.run.ThrowsCase") + """
                public final class ThrowsCase implements LabCase {
                    public CaseInfo info() { return CaseInfo.builder("plugin-throws").title("T").summary("T").source("T").build(); }
                    public void run(RunContext context) { throw new IllegalStateException("the plugin broke on purpose"); }
                }
                """);
        sources.put("test.run.HangsCase", JavaSources.header("test.run.HangsCase") + """
                public final class HangsCase implements LabCase {
                    public CaseInfo info() { return CaseInfo.builder("plugin-hangs").title("H").summary("H").source("H").build(); }
                    public void run(RunContext context) throws Exception { new java.util.concurrent.CountDownLatch(1).await(); }
                }
                """);
        classes = JavaSources.compile(work.resolve("classes"), sources);
    }

    private static JarBuilder jar(String... caseClasses) throws IOException {
        return JarBuilder.from(classes).withClasses(caseClasses).withServices(caseClasses);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
        if (watcher != null) {
            watcher.close();
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    /** GET /api/cases as id → case; fails at once if the server does not answer 200. */
    private static Map<String, JsonObject> cases() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/cases");
        assertEquals(200, response.statusCode(), response.body());
        Map<String, JsonObject> byId = new LinkedHashMap<>();
        for (JsonElement c : json(response).getAsJsonArray("cases")) {
            byId.put(c.getAsJsonObject().get("id").getAsString(), c.getAsJsonObject());
        }
        return byId;
    }

    /** GET /api/plugins as file → status; fails at once if the server does not answer 200. */
    private static Map<String, JsonObject> plugins() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/plugins");
        assertEquals(200, response.statusCode(), response.body());
        Map<String, JsonObject> byFile = new LinkedHashMap<>();
        for (JsonElement p : json(response).getAsJsonArray("plugins")) {
            byFile.put(p.getAsJsonObject().get("file").getAsString(), p.getAsJsonObject());
        }
        return byFile;
    }

    private static Optional<String> title(String id) throws IOException, InterruptedException {
        return Optional.ofNullable(cases().get(id)).map(c -> c.get("title").getAsString());
    }

    private static JsonObject run(String id, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/cases/" + id + "/runs", body);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    // As an instructor's copy would: written beside the folder, then moved in over the old file.
    private static void drop(JarBuilder jar, String file) throws IOException {
        Path staged = jar.writeTo(work.resolve(file));
        Files.move(staged, plugins.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void the_good_case_is_listed_with_its_jar_as_origin_and_runs() throws Exception {
        assertEquals("good.jar", cases().get("plugin-good").get("origin").getAsString());
        assertEquals("built-in", cases().get("missing-message").get("origin").getAsString());

        JsonObject transcript = run("plugin-good", "{}");

        assertEquals("passed", transcript.get("outcome").getAsString());
        assertEquals("Good plugin ran", transcript.getAsJsonArray("output").get(0).getAsString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "corrupt.jar   | not a jar: ",
            "link.jar      | NoClassDefFoundError: test/link/Missing",
            "info.jar      | test.info.InfoCase could not describe itself: IllegalStateException: metadata broke on purpose",
            "impostor.jar  | case id 'missing-message' is already used by a built-in case",
            "future.jar    | built for lab-api 2.0, but this Socket Lab provides lab-api 1."})
    void a_broken_jar_is_reported_with_its_reason_in_the_api_and_the_log(String file, String reason) throws Exception {
        JsonObject status = plugins().get(file);

        assertEquals("failed", status.get("status").getAsString());
        assertTrue(status.get("error").getAsString().contains(reason), status.toString());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("socketlab: plugin " + file + ": failed: "),
                log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void the_good_jars_are_reported_as_loaded_beside_the_broken_ones() throws Exception {
        JsonObject good = plugins().get("good.jar");

        assertEquals("loaded", good.get("status").getAsString());
        assertEquals("[\"plugin-good\"]", good.get("cases").toString());
        assertTrue(good.get("error").isJsonNull());
        assertEquals("loaded", plugins().get("misbehaving.jar").get("status").getAsString());
    }

    @Test
    void a_plugin_case_that_throws_during_a_run_ends_as_error() throws Exception {
        JsonObject transcript = run("plugin-throws", "{}");

        assertEquals("error", transcript.get("outcome").getAsString());
        assertTrue(transcript.get("error").getAsString().contains("the plugin broke on purpose"), transcript.toString());
    }

    @Test
    void a_plugin_case_that_hangs_ends_as_error_at_the_time_limit_and_the_server_goes_on() throws Exception {
        JsonObject transcript = run("plugin-hangs", "{}");

        assertEquals("error", transcript.get("outcome").getAsString());
        assertTrue(transcript.get("error").getAsString().contains("time limit"), transcript.toString());
        assertEquals("passed", run("plugin-good", "{}").get("outcome").getAsString());
    }

    @Test
    void a_jar_dropped_in_then_replaced_then_removed_changes_the_catalogue_while_the_server_answers() throws Exception {
        drop(jar("test.hot.HotCase"), "hot.jar");
        Eventually.await(WITHIN, () -> title("plugin-hot").isPresent(), () -> "plugin-hot listed");
        assertEquals("hot.jar", cases().get("plugin-hot").get("origin").getAsString());

        drop(jar("test.hot2.HotCase"), "hot.jar");
        Eventually.await(WITHIN, () -> title("plugin-hot").equals(Optional.of("Hot, second version")),
                () -> "the second version's title");
        assertEquals("Hot, second version ran", run("plugin-hot", "{}").getAsJsonArray("output").get(0).getAsString());

        Files.delete(plugins.resolve("hot.jar"));
        Eventually.await(WITHIN, () -> title("plugin-hot").isEmpty(), () -> "plugin-hot gone");
        assertEquals(404, get("/api/cases/plugin-hot").statusCode());
        assertNull(plugins().get("hot.jar"));
    }

    @Test
    void the_example_of_the_plugin_guide_loads_and_runs() throws Exception {
        Path exampleClasses = JavaSources.compile(work.resolve("example-classes"), exampleSources());
        String services = Files.readString(EXAMPLE.resolve(
                "src/main/resources/META-INF/services/org.socketlab.api.LabCase"));
        drop(JarBuilder.from(exampleClasses).withClasses("org.example.echo.EchoCase")
                .withEntry("META-INF/services/org.socketlab.api.LabCase", services), "echo-case.jar");
        Eventually.await(WITHIN, () -> title("echo").isPresent(), () -> "the echo case listed");

        assertEquals("passed", run("echo", "{}").get("outcome").getAsString());
        assertEquals("failed", run("echo", "{\"params\": {\"transport\": \"udp\"}}").get("outcome").getAsString());
        assertEquals(400, post("/api/cases/echo/runs", "{\"params\": {\"message\": \"\"}}").statusCode());
    }

    private static Map<String, String> exampleSources() throws IOException {
        Path sources = EXAMPLE.resolve("src/main/java");
        Map<String, String> byClass = new HashMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = sources.relativize(file).toString().replace('\\', '/');
                byClass.put(relative.substring(0, relative.length() - ".java".length()).replace('/', '.'),
                        Files.readString(file));
            }
        }
        assertTrue(byClass.containsKey("org.example.echo.EchoCase"), "the example is at " + EXAMPLE.toAbsolutePath());
        return byClass;
    }
}
