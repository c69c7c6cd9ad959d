package org.socketlab.server.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketlab.api.CaseRunner;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PluginFolderTest {
    @TempDir
    static Path work;
    private static Path classes;
    private static Path gateV1;
    private static Path gateV2;

    @TempDir
    Path dir;
    private Path plugins;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private CaseRegistry registry;
    private PluginFolder folder;

    @BeforeAll
    static void compilePlugins() throws IOException {
        classes = JavaSources.compile(work.resolve("classes"), Map.of(
                "test.a.FirstCase", JavaSources.simpleCase("test.a.FirstCase", "first-case", "First"),
                "test.b.SecondCase", JavaSources.simpleCase("test.b.SecondCase", "second-case", "Second"),
                "test.v1.SharedIdCase", JavaSources.simpleCase("test.v1.SharedIdCase", "shared-id", "Shared one"),
                "test.v2.SharedIdCase", JavaSources.simpleCase("test.v2.SharedIdCase", "shared-id", "Shared, second version"),
                "test.dup.MissingMessageAgain", JavaSources.simpleCase("test.dup.MissingMessageAgain",
                        "missing-message", "An impostor")));
        gateV1 = JavaSources.compile(work.resolve("gate-v1"), Map.of("test.gate.GateCase", gateCase("Gate v1", 1)));
        gateV2 = JavaSources.compile(work.resolve("gate-v2"), Map.of("test.gate.GateCase", gateCase("Gate, version 2", 2)));
    }

    // A case that waits for the test to let it go, then loads a class it has not used yet and prints its version.
    // (Versions differ in size too, so that a file system with coarse modification times tells them apart.)
    private static String gateCase(String title, int version) {
        return JavaSources.header("test.gate.GateCase") + """
                import java.util.List;

                public final class GateCase implements LabCase {
                    public CaseInfo info() {
                        return CaseInfo.builder("gate").title("%2$s").summary("Waits.").source("tests").build();
                    }

                    public List<ParamSpec> params() {
                        return List.of(ParamSpec.integer("port", 1, 1, 65535, "where the test lets it go"));
                    }

                    public void run(RunContext context) throws Exception {
                        Actor actor = context.actor("Plugin");
                        try (TcpConnection gate = actor.connect("127.0.0.1", context.params().getInt("port"))) {
                            gate.recv(1);
                        }
                        actor.print(new Reply().text());
                    }

                    static final class Reply {
                        String text() {
                            return "version %1$d";
                        }
                    }
                }
                """.formatted(version, title);
    }

    @BeforeEach
    void createFolder() throws IOException {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        registry = CaseRegistry.ofBuiltIns();
    }

    @AfterEach
    void closeFolder() {
        if (folder != null) {
            folder.close();
        }
    }

    private void open() throws IOException {
        PluginLoader loader = new PluginLoader(Files.createDirectories(dir.resolve("copies")), Duration.ofSeconds(10));
        folder = PluginFolder.load(plugins, registry, new PrintStream(log, true, StandardCharsets.UTF_8), loader);
    }

    private static Path write(Path file, Path classes, String caseClass) throws IOException {
        return JarBuilder.from(classes).withClasses(caseClass).withServices(caseClass).writeTo(file);
    }

    private Optional<PluginStatus> status(String file) {
        return registry.catalogue().plugins().stream().filter(p -> p.file().equals(file)).findFirst();
    }

    private Optional<RegisteredCase> find(String id) {
        return registry.catalogue().find(id);
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_missing_folder_means_no_plugins() throws IOException {
        Files.delete(plugins);

        open();

        assertEquals(List.of(), registry.catalogue().plugins());
        assertTrue(find("missing-message").isPresent(), "the built-in cases are there");
        assertFalse(folder.poll());
    }

    @Test
    void loads_every_jar_of_the_folder_at_once_and_says_so_in_the_log() throws IOException {
        write(plugins.resolve("a.jar"), classes, "test.a.FirstCase");
        write(plugins.resolve("b.jar"), classes, "test.b.SecondCase");

        open();

        assertEquals("a.jar", find("first-case").orElseThrow().origin());
        assertEquals("b.jar", find("second-case").orElseThrow().origin());
        assertEquals(List.of("a.jar", "b.jar"), registry.catalogue().plugins().stream().map(PluginStatus::file).toList());
        assertTrue(log().contains("socketlab: plugin a.jar: loaded: first-case"), log());
    }

    @ParameterizedTest
    @ValueSource(strings = {"notes.txt", ".hidden.jar", "~lock.jar", "first.jar.part", "first.jar.tmp", "first.zip"})
    void ignores_files_that_are_not_jars_hidden_files_and_temporary_names(String name) throws IOException {
        write(plugins.resolve(name), classes, "test.a.FirstCase");

        open();

        assertEquals(List.of(), registry.catalogue().plugins());
    }

    @Test
    void ignores_a_folder_whose_name_ends_in_jar() throws IOException {
        Files.createDirectories(plugins.resolve("exploded.jar"));

        open();

        assertEquals(List.of(), registry.catalogue().plugins());
    }

    @Test
    void takes_a_jar_whose_name_ends_in_upper_case_jar() throws IOException {
        write(plugins.resolve("SHOUTING.JAR"), classes, "test.a.FirstCase");

        open();

        assertEquals("SHOUTING.JAR", find("first-case").orElseThrow().origin());
    }

    @Test
    void a_new_jar_is_loaded_once_it_is_unchanged_for_two_polls() throws IOException {
        open();
        write(plugins.resolve("a.jar"), classes, "test.a.FirstCase");

        assertFalse(folder.poll(), "first seen: it may still be being copied");
        assertTrue(find("first-case").isEmpty());

        assertTrue(folder.poll());
        assertTrue(find("first-case").isPresent());
    }

    @Test
    void a_jar_still_being_written_is_neither_loaded_nor_reported() throws IOException {
        open();
        byte[] whole = JarBuilder.from(classes).withClasses("test.a.FirstCase").withServices("test.a.FirstCase").bytes();
        Path file = plugins.resolve("a.jar");
        int third = whole.length / 3;

        Files.write(file, Arrays.copyOfRange(whole, 0, third));
        folder.poll();
        Files.write(file, Arrays.copyOfRange(whole, third, 2 * third), StandardOpenOption.APPEND);
        folder.poll();
        Files.write(file, Arrays.copyOfRange(whole, 2 * third, whole.length), StandardOpenOption.APPEND);
        folder.poll();
        assertEquals(Optional.empty(), status("a.jar"), "nothing said about a jar that kept changing");

        folder.poll();
        assertEquals("loaded", status("a.jar").orElseThrow().status());
    }

    @Test
    void a_corrupt_jar_is_reported_once_and_loaded_when_it_is_fixed() throws IOException {
        Files.writeString(plugins.resolve("a.jar"), "not a jar at all");
        open();
        assertTrue(status("a.jar").orElseThrow().error().startsWith("not a jar: "));
        assertFalse(folder.poll(), "the same broken file is not tried again");

        write(plugins.resolve("a.jar"), classes, "test.a.FirstCase");
        folder.poll();
        folder.poll();

        assertEquals("loaded", status("a.jar").orElseThrow().status());
        assertTrue(find("first-case").isPresent());
    }

    @Test
    void replacing_a_jar_replaces_its_cases_and_closes_the_old_class_loader() throws IOException {
        write(plugins.resolve("shared.jar"), classes, "test.v1.SharedIdCase");
        open();
        RegisteredCase before = find("shared-id").orElseThrow();

        write(plugins.resolve("shared.jar"), classes, "test.v2.SharedIdCase");
        folder.poll();
        folder.poll();

        assertEquals("Shared, second version", find("shared-id").orElseThrow().info().title());
        assertTrue(loaderOf(before).isClosed());
        assertTrue(log().contains("socketlab: plugin shared.jar: reloaded: shared-id"), log());
    }

    @Test
    void removing_a_jar_removes_its_cases_and_closes_its_class_loader() throws IOException {
        write(plugins.resolve("a.jar"), classes, "test.a.FirstCase");
        open();
        RegisteredCase before = find("first-case").orElseThrow();

        Files.delete(plugins.resolve("a.jar"));

        assertTrue(folder.poll(), "a removal needs no second look");
        assertEquals(Optional.empty(), find("first-case"));
        assertEquals(Optional.empty(), status("a.jar"));
        assertTrue(loaderOf(before).isClosed());
        assertTrue(log().contains("socketlab: plugin a.jar: removed"), log());
    }

    @Test
    void a_run_under_way_finishes_on_the_version_it_started_with() throws Exception {
        write(plugins.resolve("gate.jar"), gateV1, "test.gate.GateCase");
        open();
        RegisteredCase v1 = find("gate").orElseThrow();
        try (ServerSocket gate = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            gate.setSoTimeout(10_000);
            CompletableFuture<Transcript> run = CompletableFuture.supplyAsync(
                    () -> CaseRunner.run(v1.labCase(), Map.of("port", gate.getLocalPort())));
            try (Socket runner = gate.accept()) {
                write(plugins.resolve("gate.jar"), gateV2, "test.gate.GateCase");
                folder.poll();
                folder.poll();
                assertEquals("Gate, version 2", find("gate").orElseThrow().info().title());
                assertFalse(loaderOf(v1).isClosed(), "the run of version 1 still needs its classes");

                runner.getOutputStream().write('!');
            }
            Transcript transcript = run.get(20, TimeUnit.SECONDS);

            assertEquals(Outcome.PASSED, transcript.outcome(), transcript::toString);
            assertEquals(List.of("version 1"), transcript.output());
            assertTrue(loaderOf(v1).isClosed(), "closed once its last run ended");
        }
    }

    @Test
    void a_case_id_of_a_built_in_case_is_refused_and_the_built_in_case_kept() throws IOException {
        write(plugins.resolve("impostor.jar"), classes, "test.dup.MissingMessageAgain");

        open();

        PluginStatus status = status("impostor.jar").orElseThrow();
        assertEquals("failed", status.status());
        assertEquals("case id 'missing-message' is already used by a built-in case", status.error());
        assertEquals(RegisteredCase.BUILT_IN, find("missing-message").orElseThrow().origin());
    }

    @Test
    void a_case_id_of_another_plugin_is_refused_and_the_jar_loaded_first_keeps_it() throws IOException {
        write(plugins.resolve("z-first.jar"), classes, "test.v1.SharedIdCase");
        open();

        write(plugins.resolve("a-later.jar"), classes, "test.v2.SharedIdCase");
        folder.poll();
        folder.poll();

        assertEquals("z-first.jar", find("shared-id").orElseThrow().origin());
        assertEquals("case id 'shared-id' is already used by plugin z-first.jar", status("a-later.jar").orElseThrow().error());
        assertTrue(log().contains("socketlab: plugin a-later.jar: failed: case id 'shared-id' is already used"), log());
    }

    @Test
    void a_case_id_given_up_by_one_plugin_goes_to_the_other() throws IOException {
        write(plugins.resolve("a.jar"), classes, "test.v1.SharedIdCase");
        write(plugins.resolve("b.jar"), classes, "test.v2.SharedIdCase");
        open();

        Files.delete(plugins.resolve("a.jar"));
        folder.poll();

        assertEquals("b.jar", find("shared-id").orElseThrow().origin());
        assertEquals("loaded", status("b.jar").orElseThrow().status());
        assertTrue(log().contains("socketlab: plugin b.jar: loaded: shared-id"), log());
    }

    @Test
    void a_jar_without_a_services_file_is_reported() throws IOException {
        JarBuilder.from(classes).withClasses("test.a.FirstCase").writeTo(plugins.resolve("a.jar"));

        open();

        assertTrue(status("a.jar").orElseThrow().error().contains("META-INF/services/org.socketlab.api.LabCase"));
    }

    @Test
    void closing_takes_every_plugin_out_of_the_catalogue() throws IOException {
        write(plugins.resolve("a.jar"), classes, "test.a.FirstCase");
        open();
        RegisteredCase before = find("first-case").orElseThrow();

        folder.close();

        assertEquals(Optional.empty(), find("first-case"));
        assertTrue(loaderOf(before).isClosed());
        assertFalse(folder.poll());
    }

    private static PluginClassLoader loaderOf(RegisteredCase registered) {
        return ((PluginCase) registered.labCase()).loader();
    }
}
