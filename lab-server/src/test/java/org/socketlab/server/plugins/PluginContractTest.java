package org.socketlab.server.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;
import org.socketlab.engine.CaseFailure;
import org.socketlab.engine.Engine;
import org.socketlab.engine.RunHandle;
import org.socketlab.engine.RunSettings;

/**
 * A plugin sees lab-api's contract (org.socketlab.api, org.socketlab.api.transcript) and not its engine: a plugin
 * compiled against the whole lab-api jar that names an engine class loads, or runs, into a message saying that
 * the class is not part of the contract.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PluginContractTest {
    private static final String NOT_CONTRACT = "is not part of the plugin contract";

    @TempDir
    static Path work;
    private static Path classes;

    @TempDir
    Path dir;
    private PluginLoader loader;

    @BeforeAll
    static void compilePlugins() throws IOException {
        classes = JavaSources.compile(work.resolve("classes"), Map.of(
                // Runs a case itself with the engine, in run(): the class loads, its run fails.
                "e.EngineInRunCase", JavaSources.header("e.EngineInRunCase") + """
                        public final class EngineInRunCase implements LabCase {
                            public CaseInfo info() {
                                return CaseInfo.builder("engine-in-run").title("E").summary("E").source("E").build();
                            }
                            public void run(RunContext context) {
                                context.actor("Plugin").print("before");
                                org.socketlab.engine.RunSettings settings = org.socketlab.engine.RunSettings.defaults();
                                context.actor("Plugin").print("after " + settings);
                            }
                        }
                        """,
                // A class of the engine's package in a plugin's own jar (a copy of lab-api shaded into it).
                "org.socketlab.engine.Smuggled", """
                        package org.socketlab.engine;

                        public final class Smuggled {
                        }
                        """,
                // Keeps the engine's settings in a static field: the class cannot even be created.
                "e.EngineInStaticCase", JavaSources.header("e.EngineInStaticCase") + """
                        public final class EngineInStaticCase implements LabCase {
                            static final Object SETTINGS = org.socketlab.engine.RunSettings.defaults();
                            public CaseInfo info() {
                                return CaseInfo.builder("engine-in-static").title("E").summary("E").source("E").build();
                            }
                            public void run(RunContext context) {}
                        }
                        """));
    }

    @BeforeEach
    void createLoader() throws IOException {
        loader = new PluginLoader(Files.createDirectories(dir.resolve("copies")), Duration.ofSeconds(10));
    }

    private PluginJar load(String className) throws IOException {
        Path file = JarBuilder.from(classes).withClasses(className).withServices(className)
                .writeTo(dir.resolve(JavaSources.simpleName(className) + ".jar"));
        return loader.load(file, FileStamp.of(file)).orElseThrow().jar();
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.socketlab.engine.Engine", "org.socketlab.engine.RecordingContext",
            "org.socketlab.engine.ContractAccess", "org.socketlab.api.EngineAccess"})
    void a_plugins_class_loader_does_not_offer_the_engine(String className) throws Exception {
        Class.forName(className); // on the server's class path
        Path copy = JarBuilder.from(classes).withClasses("e.EngineInRunCase").writeTo(dir.resolve("copy.jar"));
        PluginClassLoader plugin = new PluginClassLoader("engine.jar", copy, new ApiClassLoader());
        try {
            if (className.startsWith("org.socketlab.engine.")) {
                ClassNotFoundException e = assertThrows(ClassNotFoundException.class, () -> plugin.loadClass(className));
                assertTrue(e.getMessage().startsWith(className + " " + NOT_CONTRACT), e.getMessage());
            } else {
                // A class of the contract's package that is not public: loadable, but a plugin cannot use it.
                assertEquals(Class.forName(className), plugin.loadClass(className));
            }
        } finally {
            plugin.retire();
        }
    }

    @Test
    void a_plugins_own_jar_cannot_supply_a_class_of_the_engines_package() throws Exception {
        Path copy = JarBuilder.from(classes).withClasses("org.socketlab.engine.Smuggled").writeTo(dir.resolve("s.jar"));
        PluginClassLoader plugin = new PluginClassLoader("smuggled.jar", copy, new ApiClassLoader());
        try {
            ClassNotFoundException e = assertThrows(ClassNotFoundException.class,
                    () -> plugin.loadClass("org.socketlab.engine.Smuggled"));
            assertTrue(e.getMessage().contains(NOT_CONTRACT), e.getMessage());
        } finally {
            plugin.retire();
        }
    }

    @Test
    void a_case_that_names_an_engine_class_in_run_loads_and_its_run_says_it_is_not_in_the_contract()
            throws IOException {
        PluginJar jar = load("e.EngineInRunCase");
        assertEquals(List.of(), jar.failures());

        List<CaseFailure> failures = new ArrayList<>();
        Transcript transcript = Engine.run(jar.cases().get(0).labCase(), Map.of(), RunSettings.defaults(),
                new RunHandle(), failures::add);

        assertEquals(Outcome.ERROR, transcript.outcome());
        assertEquals(List.of("before"), transcript.output());
        assertTrue(transcript.error().startsWith("NoClassDefFoundError: org.socketlab.engine.RunSettings "
                + NOT_CONTRACT), transcript.error());
        assertTrue(transcript.error().contains("(at e.EngineInRunCase.run("), transcript.error());
        // The class loader's exception is the error's cause, and shares the case's frame: listed once.
        assertEquals(1, failures.get(0).caseFrames().lines().count(), failures.get(0).caseFrames());
    }

    @Test
    void a_case_that_names_an_engine_class_in_a_static_field_fails_to_load_saying_it_is_not_in_the_contract()
            throws IOException {
        List<String> failures = load("e.EngineInStaticCase").failures();

        assertEquals(1, failures.size(), failures::toString);
        assertTrue(failures.get(0).contains("org.socketlab.engine.RunSettings " + NOT_CONTRACT), failures.get(0));
        assertTrue(!failures.get(0).contains("shade the libraries"), failures.get(0));
    }
}
