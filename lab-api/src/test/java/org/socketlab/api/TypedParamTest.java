package org.socketlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.socketlab.api.transcript.Outcome;
import org.socketlab.api.transcript.Transcript;

class TypedParamTest {
    private static final Param<HostPort> TARGET = Param.hostPort("target", "127.0.0.1:8080", "Your server");
    private static final Param<PortList> PORTS = Param.portList("ports", "22,80,8000-8002", 100, "Ports to scan");
    private static final Param<Integer> BUFFER = Param.integer("bufferSize", 1024, 1, 65_536, "Bytes per recv");
    private static final Param<Boolean> LOOP = Param.bool("loop", true, "Read until closed");
    private static final Param<String> NAME = Param.pattern("hostName", "example.com", "[a-z0-9.-]+",
            "a lowercase host name such as example.com", "The name to look up");
    private static final List<ParamSpec> SPECS = Param.specs(TARGET, PORTS, BUFFER, LOOP, NAME);

    @Test
    void typed_values_are_read_with_their_handles_and_1_0_getters_still_work() {
        Params params = Params.resolve(SPECS, Map.of("target", "[::1]:9000", "bufferSize", "8"));

        assertEquals(new HostPort("::1", 9000), params.get(TARGET));
        assertEquals(List.of(22, 80, 8000, 8001, 8002), params.get(PORTS).ports());
        assertEquals(8, params.get(BUFFER));
        assertEquals(true, params.get(LOOP));
        assertEquals("example.com", params.get(NAME));
        assertEquals(8, params.getInt("bufferSize"));
        assertEquals("[::1]:9000", params.getString("target"), "the text stays what the caller gave");
    }

    @Test
    void a_bad_value_is_refused_before_the_run_naming_the_parameter() {
        InvalidParamException bad = assertThrows(InvalidParamException.class,
                () -> Params.resolve(SPECS, Map.of("target", "localhost")));
        assertEquals("target", bad.parameter());
        assertEquals("parameter 'target': must be host:port, e.g. 127.0.0.1:8080", bad.getMessage());

        InvalidParamException range = assertThrows(InvalidParamException.class,
                () -> Params.resolve(SPECS, Map.of("ports", "90-80")));
        assertEquals("parameter 'ports': range '90-80' runs backwards: write 80-90", range.getMessage());

        InvalidParamException pattern = assertThrows(InvalidParamException.class,
                () -> Params.resolve(SPECS, Map.of("hostName", "Bad Name")));
        assertEquals("parameter 'hostName': must be a lowercase host name such as example.com, got 'Bad Name'",
                pattern.getMessage());
    }

    @Test
    void a_case_whose_value_does_not_parse_does_not_run() {
        boolean[] ran = {false};
        Inline labCase = new Inline(SPECS, context -> ran[0] = true);
        assertThrows(InvalidParamException.class, () -> CaseRunner.run(labCase, Map.of("target", "x:0")));
        assertEquals(false, ran[0]);
    }

    @Test
    void a_run_reads_the_parsed_value() {
        Transcript transcript = CaseRunner.run(new Inline(SPECS, context ->
                context.checkEquals("target", new HostPort("localhost", 7), context.params().get(TARGET))),
                Map.of("target", "localhost:7"));
        assertEquals(Outcome.PASSED, transcript.outcome(), transcript.error());
    }

    @Test
    void a_default_that_does_not_parse_fails_where_it_is_declared() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Param.hostPort("target", "8080", "Your server"));
        assertEquals("default of parameter 'target': must be host:port, e.g. 127.0.0.1:8080", bad.getMessage());
    }

    @Test
    void reading_a_parameter_the_case_did_not_declare_says_so() {
        Params params = Params.resolve(Param.specs(BUFFER), Map.of());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> params.get(TARGET));
        assertEquals("parameter 'target' is not declared by the case: list its spec in params() (the case declares: "
                + "[bufferSize])", bad.getMessage());
    }

    @Test
    void reading_with_a_param_whose_spec_differs_from_the_declared_one_says_so() {
        Params params = Params.resolve(List.of(ParamSpec.string("target", "127.0.0.1:80", "1.0 style")), Map.of());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> params.get(TARGET));
        assertEquals("parameter 'target' is declared with another spec than this Param's: list the same Param's "
                + "spec() in params(), e.g. Param.specs(...)", bad.getMessage());
    }

    @Test
    void port_lists_and_host_ports_show_as_they_are_written() {
        assertEquals("22,80,81", PortList.parse(" 22, 80-81 ,80", 10).toString());
        assertEquals("[::1]:80", HostPort.parse("[::1]:80").toString());
        assertThrows(IllegalArgumentException.class, () -> PortList.parse("1-65535", 1000));
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse("::1:80"));
    }
}
