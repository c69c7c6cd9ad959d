package org.socketlab.server.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.server.ServerConfig;
import org.socketlab.server.SocketLabServer;
import org.socketlab.server.http.AccessLog;

/** Plugins that misbehave as issue 12 found them, against a real server: each fails alone, the server goes on. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PluginContainmentTest {
    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static final String STOP_LEAKS = "socketlab.test.stopLeaks";

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
        classes = JavaSources.compile(work.resolve("classes"), sources());
        plugins = Files.createDirectories(work.resolve("plugins"));
        jar("test.good.GoodCase").writeTo(plugins.resolve("good.jar"));
        jar("test.internal.InternalCase").writeTo(plugins.resolve("internal.jar"));
        jar("test.huge.HugeArrayCase").writeTo(plugins.resolve("huge-array.jar"));
        jar("test.exit.ExitCase").writeTo(plugins.resolve("exit.jar"));
        JarBuilder.from(classes).withClasses("test.halt.HaltCase", "test.halt.Halter").withServices("test.halt.HaltCase")
                .writeTo(plugins.resolve("halt.jar"));
        jar("test.validate.ValidateCase").writeTo(plugins.resolve("validate.jar"));
        jar("test.leak.LeakCase").writeTo(plugins.resolve("leak.jar"));
        jar("test.raw.RawSocketCase").writeTo(plugins.resolve("raw-socket.jar"));
        JarBuilder.from(classes).withClasses("test.good.GoodCase")
                .withEntry("META-INF/services/org.socketlab.api.LabCase", "#".repeat(1024 * 1024) + "\n")
                .writeTo(plugins.resolve("huge-services.jar"));

        PrintStream err = new PrintStream(log, true, StandardCharsets.UTF_8);
        // Loading the folder is what 'serve' and 'list' do at start-up: it must not throw for any plugin.
        watcher = PluginWatcher.start(PluginFolder.load(plugins, CaseRegistry.ofBuiltIns(err), err), err,
                Duration.ofMillis(100));
        ServerConfig config = ServerConfig.defaults().withPort(0).withPluginsDir(plugins)
                .withRunTimeLimit(Duration.ofMillis(1000));
        server = SocketLabServer.start(config, watcher.registry(), AccessLog.none());
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static Map<String, String> sources() {
        Map<String, String> sources = new HashMap<>();
        sources.put("test.good.GoodCase", JavaSources.simpleCase("test.good.GoodCase", "plugin-good", "Good plugin"));
        sources.put("test.later.LaterCase", JavaSources.simpleCase("test.later.LaterCase", "plugin-later", "Later"));
        sources.put("test.internal.InternalCase", caseWithInfo("test.internal.InternalCase",
                "throw new InternalError(\"info broke the VM's way\");", "public void run(RunContext c) {}"));
        sources.put("test.internal2.InternalCase", caseWithInfo("test.internal2.InternalCase",
                "throw new InternalError(\"hot-dropped breakage\");", "public void run(RunContext c) {}"));
        sources.put("test.huge.HugeArrayCase", caseWithInfo("test.huge.HugeArrayCase",
                "long[] huge = new long[Integer.MAX_VALUE]; return null;", "public void run(RunContext c) {}"));
        sources.put("test.exit.ExitCase", caseWithInfo("test.exit.ExitCase", info("plugin-exit"),
                "public void run(RunContext c) { System.exit(1); }"));
        sources.put("test.halt.HaltCase", caseWithInfo("test.halt.HaltCase", info("plugin-halt"),
                "public void run(RunContext c) { Halter.halt(); }"));
        sources.put("test.halt.Halter", "package test.halt; final class Halter { static void halt() { "
                + "Runtime.getRuntime().halt(1); } }");
        sources.put("test.validate.ValidateCase", caseWithInfo("test.validate.ValidateCase", info("plugin-validate"),
                """
                public void validate(Params p) {
                    try { new java.util.concurrent.CountDownLatch(1).await(); } catch (InterruptedException e) { }
                }
                public void run(RunContext c) { c.check("ran", true, null, null); }
                """));
        sources.put("test.leak.LeakCase", caseWithInfo("test.leak.LeakCase", info("plugin-leak"), """
                public void run(RunContext c) {
                    Thread t = new Thread(LeakCase::spin, "leaky");
                    t.start();
                    c.check("ran", true, null, null);
                }
                static void spin() {
                    while (!Boolean.getBoolean("%s")) {
                        try { Thread.sleep(20); } catch (InterruptedException e) { }
                    }
                }
                """.formatted(STOP_LEAKS)));
        sources.put("test.raw.RawSocketCase", caseWithInfo("test.raw.RawSocketCase", info("plugin-raw"), """
                public void run(RunContext c) throws Exception {
                    try (java.net.Socket s = new java.net.Socket()) { c.check("made", true, null, null); }
                }
                """));
        sources.put("test.loop.LoopCase", caseWithInfo("test.loop.LoopCase", info("plugin-loop"), """
                public LoopCase() {
                    while (!Boolean.getBoolean("%s")) {
                        try { Thread.sleep(20); } catch (InterruptedException e) { }
                    }
                }
                public void run(RunContext c) {}
                """.formatted(STOP_LEAKS)));
        return sources;
    }

    private static String info(String id) {
        return "return CaseInfo.builder(\"" + id + "\").title(\"T\").summary(\"S\").source(\"tests\").build();";
    }

    private static String caseWithInfo(String className, String infoBody, String members) {
        return JavaSources.header(className) + "public final class " + JavaSources.simpleName(className)
                + " implements LabCase {\n public CaseInfo info() { " + infoBody + " }\n" + members + "\n}\n";
    }

    private static JarBuilder jar(String caseClass) throws IOException {
        return JarBuilder.from(classes).withClasses(caseClass).withServices(caseClass);
    }

    @AfterAll
    static void stopServer() {
        System.setProperty(STOP_LEAKS, "true");
        if (server != null) {
            server.close();
        }
        if (watcher != null) {
            watcher.close();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static JsonObject run(String id) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/cases/" + id + "/runs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(200, response.statusCode(), response.body());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static Map<String, JsonObject> plugins() throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/plugins")).GET());
        assertEquals(200, response.statusCode(), response.body());
        Map<String, JsonObject> byFile = new LinkedHashMap<>();
        for (JsonElement p : JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonArray("plugins")) {
            byFile.put(p.getAsJsonObject().get("file").getAsString(), p.getAsJsonObject());
        }
        return byFile;
    }

    private static void assertFailed(String file, String reason) throws Exception {
        JsonObject status = plugins().get(file);
        assertEquals("failed", status.get("status").getAsString(), status.toString());
        assertTrue(status.get("error").getAsString().contains(reason), status.toString());
    }

    @Test
    void errors_of_the_vm_kind_from_info_fail_only_their_plugin_at_start_up() throws Exception {
        assertFailed("internal.jar", "InternalError: info broke the VM's way");
        assertFailed("huge-array.jar", "OutOfMemoryError");
        assertEquals("passed", run("plugin-good").get("outcome").getAsString());
    }

    @Test
    void a_hot_dropped_plugin_whose_info_throws_internal_error_leaves_the_watcher_running() throws Exception {
        drop(jar("test.internal2.InternalCase"), "internal2.jar");
        Eventually.await(WITHIN, () -> plugins().containsKey("internal2.jar"), () -> "internal2.jar reported");
        assertFailed("internal2.jar", "InternalError: hot-dropped breakage");

        drop(jar("test.later.LaterCase"), "later.jar");
        Eventually.await(WITHIN, () -> plugins().containsKey("later.jar"), () -> "a later jar still loads");
        assertEquals("passed", run("plugin-later").get("outcome").getAsString());
    }

    private static void drop(JarBuilder jar, String file) throws IOException {
        Path staged = jar.writeTo(work.resolve(file));
        Files.move(staged, plugins.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void a_case_that_calls_system_exit_is_refused_when_its_class_loads() throws Exception {
        assertFailed("exit.jar", "test.exit.ExitCase calls System.exit, which would stop Socket Lab");
    }

    @Test
    void a_helper_that_halts_fails_the_run_and_the_server_answers_on() throws Exception {
        JsonObject transcript = run("plugin-halt");

        assertEquals("error", transcript.get("outcome").getAsString());
        assertTrue(transcript.get("error").getAsString().contains("test.halt.Halter calls Runtime.halt"),
                transcript.toString());
        assertEquals("passed", run("plugin-good").get("outcome").getAsString());
    }

    @Test
    void a_validate_that_never_returns_ends_at_the_time_limit_and_frees_its_slot() throws Exception {
        for (int i = 0; i < 3; i++) {
            JsonObject transcript = run("plugin-validate");
            assertEquals("error", transcript.get("outcome").getAsString());
            assertTrue(transcript.get("error").getAsString().contains("validate() did not return"), transcript.toString());
        }
        assertEquals("passed", run("plugin-good").get("outcome").getAsString());
    }

    @Test
    void a_run_that_leaks_a_thread_is_reported_and_a_repeat_leaker_is_quarantined() throws Exception {
        JsonObject first = run("plugin-leak");
        assertEquals("error", first.get("outcome").getAsString());
        assertTrue(first.get("error").getAsString().startsWith("1 thread still running: at test.leak.LeakCase.spin("),
                first.toString());
        Eventually.await(WITHIN, () -> plugins().get("leak.jar").get("leakingRuns").getAsInt() == 1,
                () -> "the leak charged to leak.jar");
        assertTrue(plugins().get("leak.jar").get("leaks").toString().contains("test.leak.LeakCase.spin"));

        for (int i = 2; i <= PluginHealth.QUARANTINE_AFTER; i++) {
            run("plugin-leak");
            int runs = i;
            Eventually.await(WITHIN, () -> plugins().get("leak.jar").get("leakingRuns").getAsInt() == runs,
                    () -> runs + " leaking runs");
        }
        assertTrue(plugins().get("leak.jar").get("quarantined").getAsBoolean());
        JsonObject refused = run("plugin-leak");
        assertTrue(refused.get("error").getAsString().contains("plugin leak.jar is quarantined"), refused.toString());
    }

    @Test
    void a_huge_services_file_is_refused_without_being_read() throws Exception {
        assertFailed("huge-services.jar", "is larger than 64 KiB");
    }

    @Test
    void a_case_that_makes_its_own_socket_loads_with_a_warning() throws Exception {
        JsonObject status = plugins().get("raw-socket.jar");
        assertEquals("loaded", status.get("status").getAsString(), status.toString());
        assertTrue(status.get("warnings").toString().contains("test.raw.RawSocketCase makes a java.net.Socket itself"),
                status.toString());
    }

    @Test
    void a_constructor_that_never_returns_fails_its_jar_and_says_where_it_spins() throws Exception {
        PluginLoader impatient = new PluginLoader(Files.createDirectories(work.resolve("loop-copies")),
                Duration.ofMillis(300));
        Path file = jar("test.loop.LoopCase").writeTo(work.resolve("loop.jar"));

        LoadedJar loaded = impatient.load(file, FileStamp.of(file)).orElseThrow();

        String failure = String.join("; ", loaded.jar().failures());
        assertTrue(failure.contains("took longer than 300 ms"), failure);
        assertTrue(failure.contains("its thread is still running, at test.loop.LoopCase.<init>(LoopCase.java:"), failure);
    }
}
