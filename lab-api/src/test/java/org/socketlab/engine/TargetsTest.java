package org.socketlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.socketlab.api.TargetNotAllowedException;
import org.socketlab.api.TargetPolicy;

class TargetsTest {
    @Test
    void a_closed_port_of_this_machine_is_refused_on_every_loopback_spelling() throws Exception {
        Targets targets = Targets.loopbackOnly().withClosedPort(8080);
        for (String host : new String[] {"localhost", "127.0.0.1", "127.0.0.2", "::1"}) {
            TargetNotAllowedException e = assertThrows(TargetNotAllowedException.class, () -> targets.resolve(host, 8080));
            assertTrue(e.getMessage().contains("Socket Lab's own"), e.getMessage());
        }
        assertTrue(targets.resolve("localhost", 8081).isLoopbackAddress(), "other ports stay open");
        assertTrue(Targets.anyHost().withClosedPort(8080).allowRemote());
    }

    @Test
    void a_test_kits_policy_becomes_the_same_targets_without_closed_ports() {
        RunSettings settings = RunSettings.of(org.socketlab.api.RunOptions.defaults().withTargets(TargetPolicy.anyHost()));
        assertEquals(new Targets(true), settings.targets());
    }
}
