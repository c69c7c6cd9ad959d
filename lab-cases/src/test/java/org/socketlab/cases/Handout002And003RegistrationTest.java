package org.socketlab.cases;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.socketlab.api.LabCase;

class Handout002And003RegistrationTest {

    @Test
    void every_case_of_handouts_002_and_003_is_registered_as_a_service() {
        Set<String> ids = ServiceLoader.load(LabCase.class).stream()
                .map(provider -> provider.get().info().id()).collect(Collectors.toSet());

        assertTrue(ids.containsAll(Set.of("simple-get", "large-file-get", "simple-server", "socket-basics",
                "server-push", "web-server", "threaded-web-server", "http-client-cli")), ids.toString());
    }
}
