package org.socketlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptionalParamTest {
    private static final Param<Optional<HostPort>> TARGET = Param.optional("target",
            "Your server; empty: the lab's", HostPort::parse);
    private static final List<ParamSpec> SPECS = Param.specs(TARGET);

    @Test
    void is_a_string_parameter_whose_default_is_empty() {
        ParamSpec spec = TARGET.spec();

        assertEquals(ParamType.STRING, spec.type());
        assertEquals("", spec.defaultValue());
        assertEquals(Optional.empty(), Params.resolve(SPECS, Map.of()).get(TARGET));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blank_text_is_no_value(String text) {
        assertEquals(Optional.empty(), Params.resolve(SPECS, Map.of("target", text)).get(TARGET));
    }

    @Test
    void other_text_is_parsed_once_and_read_typed() {
        Params params = Params.resolve(SPECS, Map.of("target", " [::1]:9000 "));

        assertEquals(Optional.of(new HostPort("::1", 9000)), params.get(TARGET));
    }

    @Test
    void text_the_parser_refuses_is_the_callers_mistake_naming_the_parameter() {
        InvalidParamException bad = assertThrows(InvalidParamException.class,
                () -> Params.resolve(SPECS, Map.of("target", "nohost:99999")));

        assertEquals("target", bad.parameter());
        assertEquals("parameter 'target': must be host:port with a port from 1 to 65535", bad.getMessage());
    }

    @Test
    void a_parser_that_returns_no_value_is_refused_naming_the_parameter() {
        Param<Optional<String>> broken = Param.optional("word", "A word", text -> null);

        InvalidParamException bad = assertThrows(InvalidParamException.class,
                () -> Params.resolve(Param.specs(broken), Map.of("word", "x")));

        assertEquals("word", bad.parameter());
    }
}
