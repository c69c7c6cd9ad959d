package org.socketlab.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketlab.api.LabCase;

class Handout004CasesTest {
    private static final Map<String, LabCase> REGISTERED = ServiceLoader.load(LabCase.class).stream()
            .map(ServiceLoader.Provider::get)
            .collect(Collectors.toMap(c -> c.info().id(), Function.identity()));

    @ParameterizedTest
    @ValueSource(strings = {"tcp-uppercase", "udp-uppercase", "tcp-client-first", "udp-client-first",
            "mismatched-ports"})
    void each_case_is_registered_under_handout_004_with_a_described_scenario(String id) {
        LabCase labCase = REGISTERED.get(id);

        assertTrue(labCase != null, id + " is in META-INF/services");
        assertEquals(Handouts.H004, labCase.info().group());
        assertTrue(labCase.info().source().startsWith("Handout 004, "), labCase.info().source());
        String description = labCase.info().description();
        for (String section : new String[] {"## Scenario", "## What to look for", "## Try"}) {
            assertTrue(description.contains(section), id + " lacks " + section);
        }
    }
}
