package org.socketlab.server.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.socketlab.api.CaseInfo;
import org.socketlab.api.LabCase;
import org.socketlab.api.RunContext;

class CatalogueTest {

    private static RegisteredCase named(String id, String origin) {
        LabCase labCase = new LabCase() {
            @Override
            public CaseInfo info() {
                return CaseInfo.builder(id).title(id).summary(id).source("tests").build();
            }

            @Override
            public void run(RunContext context) {
            }
        };
        return CaseDiscovery.describe(labCase, origin);
    }

    @Test
    void a_plugin_case_may_not_take_a_built_in_id() {
        Catalogue catalogue = Catalogue.of(List.of(named("echo", RegisteredCase.BUILT_IN)),
                List.of(new PluginJar("copy.jar", List.of(named("echo", "copy.jar")), List.of())));

        assertEquals(RegisteredCase.BUILT_IN, catalogue.find("echo").orElseThrow().origin());
        PluginStatus status = catalogue.plugins().get(0);
        assertFalse(status.loaded());
        assertTrue(status.error().contains("already used by a built-in case"), status.error());
    }

    @Test
    void warnings_are_reported_apart_from_errors_on_a_jar_that_loaded() {
        Catalogue catalogue = Catalogue.of(List.of(), List.of(new PluginJar("mine.jar",
                List.of(named("mine", "mine.jar")), List.of(), List.of("declares no lab-api version"))));

        PluginStatus status = catalogue.plugins().get(0);
        assertTrue(status.loaded());
        assertNull(status.error());
        assertEquals(List.of("declares no lab-api version"), status.warnings());
    }

    @Test
    void a_jar_without_cases_is_failed_and_says_what_it_needs() {
        Catalogue catalogue = Catalogue.of(List.of(), List.of(new PluginJar("empty.jar", List.of(), List.of())));

        assertTrue(catalogue.plugins().get(0).error().contains("META-INF/services/org.socketlab.api.LabCase"));
    }
}
