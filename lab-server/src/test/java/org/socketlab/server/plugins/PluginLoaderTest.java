package org.socketlab.server.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.api.CaseRunner;
import org.socketlab.api.LabApi;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PluginLoaderTest {
    @TempDir
    static Path work;
    private static Path classes;

    @TempDir
    Path dir;
    private PluginLoader loader;

    @BeforeAll
    static void compilePlugins() throws IOException {
        classes = JavaSources.compile(work.resolve("classes"), Map.of(
                "test.good.GoodCase", JavaSources.simpleCase("test.good.GoodCase", "good-case", "Good"),
                "test.good.SecondCase", JavaSources.simpleCase("test.good.SecondCase", "second-case", "Second"),
                "test.broken.MissingBase", "package test.broken; public abstract class MissingBase {}",
                "test.broken.BrokenCase", JavaSources.header("test.broken.BrokenCase") + """
                        public final class BrokenCase extends MissingBase implements LabCase {
                            public CaseInfo info() { return CaseInfo.builder("broken").title("B").summary("B").source("B").build(); }
                            public void run(RunContext context) {}
                        }
                        """,
                "test.info.InfoThrowsCase", JavaSources.header("test.info.InfoThrowsCase") + """
                        public final class InfoThrowsCase implements LabCase {
                            public CaseInfo info() { throw new IllegalStateException("no info today"); }
                            public void run(RunContext context) {}
                        }
                        """,
                "test.slow.SlowInfoCase", JavaSources.header("test.slow.SlowInfoCase") + """
                        public final class SlowInfoCase implements LabCase {
                            public CaseInfo info() {
                                try {
                                    new java.util.concurrent.CountDownLatch(1).await();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                throw new IllegalStateException("interrupted");
                            }
                            public void run(RunContext context) {}
                        }
                        """,
                "com.google.gson.Gson", """
                        package com.google.gson;
                        public final class Gson {
                            public static String origin() { return "the plugin's own Gson"; }
                        }
                        """,
                "test.shaded.ShadedCase", JavaSources.header("test.shaded.ShadedCase") + """
                        public final class ShadedCase implements LabCase {
                            public CaseInfo info() { return CaseInfo.builder("shaded").title("S").summary("S").source("S").build(); }
                            public void run(RunContext context) {
                                ClassLoader mine = ShadedCase.class.getClassLoader();
                                context.actor("Plugin").print(com.google.gson.Gson.origin());
                                context.check("Gson is the plugin's own", com.google.gson.Gson.class.getClassLoader() == mine, null, null);
                                context.check("the context class loader is the plugin's",
                                        Thread.currentThread().getContextClassLoader() == mine, null, null);
                                boolean seesServerGson;
                                try {
                                    Class.forName("com.google.gson.JsonParser");
                                    seesServerGson = true;
                                } catch (ClassNotFoundException e) {
                                    seesServerGson = false;
                                }
                                context.checkEquals("the server's Gson is out of sight", false, seesServerGson);
                            }
                        }
                        """));
    }

    @BeforeEach
    void createLoader() throws IOException {
        loader = new PluginLoader(Files.createDirectories(dir.resolve("copies")), Duration.ofSeconds(10));
    }

    private JarBuilder jar(String... classNames) throws IOException {
        return JarBuilder.from(classes).withClasses(classNames);
    }

    private LoadedJar load(Path file) throws IOException {
        return loader.load(file, FileStamp.of(file)).orElseThrow();
    }

    private String onlyFailure(LoadedJar loaded) {
        assertEquals(1, loaded.jar().failures().size(), loaded.jar().failures()::toString);
        return loaded.jar().failures().get(0);
    }

    @Test
    void loads_the_cases_of_a_good_jar_with_the_jar_as_their_origin() throws IOException {
        Path file = jar("test.good.GoodCase", "test.good.SecondCase")
                .withServices("test.good.GoodCase", "test.good.SecondCase").writeTo(dir.resolve("good.jar"));

        LoadedJar loaded = load(file);

        assertEquals(List.of(), loaded.jar().failures());
        assertEquals(List.of(), loaded.jar().warnings());
        assertEquals(List.of("good-case", "second-case"), loaded.jar().cases().stream().map(RegisteredCase::id).toList());
        assertTrue(loaded.jar().cases().stream().allMatch(c -> c.origin().equals("good.jar")));
        Transcript transcript = CaseRunner.run(loaded.jar().cases().get(0).labCase());
        assertEquals(Outcome.PASSED, transcript.outcome());
        assertEquals(List.of("Good ran"), transcript.output());
    }

    @Test
    void reports_a_file_that_is_not_a_zip_as_not_a_jar() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.jar"), "these are my notes, not a jar");

        LoadedJar loaded = load(file);

        assertTrue(onlyFailure(loaded).startsWith("not a jar: "), onlyFailure(loaded));
        assertEquals(List.of(), loaded.jar().cases());
    }

    @Test
    void reports_a_truncated_jar_as_not_a_jar() throws IOException {
        byte[] whole = jar("test.good.GoodCase").withServices("test.good.GoodCase").bytes();
        Path file = Files.write(dir.resolve("half.jar"), Arrays.copyOf(whole, whole.length / 2));

        LoadedJar loaded = load(file);

        assertTrue(onlyFailure(loaded).startsWith("not a jar: "), onlyFailure(loaded));
    }

    @Test
    void reports_a_case_whose_class_fails_to_link_and_keeps_the_other_cases_of_the_jar() throws IOException {
        Path file = jar("test.broken.BrokenCase", "test.good.GoodCase")
                .withServices("test.broken.BrokenCase", "test.good.GoodCase").writeTo(dir.resolve("broken.jar"));

        LoadedJar loaded = load(file);

        String failure = onlyFailure(loaded);
        assertTrue(failure.contains("NoClassDefFoundError") && failure.contains("test/broken/MissingBase"), failure);
        assertTrue(failure.contains("shade the libraries it uses into its jar"), failure);
        assertEquals(List.of("good-case"), loaded.jar().cases().stream().map(RegisteredCase::id).toList());
    }

    @Test
    void reports_a_case_whose_info_throws() throws IOException {
        Path file = jar("test.info.InfoThrowsCase").withServices("test.info.InfoThrowsCase")
                .writeTo(dir.resolve("info.jar"));

        String failure = onlyFailure(load(file));

        assertTrue(failure.contains("test.info.InfoThrowsCase could not describe itself"), failure);
        assertTrue(failure.contains("no info today"), failure);
    }

    @Test
    void reports_a_provider_that_the_jar_does_not_contain() throws IOException {
        Path file = jar("test.good.GoodCase").withServices("test.good.GoodCase", "test.good.Nowhere")
                .writeTo(dir.resolve("typo.jar"));

        LoadedJar loaded = load(file);

        assertTrue(onlyFailure(loaded).contains("names test.good.Nowhere, which is not in this jar: check the spelling"),
                onlyFailure(loaded));
        assertEquals(1, loaded.jar().cases().size());
    }

    @Test
    void refuses_a_jar_built_for_another_major_version_naming_both_versions() throws IOException {
        Path file = jar("test.good.GoodCase").withServices("test.good.GoodCase").withApiVersion("2.0")
                .writeTo(dir.resolve("future.jar"));

        LoadedJar loaded = load(file);

        String failure = onlyFailure(loaded);
        assertTrue(failure.contains("built for lab-api 2.0, but this Socket Lab provides lab-api " + LabApi.VERSION), failure);
        assertEquals(List.of(), loaded.jar().cases());
        assertNull(loaded.loader());
    }

    @Test
    void refuses_a_jar_whose_declared_version_cannot_be_read() throws IOException {
        Path file = jar("test.good.GoodCase").withServices("test.good.GoodCase").withApiVersion("latest")
                .writeTo(dir.resolve("latest.jar"));

        String failure = onlyFailure(load(file));

        assertTrue(failure.contains("SocketLab-Api-Version is 'latest'; expected MAJOR.MINOR, such as " + LabApi.VERSION), failure);
    }

    @Test
    void loads_a_jar_that_declares_no_version_with_a_warning_saying_how_to_declare_it() throws IOException {
        Path file = jar("test.good.GoodCase").withServices("test.good.GoodCase").withApiVersion(null)
                .writeTo(dir.resolve("plain.jar"));

        LoadedJar loaded = load(file);

        assertEquals(1, loaded.jar().cases().size());
        assertEquals(List.of(), loaded.jar().failures());
        String warning = loaded.jar().warnings().get(0);
        assertTrue(warning.contains("add 'SocketLab-Api-Version: " + LabApi.VERSION + "' to its META-INF/MANIFEST.MF"), warning);
    }

    @Test
    void gives_up_on_a_jar_whose_case_never_finishes_loading() throws IOException {
        PluginLoader impatient = new PluginLoader(dir.resolve("copies"), Duration.ofMillis(300));
        Path file = jar("test.slow.SlowInfoCase").withServices("test.slow.SlowInfoCase").writeTo(dir.resolve("slow.jar"));

        LoadedJar loaded = impatient.load(file, FileStamp.of(file)).orElseThrow();

        assertTrue(onlyFailure(loaded).contains("took longer than 300 ms"), onlyFailure(loaded));
    }

    @Test
    void a_plugin_runs_with_its_own_copy_of_a_library_that_the_server_also_has() throws IOException {
        Path file = jar("test.shaded.ShadedCase", "com.google.gson.Gson").withServices("test.shaded.ShadedCase")
                .writeTo(dir.resolve("shaded.jar"));

        Transcript transcript = CaseRunner.run(load(file).jar().cases().get(0).labCase());

        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.checks()::toString);
        assertEquals(List.of("the plugin's own Gson"), transcript.output());
    }

    @Test
    void reads_a_copy_so_that_the_original_can_be_deleted_while_its_cases_are_loaded() throws IOException {
        Path file = jar("test.good.GoodCase").withServices("test.good.GoodCase").writeTo(dir.resolve("good.jar"));
        LoadedJar loaded = load(file);

        Files.delete(file);

        assertEquals(Outcome.PASSED, CaseRunner.run(loaded.jar().cases().get(0).labCase()).outcome());
    }

    @Test
    void loads_nothing_from_a_file_that_changed_since_it_was_seen() throws IOException {
        Path file = jar("test.good.GoodCase").withServices("test.good.GoodCase").writeTo(dir.resolve("growing.jar"));
        FileStamp seen = FileStamp.of(file);
        Files.write(file, "more bytes".getBytes(StandardCharsets.US_ASCII), java.nio.file.StandardOpenOption.APPEND);

        Optional<LoadedJar> loaded = loader.load(file, seen);

        assertEquals(Optional.empty(), loaded);
    }

    @Test
    void a_jar_with_no_case_keeps_no_class_loader_open() throws IOException {
        Path file = jar("test.info.InfoThrowsCase").withServices("test.info.InfoThrowsCase")
                .writeTo(dir.resolve("info.jar"));

        LoadedJar loaded = load(file);

        assertNull(loaded.loader());
        try (var copies = Files.list(dir.resolve("copies"))) {
            assertEquals(List.of(), copies.toList(), "the copy of a jar without cases is deleted at once");
        }
    }
}
