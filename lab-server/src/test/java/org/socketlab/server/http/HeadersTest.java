package org.socketlab.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeadersTest {

    @Test
    void finds_fields_whatever_the_case_of_the_name() {
        Headers headers = Headers.of("Content-Type", "text/plain");

        assertEquals(Optional.of("text/plain"), headers.first("content-type"));
        assertTrue(headers.contains("CONTENT-TYPE"));
    }

    @Test
    void keeps_repeated_fields_in_order() {
        Headers headers = Headers.of("Vary", "Accept").with("Cache-Control", "no-cache").with("vary", "Origin");

        assertEquals(List.of("Accept", "Origin"), headers.all("VARY"));
        assertEquals(3, headers.size());
    }

    @Test
    void is_not_changed_by_with_or_without() {
        Headers original = Headers.of("A", "1");

        Headers added = original.with("B", "2");
        Headers removed = added.without("a");

        assertEquals(1, original.size());
        assertEquals("B", removed.name(0));
        assertSame(original, original.without("missing"));
    }

    @Test
    void finds_a_token_in_a_comma_separated_value() {
        Headers headers = Headers.of("Connection", "keep-alive , Upgrade", "Connection", "Close");

        assertTrue(headers.containsToken("connection", "upgrade"));
        assertTrue(headers.containsToken("Connection", "close"));
        assertFalse(headers.containsToken("Connection", "keep"));
        assertFalse(headers.containsToken("Accept", "close"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bad Name", "Bad:Name", "Na\u00efve", "X\r\nInjected"})
    void refuses_a_name_that_is_not_a_token(String name) {
        assertThrows(IllegalArgumentException.class, () -> Headers.empty().with(name, "v"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nInjected: 1", "a\nb", "a\rb", "a\u0000b", "\u20ac"})
    void refuses_a_value_that_could_split_the_message(String value) {
        assertThrows(IllegalArgumentException.class, () -> Headers.empty().with("X", value));
    }

    @Test
    void compares_names_ignoring_case() {
        assertEquals(Headers.of("A", "1"), Headers.of("a", "1"));
        assertEquals(Headers.of("A", "1").hashCode(), Headers.of("a", "1").hashCode());
    }
}
