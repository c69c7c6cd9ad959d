package org.socketlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ParamsTest {
    private static final List<ParamSpec> SPECS = List.of(
            ParamSpec.bool("readUntilClosed", true, ""),
            ParamSpec.integer("bufferSize", 8, 1, 65_536, ""),
            ParamSpec.string("message", "HELLO WORLD", ""));

    @Test
    void missing_values_take_their_defaults_in_the_order_of_the_specs() {
        Params params = Params.resolve(SPECS, Map.of());

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("readUntilClosed", true);
        expected.put("bufferSize", 8);
        expected.put("message", "HELLO WORLD");
        assertEquals(expected, params.asMap());
        assertEquals(List.of("readUntilClosed", "bufferSize", "message"), List.copyOf(params.asMap().keySet()));
    }

    @Test
    void null_given_values_mean_all_defaults() {
        assertEquals(8, Params.resolve(SPECS, null).getInt("bufferSize"));
    }

    @Test
    void given_values_are_parsed_by_their_specs() {
        Params params = Params.resolve(SPECS, Map.of("bufferSize", "1024", "readUntilClosed", "false"));

        assertEquals(1024, params.getInt("bufferSize"));
        assertEquals(false, params.getBoolean("readUntilClosed"));
        assertEquals("HELLO WORLD", params.getString("message"));
    }

    @Test
    void an_unknown_parameter_is_named_with_the_known_ones() {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> Params.resolve(SPECS, Map.of("bufferSzie", 16)));

        assertEquals("bufferSzie", e.parameter());
        assertEquals("parameter 'bufferSzie': unknown parameter (known: readUntilClosed, bufferSize, message)",
                e.getMessage());
    }

    @Test
    void a_case_without_parameters_says_so() {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> Params.resolve(List.of(), Map.of("port", 80)));

        assertTrue(e.getMessage().contains("this case takes no parameters"), e.getMessage());
    }

    @Test
    void an_invalid_value_is_named() {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> Params.resolve(SPECS, Map.of("bufferSize", 0)));

        assertEquals("bufferSize", e.parameter());
    }

    @Test
    void an_explicit_null_is_refused_rather_than_defaulted() {
        Map<String, Object> given = new HashMap<>();
        given.put("message", null);

        InvalidParamException e = assertThrows(InvalidParamException.class, () -> Params.resolve(SPECS, given));
        assertEquals("message", e.parameter());
    }

    @Test
    void reading_an_undeclared_or_mistyped_parameter_is_a_bug_in_the_case() {
        Params params = Params.resolve(SPECS, Map.of());

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> params.getInt("port"));
        assertTrue(missing.getMessage().contains("port"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> params.getString("bufferSize"));
    }

    @Test
    void the_values_cannot_be_changed() {
        Params params = Params.resolve(SPECS, Map.of());

        assertThrows(UnsupportedOperationException.class, () -> params.asMap().put("bufferSize", 1));
    }
}
