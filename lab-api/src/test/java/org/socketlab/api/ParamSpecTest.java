package org.socketlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ParamSpecTest {
    private static final ParamSpec BUFFER = ParamSpec.integer("bufferSize", 8, 1, 65_536, "bytes per recv");
    private static final ParamSpec LOOP = ParamSpec.bool("readUntilClosed", true, "loop until closed");
    private static final ParamSpec MESSAGE = ParamSpec.string("message", "HELLO WORLD", "what Alice sends");
    private static final ParamSpec PROTOCOL = ParamSpec.choice("protocol", "both", List.of("both", "tcp", "udp"), "");

    static Stream<Arguments> integers() {
        return Stream.of(
                Arguments.of(1, 1),
                Arguments.of(65_536, 65_536),
                Arguments.of(8L, 8),
                Arguments.of((short) 8, 8),
                Arguments.of(8.0, 8),
                Arguments.of(new BigDecimal("1024.000"), 1024),
                Arguments.of("1024", 1024),
                Arguments.of(" 16 ", 16));
    }

    @ParameterizedTest
    @MethodSource("integers")
    void an_int_is_taken_from_a_number_or_a_decimal_string(Object raw, int expected) {
        assertEquals(expected, BUFFER.parse(raw));
    }

    static Stream<Object> badIntegers() {
        return Stream.of(0, -1, 65_537, "0", "70000", Long.MAX_VALUE, 1e20, // out of range
                1.5, "2.5", 0.1f, // fractions
                Double.NaN, Double.POSITIVE_INFINITY, "", "eight", "0x10", "8 bytes", true, List.of(8));
    }

    @ParameterizedTest
    @MethodSource("badIntegers")
    void an_int_out_of_range_fractional_or_not_a_number_is_refused_naming_the_parameter(Object raw) {
        InvalidParamException e = assertThrows(InvalidParamException.class, () -> BUFFER.parse(raw));

        assertEquals("bufferSize", e.parameter());
        assertTrue(e.getMessage().startsWith("parameter 'bufferSize': must be an integer from 1 to 65536, got "),
                e.getMessage());
    }

    @Test
    void an_int_range_with_only_a_minimum_says_so() {
        ParamSpec count = new ParamSpec("clients", ParamType.INT, 3, "", List.of(), 1, null);

        InvalidParamException e = assertThrows(InvalidParamException.class, () -> count.parse(0));
        assertEquals("parameter 'clients': must be an integer of at least 1, got 0", e.getMessage());
        assertEquals(1_000_000, count.parse(1_000_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", " True "})
    void a_boolean_is_taken_from_true_in_any_case(String raw) {
        assertEquals(Boolean.TRUE, LOOP.parse(raw));
    }

    @Test
    void a_boolean_is_taken_from_a_boolean_or_false() {
        assertEquals(Boolean.FALSE, LOOP.parse(false));
        assertEquals(Boolean.FALSE, LOOP.parse("false"));
    }

    @ParameterizedTest
    @MethodSource("badBooleans")
    void anything_else_is_not_a_boolean(Object raw) {
        InvalidParamException e = assertThrows(InvalidParamException.class, () -> LOOP.parse(raw));

        assertEquals("readUntilClosed", e.parameter());
        assertTrue(e.getMessage().contains("must be true or false"), e.getMessage());
    }

    static Stream<Object> badBooleans() {
        return Stream.of("yes", "1", "", "on", 1, 0);
    }

    @Test
    void a_choice_accepts_exactly_one_of_its_values() {
        assertEquals("tcp", PROTOCOL.parse("tcp"));
    }

    @ParameterizedTest
    @MethodSource("badChoices")
    void a_choice_refuses_other_values_and_lists_the_allowed_ones(Object raw) {
        InvalidParamException e = assertThrows(InvalidParamException.class, () -> PROTOCOL.parse(raw));

        assertEquals("protocol", e.parameter());
        assertTrue(e.getMessage().contains("must be one of both, tcp, udp"), e.getMessage());
    }

    static Stream<Object> badChoices() {
        return Stream.of("TCP", " tcp", "", "sctp", 1);
    }

    @Test
    void a_string_of_the_maximum_length_is_accepted_and_one_more_character_is_refused() {
        String longest = "x".repeat(ParamSpec.MAX_STRING_LENGTH);
        assertEquals(longest, MESSAGE.parse(longest));

        InvalidParamException e = assertThrows(InvalidParamException.class, () -> MESSAGE.parse(longest + "x"));
        assertEquals("message", e.parameter());
        assertTrue(e.getMessage().contains("at most 4096 characters"), e.getMessage());
    }

    @Test
    void a_string_parameter_refuses_a_number() {
        InvalidParamException e = assertThrows(InvalidParamException.class, () -> MESSAGE.parse(42));

        assertEquals("parameter 'message': must be a string, got 42", e.getMessage());
    }

    @Test
    void a_huge_wrong_value_is_shown_shortened_in_the_message() {
        InvalidParamException e = assertThrows(InvalidParamException.class, () -> BUFFER.parse("9".repeat(1000)));

        assertTrue(e.getMessage().length() < 120, e.getMessage());
        assertTrue(e.getMessage().endsWith("..."), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("allSpecs")
    void null_is_refused_for_every_type_naming_the_parameter(ParamSpec spec) {
        InvalidParamException e = assertThrows(InvalidParamException.class, () -> spec.parse(null));

        assertEquals(spec.name(), e.parameter());
        assertTrue(e.getMessage().contains("needs a value"), e.getMessage());
    }

    static Stream<ParamSpec> allSpecs() {
        return Stream.of(BUFFER, LOOP, MESSAGE, PROTOCOL);
    }

    @Test
    void the_default_is_parsed_and_kept() {
        assertEquals(8, BUFFER.defaultValue());
        assertEquals(Boolean.TRUE, LOOP.defaultValue());
        assertEquals(ParamType.CHOICE, PROTOCOL.type());
        assertEquals(List.of("both", "tcp", "udp"), PROTOCOL.choices());
    }

    @Test
    void a_default_outside_its_own_range_is_a_bug_in_the_case() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParamSpec.integer("bufferSize", 0, 1, 10, ""));
        assertTrue(e.getMessage().contains("bufferSize"), e.getMessage());
    }

    @Test
    void a_choice_default_that_is_not_a_choice_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> ParamSpec.choice("protocol", "sctp", List.of("tcp"), ""));
    }

    @Test
    void a_choice_without_choices_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> ParamSpec.choice("protocol", "tcp", List.of(), ""));
    }

    @Test
    void a_minimum_above_the_maximum_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> ParamSpec.integer("n", 5, 10, 1, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BufferSize", "buffer_size", "buffer-size", "1st", "", "buffer size"})
    void a_name_that_is_not_camel_case_is_refused(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParamSpec.string(name, "", ""));
        assertTrue(e.getMessage().contains("camelCase"), e.getMessage());
    }
}
