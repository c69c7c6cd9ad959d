package org.socketlab.server.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class NamedBuiltInsTest {
    private static final ClassLoader LOADER = NamedBuiltInsTest.class.getClassLoader();

    @Test
    void a_case_id_names_its_class() {
        assertEquals("PortScannerCase", NamedBuiltIns.className("port-scanner"));
        assertEquals("TcpCounterCase", NamedBuiltIns.className("tcp-counter"));
        assertNull(NamedBuiltIns.className("double--dash"));
    }

    @Test
    void finds_only_the_named_built_in_cases_in_the_order_named() {
        List<RegisteredCase> found = NamedBuiltIns.find(LOADER, List.of("udp-counter", "port-scanner", "udp-counter"))
                .orElseThrow();

        assertEquals(List.of("udp-counter", "port-scanner"), found.stream().map(RegisteredCase::id).toList());
        assertEquals(RegisteredCase.BUILT_IN, found.get(0).origin());
    }

    @Test
    void every_built_in_case_can_be_found_by_its_id_alone() {
        for (RegisteredCase c : CaseRegistry.ofBuiltIns().catalogue().cases()) {
            List<RegisteredCase> found = NamedBuiltIns.find(LOADER, List.of(c.id())).orElseThrow(
                    () -> new AssertionError(c.id() + " is not in a class named after it: `run " + c.id()
                            + "` loads every case"));
            assertSame(c.labCase().getClass(), found.get(0).labCase().getClass());
        }
    }

    @Test
    void an_id_no_built_in_case_has_means_discovering_them_all() {
        assertTrue(NamedBuiltIns.find(LOADER, List.of("port-scanner", "no-such-case")).isEmpty());

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CaseRegistry registry = CaseRegistry.ofBuiltIns(new PrintStream(log, true, StandardCharsets.UTF_8),
                List.of("no-such-case"));
        assertEquals(CaseRegistry.ofBuiltIns().catalogue().cases().size(), registry.catalogue().cases().size());
        assertEquals(1, CaseRegistry.ofBuiltIns(System.err, List.of("port-scanner")).catalogue().cases().size());
    }
}
