package org.socketlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// No test here may depend on a DNS server: every host either resolves locally or is refused before a lookup.
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TargetPolicyTest {
    private final TargetPolicy loopbackOnly = TargetPolicy.loopbackOnly();

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "alice.localhost", "a.b.localhost", "127.0.0.1", "127.1.2.3",
            "127.255.255.254", "::1", "[::1]", "0:0:0:0:0:0:0:1", " localhost "})
    void loopback_names_and_literals_are_allowed(String host) throws Exception {
        InetAddress address = loopbackOnly.resolve(host);

        assertTrue(address.isLoopbackAddress(), host + " -> " + address);
    }

    @Test
    void localhost_names_resolve_to_127_0_0_1_without_asking_anyone() throws Exception {
        assertEquals("127.0.0.1", loopbackOnly.resolve("bob.localhost").getHostAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "192.168.1.1", "8.8.8.8", "0.0.0.0", "[2001:db8::1]", "example.com",
            "gaia.cs.umass.edu", "localhost.example.com"})
    void other_hosts_are_refused_by_the_default_policy(String host) {
        TargetNotAllowedException e = assertThrows(TargetNotAllowedException.class, () -> loopbackOnly.resolve(host));

        assertTrue(e.getMessage().contains(host), e.getMessage());
        assertTrue(e.getMessage().contains("--allow-remote"), e.getMessage());
    }

    @Test
    void a_name_that_cannot_exist_in_dns_is_refused_as_not_allowed_so_it_was_never_looked_up() {
        // Were it looked up, it would fail as an unknown host instead.
        String host = "no-such-host-" + UUID.randomUUID() + ".example";

        assertThrows(TargetNotAllowedException.class, () -> loopbackOnly.resolve(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo.invalid", "invalid", "FOO.INVALID", "bad_name", "-bad.com", "bad-.com", "a..b",
            "", "   ", "[::1", "host name", "1:2", "abc:xyz"})
    void malformed_and_invalid_names_are_unknown_hosts(String host) {
        assertThrows(UnknownHostException.class, () -> loopbackOnly.resolve(host));
    }

    @Test
    void a_label_longer_than_63_characters_is_an_unknown_host() {
        assertThrows(UnknownHostException.class, () -> loopbackOnly.resolve("a".repeat(64) + ".com"));
    }

    @Test
    void null_is_an_unknown_host() {
        assertThrows(UnknownHostException.class, () -> loopbackOnly.resolve(null));
    }

    @Test
    void any_host_allows_remote_literals() throws Exception {
        assertEquals("10.0.0.1", TargetPolicy.anyHost().resolve("10.0.0.1").getHostAddress());
        assertEquals(InetAddress.getByName("2001:db8::1"), TargetPolicy.anyHost().resolve("[2001:db8::1]"));
    }

    @Test
    void any_host_still_refuses_invalid_names_without_a_lookup() {
        assertThrows(UnknownHostException.class, () -> TargetPolicy.anyHost().resolve("foo.invalid"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0661\u0662\u0667.\u0660.\u0660.\u0661", "\uff11\uff12\uff17.0.0.1", "::\u0661"})
    void digits_of_other_scripts_are_no_ip_literal_and_never_looked_up(String host) {
        // Character.isDigit takes these; read as a literal, they went to InetAddress and a lookup.
        assertThrows(UnknownHostException.class, () -> loopbackOnly.resolve(host));
    }
}
