package org.socketlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortListTest {
    private static final Param<PortList> PORTS = Param.portList("ports", "", 10, "Ports to scan");

    @Test
    void parses_single_ports_and_inclusive_ranges_in_the_order_given() {
        assertEquals(List.of(80, 22, 8000, 8001, 8002), PortList.parse("80, 22,8000-8002", 10).ports());
    }

    @Test
    void keeps_a_repeated_port_once_where_it_first_appears() {
        assertEquals(List.of(81, 80, 82), PortList.parse("81,80-82,80", 10).ports());
    }

    @Test
    void a_blank_list_means_no_ports() {
        assertEquals(List.of(), PortList.parse("  ", 10).ports());
    }

    @Test
    void accepts_the_lowest_and_highest_ports() {
        assertEquals(List.of(1, 65_535), PortList.parse("1,65535", 10).ports());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "80-70", "abc", "22,,80", "-5", "5-", "1-2-3", "22;80", "+80", "８０",
            "99999999999"})
    void refuses_malformed_or_out_of_range_items_naming_the_parameter(String text) {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> Params.resolve(Param.specs(PORTS), Map.of("ports", text)));

        assertEquals("ports", e.parameter());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-11", "1-65535", "1-5,10-15"})
    void refuses_more_ports_than_allowed(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PortList.parse(text, 10));

        assertEquals("lists more than 10 ports: scan fewer at a time", e.getMessage());
    }

    @Test
    void counts_only_distinct_ports_against_the_limit() {
        assertEquals(10, PortList.parse("1-10,5,1-10,10", 10).ports().size());
    }

    @Test
    void parses_the_whole_range_in_order() {
        List<Integer> ports = PortList.parse("1-65535", 65_535).ports();

        assertEquals(65_535, ports.size());
        assertEquals(1, ports.get(0));
        assertEquals(65_535, ports.get(65_534));
        assertEquals(40_000, ports.get(39_999));
    }

    @Test
    void a_parsed_list_cannot_be_changed_and_equals_any_list_of_the_same_ports() {
        PortList parsed = PortList.parse("22,80-82", 10);

        assertThrows(UnsupportedOperationException.class, () -> parsed.ports().add(443));
        assertThrows(UnsupportedOperationException.class, () -> parsed.ports().set(0, 443));
        assertThrows(IndexOutOfBoundsException.class, () -> parsed.ports().get(4));
        assertEquals(new PortList(List.of(22, 80, 81, 82)), parsed);
        assertEquals(List.of(22, 80, 81, 82).hashCode(), parsed.ports().hashCode());
        assertEquals(parsed, new PortList(parsed.ports()));
        assertEquals("22,80,81,82", parsed.toString());
    }

    @Test
    void a_limit_of_zero_refuses_any_port() {
        assertThrows(IllegalArgumentException.class, () -> PortList.parse("80", 0));
        assertEquals(List.of(), PortList.parse("", 0).ports());
    }

    @Test
    void a_range_that_runs_backwards_says_how_to_write_it() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PortList.parse("5-1", 10));

        assertEquals("range '5-1' runs backwards: write 1-5", e.getMessage());
    }
}
