package org.socketlab.server.plugins;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketlab.api.LabCase;
import org.socketlab.api.transcript.Transcript;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PluginClassLoaderTest {
    private static final String SERVICES = "META-INF/services/org.socketlab.api.LabCase";

    @TempDir
    static Path work;
    private static Path classes;

    @TempDir
    Path dir;
    private Path copy;
    private PluginClassLoader loader;

    @BeforeAll
    static void compilePlugin() throws IOException {
        classes = JavaSources.compile(work.resolve("classes"), Map.of(
                "com.google.gson.Gson", """
                        package com.google.gson;

                        /** A class of the same name as the server's Gson, as a plugin shading an old Gson has. */
                        public final class Gson {
                            public static String origin() {
                                return "the plugin's own Gson";
                            }
                        }
                        """,
                "test.shaded.ShadedCase", JavaSources.simpleCase("test.shaded.ShadedCase", "shaded", "Shaded")));
    }

    @BeforeEach
    void openLoader() throws IOException {
        copy = JarBuilder.from(classes).withClasses("com.google.gson.Gson", "test.shaded.ShadedCase")
                .withServices("test.shaded.ShadedCase").writeTo(dir.resolve("copy-of-shaded.jar"));
        loader = new PluginClassLoader("shaded.jar", copy, new ApiClassLoader());
    }

    @AfterEach
    void closeLoader() {
        loader.retire();
    }

    @Test
    void a_plugin_gets_its_own_copy_of_a_class_that_is_also_on_the_servers_class_path() throws Exception {
        Class<?> serverGson = Class.forName("com.google.gson.Gson");

        Class<?> pluginGson = loader.loadClass("com.google.gson.Gson");

        assertNotSame(serverGson, pluginGson);
        assertSame(loader, pluginGson.getClassLoader());
        assertEquals("the plugin's own Gson", pluginGson.getMethod("origin").invoke(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.google.gson.JsonParser", "org.jsoup.Jsoup", "org.socketlab.server.plugins.Catalogue",
            "org.socketlab.server.Main", "org.socketlab.cases.tcp.MissingMessageCase", "org.junit.jupiter.api.Test"})
    void a_plugin_cannot_see_the_servers_classes_nor_its_libraries(String className) {
        assertDoesNotThrow(() -> Class.forName(className), "the test needs " + className + " on its class path");

        assertThrows(ClassNotFoundException.class, () -> loader.loadClass(className));
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.socketlab.api.LabCase", "org.socketlab.api.RunContext",
            "org.socketlab.api.transcript.Transcript"})
    void a_plugin_shares_lab_api_with_the_server(String className) throws Exception {
        assertSame(Class.forName(className), loader.loadClass(className));
    }

    @ParameterizedTest
    @ValueSource(strings = {"java.lang.String", "java.net.http.HttpClient", "java.sql.Connection", "javax.tools.ToolProvider"})
    void a_plugin_sees_the_jdk(String className) throws Exception {
        assertSame(Class.forName(className), loader.loadClass(className));
    }

    @Test
    void a_plugin_finds_its_own_services_file_and_not_the_built_in_cases_one() throws IOException {
        assertFalse(Collections.list(getClass().getClassLoader().getResources(SERVICES)).isEmpty(),
                "the test needs the built-in cases' services file on its class path");

        List<URL> found = Collections.list(loader.getResources(SERVICES));

        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).toString().contains("copy-of-shaded.jar"), found::toString);
    }

    @Test
    void its_cases_are_lab_cases_of_the_server() throws Exception {
        LabCase labCase = (LabCase) loader.loadClass("test.shaded.ShadedCase").getConstructor().newInstance();

        Transcript transcript = org.socketlab.api.CaseRunner.run(labCase);

        assertEquals(List.of("Shaded ran"), transcript.output());
    }

    @Test
    void a_retired_loader_stays_open_until_its_last_run_ends_then_closes_and_deletes_its_copy() {
        assertTrue(loader.enter());
        assertTrue(loader.enter());

        loader.retire();
        loader.exit();
        assertFalse(loader.isClosed());
        assertTrue(Files.exists(copy));

        loader.exit();
        assertTrue(loader.isClosed());
        assertFalse(Files.exists(copy));
        assertFalse(loader.enter(), "no run may start on a closed loader");
    }

    @Test
    void a_retired_loader_that_no_run_uses_closes_at_once() {
        loader.retire();

        assertTrue(loader.isClosed());
        assertFalse(Files.exists(copy));
    }
}
