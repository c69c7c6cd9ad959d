package org.socketlab.server.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each mistake an instructor makes in a plugin, made on purpose: the message must say what to change. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PluginMistakesTest {
    @TempDir
    static Path work;
    private static Path classes;

    @TempDir
    Path dir;
    private PluginLoader loader;

    @BeforeAll
    static void compilePlugins() throws IOException {
        classes = JavaSources.compile(work.resolve("classes"), Map.of(
                "m.BadDefaultCase", JavaSources.header("m.BadDefaultCase") + """
                        public final class BadDefaultCase implements LabCase {
                            static final ParamSpec SIZE = ParamSpec.integer("size", 0, 1, 10, "too small a default");
                            public CaseInfo info() { return CaseInfo.builder("bad-default").title("B").summary("B").source("B").build(); }
                            public java.util.List<ParamSpec> params() { return java.util.List.of(SIZE); }
                            public void run(RunContext context) {}
                        }
                        """,
                "m.HiddenCase", JavaSources.header("m.HiddenCase") + """
                        final class HiddenCase implements LabCase {
                            public CaseInfo info() { return CaseInfo.builder("hidden").title("H").summary("H").source("H").build(); }
                            public void run(RunContext context) {}
                        }
                        """,
                "m.Outer", JavaSources.header("m.Outer") + """
                        public final class Outer {
                            public class InnerCase implements LabCase {
                                public CaseInfo info() { return CaseInfo.builder("inner").title("I").summary("I").source("I").build(); }
                                public void run(RunContext context) {}
                            }
                        }
                        """,
                "m.ArgumentCase", JavaSources.header("m.ArgumentCase") + """
                        public final class ArgumentCase implements LabCase {
                            private final String id;
                            public ArgumentCase(String id) { this.id = id; }
                            public CaseInfo info() { return CaseInfo.builder(id).title("A").summary("A").source("A").build(); }
                            public void run(RunContext context) {}
                        }
                        """,
                "m.NotACase", JavaSources.header("m.NotACase") + """
                        public final class NotACase {
                        }
                        """,
                "m.GoodCase", JavaSources.simpleCase("m.GoodCase", "good-one", "Good"),
                "m.TwinCase", JavaSources.simpleCase("m.TwinCase", "good-one", "Twin")));
    }

    @BeforeEach
    void createLoader() throws IOException {
        loader = new PluginLoader(Files.createDirectories(dir.resolve("copies")), Duration.ofSeconds(10));
    }

    private List<String> failures(JarBuilder jar) throws IOException {
        Path file = jar.writeTo(dir.resolve("mistake.jar"));
        return loader.load(file, FileStamp.of(file)).orElseThrow().jar().failures();
    }

    private JarBuilder jar(String... classNames) throws IOException {
        return JarBuilder.from(classes).withClasses(classNames);
    }

    private static final String FILE = "META-INF/services/org.socketlab.api.LabCase";

    @Test
    void a_bad_default_in_a_static_field_gives_the_cause() throws IOException {
        assertEquals(List.of(FILE + ": Provider m.BadDefaultCase could not be instantiated (caused by "
                + "IllegalArgumentException: default of parameter 'size': must be an integer from 1 to 10, got 0)"),
                failures(jar("m.BadDefaultCase").withServices("m.BadDefaultCase")));
    }

    @Test
    void a_class_that_is_not_public_is_told_to_be() throws IOException {
        assertEquals(List.of(FILE + ": m.HiddenCase is not public: declare it 'public class HiddenCase'"),
                failures(jar("m.HiddenCase").withServices("m.HiddenCase")));
    }

    @Test
    void an_inner_class_is_told_to_be_static() throws IOException {
        assertEquals(List.of(FILE + ": m.Outer$InnerCase is an inner class: Socket Lab cannot create it without an "
                + "instance of Outer; declare it 'public static class InnerCase', or move it to a file of its own"),
                failures(jar("m.Outer").withServices("m.Outer$InnerCase")));
    }

    @Test
    void a_class_without_a_public_no_argument_constructor_is_told_to_add_one() throws IOException {
        assertEquals(List.of(FILE + ": m.ArgumentCase has no public constructor without arguments: Socket Lab makes "
                + "one instance of each case with 'new ArgumentCase()'; add 'public ArgumentCase() { }', and take "
                + "what the constructor took from parameters instead"),
                failures(jar("m.ArgumentCase").withServices("m.ArgumentCase")));
    }

    @Test
    void a_class_that_is_not_a_case_is_told_to_implement_lab_case() throws IOException {
        assertEquals(List.of(FILE + ": m.NotACase is not a case: declare it 'public class NotACase implements "
                + "org.socketlab.api.LabCase', or remove it from the services file"),
                failures(jar("m.NotACase").withServices("m.NotACase")));
    }

    @Test
    void a_services_line_naming_a_class_the_jar_lacks_says_to_check_the_spelling() throws IOException {
        assertEquals(List.of(FILE + ": names m.GodCase, which is not in this jar: check the spelling of the class "
                + "and of its package, and that the class was compiled into the jar"),
                failures(jar("m.GoodCase").withServices("m.GodCase")));
    }

    @Test
    void a_services_line_with_slashes_or_dot_class_shows_the_name_to_write() throws IOException {
        assertEquals(List.of(FILE + " line 2: 'm/GoodCase' is not a class name; write the fully qualified name with "
                + "dots, without .class: m.GoodCase"),
                failures(jar("m.GoodCase").withEntry(FILE, "# my cases\nm/GoodCase\n")));
        String dotClass = failures(jar("m.GoodCase").withServices("m.GoodCase.class")).get(0);
        assertTrue(dotClass.endsWith("without .class: m.GoodCase"), dotClass);
        assertTrue(!dotClass.contains("jar:file:"), dotClass);
    }

    @Test
    void an_empty_services_file_says_what_to_write_in_it() throws IOException {
        assertEquals(List.of(FILE + " is empty: write the fully qualified name of each case class on a line of its "
                + "own, such as org.example.echo.EchoCase"),
                failures(jar("m.GoodCase").withEntry(FILE, "\n# nothing yet\n")));
    }

    @Test
    void the_same_id_twice_in_one_jar_names_both_classes_and_keeps_the_first() throws IOException {
        Path file = jar("m.GoodCase", "m.TwinCase").withServices("m.GoodCase", "m.TwinCase")
                .writeTo(dir.resolve("twins.jar"));
        PluginJar loaded = loader.load(file, FileStamp.of(file)).orElseThrow().jar();
        assertEquals(List.of("case id 'good-one' is declared twice in this jar, by m.GoodCase and m.TwinCase: give "
                + "each case its own id"), loaded.failures());
        assertEquals(1, loaded.cases().size());
    }

    @Test
    void the_missing_manifest_warning_is_written_to_the_server_log() {
        PluginStatus status = new PluginStatus("plain.jar", true, List.of("good-one"), null,
                List.of("no SocketLab-Api-Version in its manifest"));
        assertEquals("loaded: good-one; warning: no SocketLab-Api-Version in its manifest",
                PluginLog.describe(status, false));
    }
}
