package org.socketlab.cases;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.socketlab.api.LabCase;

class Handout001RegistrationTest {

    @Test
    void every_case_of_handout_001_is_registered_as_a_service() {
        Set<String> ids = ServiceLoader.load(LabCase.class).stream()
                .map(provider -> provider.get().info().id()).collect(Collectors.toSet());

        assertTrue(ids.containsAll(Set.of("tcp-counter", "udp-counter", "http-manual-client", "http-visitor-server",
                "error-handling", "request-info-server")), ids.toString());
    }
}
