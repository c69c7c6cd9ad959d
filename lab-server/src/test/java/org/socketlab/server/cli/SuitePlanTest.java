package org.socketlab.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.socketlab.server.plugins.CaseRegistry;
import org.socketlab.server.plugins.Catalogue;
import org.socketlab.server.plugins.RegisteredCase;

class SuitePlanTest {
    private static final Catalogue CATALOGUE = CaseRegistry.ofBuiltIns().catalogue();

    @Test
    void ids_then_tags_each_case_once_in_the_order_named() throws UsageException {
        List<String> udp = CATALOGUE.cases().stream().filter(c -> c.info().tags().contains("udp"))
                .map(RegisteredCase::id).toList();
        List<SuitePlan.Entry> plan = SuitePlan.of(CATALOGUE,
                new Selection(List.of("port-scanner", "udp-counter", "port-scanner"), false, List.of("udp")), List.of());

        List<String> expected = new java.util.ArrayList<>(List.of("port-scanner", "udp-counter"));
        udp.stream().filter(id -> !expected.contains(id)).forEach(expected::add);
        assertEquals(expected, plan.stream().map(e -> e.registered().id()).toList());
    }

    @Test
    void all_runs_every_case_once_after_the_ids_named() throws UsageException {
        List<SuitePlan.Entry> plan = SuitePlan.of(CATALOGUE, new Selection(List.of("udp-counter"), true, List.of()),
                List.of());

        assertEquals(CATALOGUE.cases().size(), plan.size());
        assertEquals("udp-counter", plan.get(0).registered().id());
    }
}
