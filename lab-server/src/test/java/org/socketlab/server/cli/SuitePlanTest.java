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

    @Test
    void each_entry_carries_its_values_checked_once_for_the_run() throws UsageException {
        List<SuitePlan.Entry> plan = SuitePlan.of(CATALOGUE, new Selection(List.of("port-scanner"), false, List.of()),
                List.of(ParamAssignment.parse("ports=1-3")));

        assertEquals("1-3", plan.get(0).params().get("ports"));
        assertEquals("1-3", plan.get(0).resolved().asMap().get("ports"));
        assertEquals(500, plan.get(0).resolved().asMap().get("timeoutMillis"));
    }

    @Test
    void a_value_the_case_refuses_is_a_usage_error_naming_the_case_and_parameter() {
        UsageException e = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class, () -> SuitePlan.of(
                CATALOGUE, new Selection(List.of("port-scanner"), false, List.of()),
                List.of(ParamAssignment.parse("ports=5-1"))));

        assertEquals("ports", e.parameter());
        assertEquals(true, e.getMessage().startsWith("port-scanner: "), e.getMessage());
    }
}
