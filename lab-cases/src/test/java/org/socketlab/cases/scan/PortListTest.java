package org.socketlab.cases.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketlab.api.InvalidParamException;

class PortListTest {

    @Test
    void parses_single_ports_and_inclusive_ranges_in_the_order_given() {
        assertEquals(List.of(80, 22, 8000, 8001, 8002), PortList.parse("ports", "80, 22,8000-8002", 10));
    }

    @Test
    void scans_a_repeated_port_once_where_it_first_appears() {
        assertEquals(List.of(81, 80, 82), PortList.parse("ports", "81,80-82,80", 10));
    }

    @Test
    void a_blank_list_means_no_ports() {
        assertEquals(List.of(), PortList.parse("ports", "  ", 10));
    }

    @Test
    void accepts_the_lowest_and_highest_ports() {
        assertEquals(List.of(1, 65_535), PortList.parse("ports", "1,65535", 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "80-70", "abc", "22,,80", "-5", "5-", "1-2-3", "22;80", "+80", "８０",
            "99999999999"})
    void rejects_malformed_or_out_of_range_items_naming_the_parameter(String text) {
        InvalidParamException e = assertThrows(InvalidParamException.class, () -> PortList.parse("ports", text, 10));

        assertEquals("ports", e.parameter());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-11", "1-65535", "1-5,10-15"})
    void rejects_more_ports_than_allowed(String text) {
        InvalidParamException e = assertThrows(InvalidParamException.class, () -> PortList.parse("ports", text, 10));

        assertEquals("ports", e.parameter());
    }
}
